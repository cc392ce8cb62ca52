using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Tribe.Sso.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>Configuration binding and validation at start-up.</summary>
public class AddTribeSsoTests
{
    [TestCase("TribeSso:PrivateKey", null, "TribeSso:PrivateKey is not set. Store the key of the community's \"JWT SSO\" app in user secrets (dotnet user-secrets set \"TribeSso:PrivateKey\" \"<key>\"), the environment variable TribeSso__PrivateKey, or your secret store.")]
    [TestCase("TribeSso:PrivateKey", TestKeys.Short, "TribeSso:PrivateKey is unusable. The SSO private key is 20 UTF-8 bytes long; HS256 requires at least 32 bytes*(In configuration, the opt-in is TribeSso:AllowShortPrivateKey = true.)")]
    [TestCase("TribeSso:PrivateKey", TestKeys.Primary + " ", "TribeSso:PrivateKey is unusable. The SSO private key starts or ends with whitespace, which is almost always a copy/paste accident and would sign with a different key than the community's. Trim it where it is loaded (configuration, environment variable or file).")]
    [TestCase("TribeSso:PrivateKey", " " + TestKeys.Short, "TribeSso:PrivateKey is unusable. The SSO private key starts or ends with whitespace, which is almost always a copy/paste accident and would sign with a different key than the community's. Trim it where it is loaded (configuration, environment variable or file).")]
    [TestCase("TribeSso:CommunityUrl", null, "TribeSso:CommunityUrl is invalid. Option 'CommunityUrl' is not set*")]
    [TestCase("TribeSso:CommunityUrl", "http://community.example.com", "TribeSso:CommunityUrl is invalid. Option 'CommunityUrl' uses the scheme 'http'*")]
    [TestCase("TribeSso:TokenLifetime", "00:20:00", "TribeSso:TokenLifetime is invalid. Option 'TokenLifetime' is 00:20:00; it must be from 1 second to 10 minutes*")]
    [TestCase("TribeSso:SsoPath", "auth/sso", "TribeSso:SsoPath is invalid. Option 'SsoPath' must be a path that starts with '/'*")]
    [TestCase("TribeSso:RedirectParameterName", "jwt", "TribeSso:RedirectParameterName is invalid.*")]
    public async Task InvalidConfiguration_FailsAtStartUp_NamingTheKeyNotTheValue(string key, string? value, string message)
    {
        var settings = PartnerApp.ValidSettings();
        settings[key] = value;
        await using var app = PartnerApp.Build(settings, new FakeLogCollector(), TestClock.Create());

        var start = () => app.StartAsync();

        var exception = (await start.Should().ThrowAsync<OptionsValidationException>()).Which;
        exception.Message.Should().Match(message);
        exception.Message.Should().NotContain(TestKeys.Primary).And.NotContain(TestKeys.Short);
    }

    [Test]
    public async Task ShortKeyWithOptIn_Starts()
    {
        var settings = PartnerApp.ValidSettings();
        settings["TribeSso:PrivateKey"] = TestKeys.Short;
        settings["TribeSso:AllowShortPrivateKey"] = "true";
        await using var app = PartnerApp.Build(settings, new FakeLogCollector(), TestClock.Create());

        await app.StartAsync();

        var token = app.Services.GetRequiredService<TribeSsoIssuer>().CreateToken(TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").Build());
        new TribeSsoTokenReader(TribeSsoKey.FromShortCommunityKey(TestKeys.Short)).Read(token).SignatureStatus.Should().Be(TribeSsoSignatureStatus.Valid);
        await app.StopAsync();
    }

    [Test]
    public void EveryOption_IsBound()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sso:CommunityUrl"] = "https://example.com/community",
            ["Sso:PrivateKey"] = TestKeys.Primary,
            ["Sso:TokenLifetime"] = "00:02:00",
            ["Sso:Audience"] = "partner",
            ["Sso:SsoPath"] = "/api/auth/sso",
            ["Sso:RedirectParameterName"] = "redirect_uri",
            ["Sso:AllowAdminRole"] = "true",
        }).Build();
        using var provider = new ServiceCollection().AddTribeSso(configuration.GetSection("Sso")).BuildServiceProvider();

        var issuer = provider.GetRequiredService<TribeSsoIssuer>();

        issuer.CommunityUrl.Should().Be(new Uri("https://example.com/community/"));
        issuer.TokenLifetime.Should().Be(TimeSpan.FromMinutes(2));
        issuer.Audience.Should().Be("partner");
        issuer.SsoPath.Should().Be("/api/auth/sso");
        issuer.RedirectParameterName.Should().Be("redirect_uri");
        issuer.AllowAdminRole.Should().BeTrue();
        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
        provider.GetRequiredService<TribeSsoIssuer>().Should().BeSameAs(issuer, "the issuer is a singleton");
    }

    [Test]
    public void KeyFromEnvironmentVariable_IsBound()
    {
        Environment.SetEnvironmentVariable("TRIBESSOTEST_TribeSso__PrivateKey", TestKeys.Primary);
        Environment.SetEnvironmentVariable("TRIBESSOTEST_TribeSso__CommunityUrl", "https://community.example.com");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables("TRIBESSOTEST_").Build();
            using var provider = new ServiceCollection().AddTribeSso(configuration.GetSection("TribeSso")).BuildServiceProvider();

            provider.GetRequiredService<TribeSsoIssuer>().CommunityUrl.Host.Should().Be("community.example.com");
        }
        finally
        {
            Environment.SetEnvironmentVariable("TRIBESSOTEST_TribeSso__PrivateKey", null);
            Environment.SetEnvironmentVariable("TRIBESSOTEST_TribeSso__CommunityUrl", null);
        }
    }

    [Test]
    public void DelegateOverload_ValidatesWithTheSettingsTypeAsPrefix()
    {
        using var provider = new ServiceCollection()
            .AddTribeSso(s => s.CommunityUrl = new Uri("https://community.example.com"))
            .BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<IOptions<TribeSsoCommunityOptions>>().Value;

        resolve.Should().Throw<OptionsValidationException>().WithMessage("TribeSsoCommunityOptions:PrivateKey is not set*");
    }

    [Test]
    public void ExistingTimeProvider_IsKept()
    {
        var clock = TestClock.Create();
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddTribeSso(s => { s.CommunityUrl = new Uri("https://community.example.com"); s.PrivateKey = TestKeys.Primary; })
            .BuildServiceProvider();

        var token = provider.GetRequiredService<TribeSsoIssuer>().CreateToken(TribeSsoUser.Create("42", "Jane", "jane@example.com").Build());

        Jwt.Payload(token).GetProperty("iat").GetInt64().Should().Be(TestClock.UnixSeconds);
    }

    [Test]
    public void Settings_ToString_HidesTheKey()
    {
        new TribeSsoCommunityOptions { PrivateKey = TestKeys.Primary }.ToString().Should().Contain("PrivateKey = (hidden)").And.NotContain(TestKeys.Primary);
    }
}
