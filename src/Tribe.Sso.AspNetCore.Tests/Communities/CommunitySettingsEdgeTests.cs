using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>A community's settings at their edges: reloads that only look alike, a failing Configure, names and messages.</summary>
public class CommunitySettingsEdgeTests
{
    [Test]
    public async Task Reload_MovingTextBetweenTwoSettings_IsAChange()
    {
        await using var app = await CommunitiesApp.StartAsync();
        app.Configuration.Reload(new Dictionary<string, string?> { ["Communities:acme:Audience"] = "aud", ["Communities:acme:SsoPath"] = "/auth/sso" });
        var before = app.App.Services.GetRequiredKeyedService<TribeSsoIssuer>("acme");

        // The same characters in a row, split differently: only the length of each setting tells them apart.
        app.Configuration.Reload(new Dictionary<string, string?> { ["Communities:acme:Audience"] = "aud/auth", ["Communities:acme:SsoPath"] = "/sso" });

        var after = app.App.Services.GetRequiredKeyedService<TribeSsoIssuer>("acme");
        after.Should().NotBeSameAs(before);
        (await app.LinkFromAsync("/acme/sso")).AbsoluteUri.Should().StartWith("https://acme.example.com/sso?");
    }

    [Test]
    public async Task Reload_ToAnEmptyAudience_IsRefused()
    {
        await using var app = await CommunitiesApp.StartAsync();
        var community = app.App.Services.GetRequiredKeyedService<TribeSsoCommunity>("acme");

        app.Configuration.Reload("Communities:acme:Audience", string.Empty);

        community.Current.Problem.Should().StartWith("Communities:acme:Audience is invalid.", "an empty setting is never valid where an unset one is, so the two need not be told apart");
    }

    [Test]
    public async Task Reload_BackToTheSettingsInUse_AfterARefusedOne_ClearsTheProblem()
    {
        await using var app = await CommunitiesApp.StartAsync();
        var community = app.App.Services.GetRequiredKeyedService<TribeSsoCommunity>("acme");
        var issuer = community.Issuer;

        app.Configuration.Reload("Communities:acme:PrivateKey", "not-a-key");
        community.Current.Problem.Should().StartWith("Communities:acme:PrivateKey is unusable.");
        app.Configuration.Reload("Communities:acme:PrivateKey", CommunitiesApp.Settings()["Communities:acme:PrivateKey"]);

        community.Current.Problem.Should().BeNull("the settings in the configuration are valid again");
        community.Issuer.Should().NotBeSameAs(issuer);
        app.Logs.GetSnapshot().Should().ContainSingle(e => e.Id.Name == "SettingsApplied");
    }

    [Test]
    public void Dispose_StopsFollowingTheConfiguration()
    {
        var configuration = new ReloadableConfiguration(CommunitiesApp.Settings());
        var root = new ConfigurationBuilder().Add(configuration).Build();
        var services = new ServiceCollection().AddLogging().AddTribeSso("acme", root.GetSection("Communities:acme")).BuildServiceProvider();
        var community = services.GetRequiredKeyedService<TribeSsoCommunity>("acme");
        var issuer = community.Issuer;

        services.Dispose();
        configuration.Reload("Communities:acme:CommunityUrl", "https://acme-new.example.com");

        community.Issuer.Should().BeSameAs(issuer);
    }

    [Test]
    public void ConfigureThatThrows_IsTheCommunitysProblem_WithoutItsMessage()
    {
        using var services = new ServiceCollection().AddLogging().AddTribeSso(_ => throw new InvalidOperationException("value 'hunter2' is wrong")).BuildServiceProvider();

        var read = () => services.GetRequiredService<TribeSsoIssuer>();

        read.Should().Throw<OptionsValidationException>().Which.Message.Should().Be(
            "TribeSsoCommunityOptions could not be read: configuring the settings threw InvalidOperationException.");
    }

    [TestCase("Brandacme", "Tribe SSO community 'acme': Brandacme:PrivateKey is not set.")]
    [TestCase("Communities:acme", "Communities:acme:PrivateKey is not set.")]
    [TestCase("Communities:x[acme", "Tribe SSO community 'acme': Communities:x[acme:PrivateKey is not set.")]
    [TestCase("Communities:xacme]", "Tribe SSO community 'acme': Communities:xacme]:PrivateKey is not set.")]
    public void Failure_NamesTheCommunity_UnlessTheSettingsPathDoes(string sectionPath, string start)
    {
        var root = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [sectionPath + ":CommunityUrl"] = "https://acme.example.com" }).Build();
        using var services = new ServiceCollection().AddLogging().AddTribeSso("acme", root.GetSection(sectionPath)).BuildServiceProvider();

        var read = () => services.GetRequiredKeyedService<TribeSsoIssuer>("acme");

        read.Should().Throw<OptionsValidationException>().Which.Message.Should().StartWith(start);
    }

    [Test]
    public void Failure_OfACommunityConfiguredInCode_NamesTheOptionsWithItsName()
    {
        using var services = new ServiceCollection().AddLogging().AddTribeSso("acme", o => o.CommunityUrl = new Uri("https://acme.example.com")).BuildServiceProvider();

        var read = () => services.GetRequiredKeyedService<TribeSsoIssuer>("acme");

        read.Should().Throw<OptionsValidationException>().Which.Message.Should().StartWith("TribeSsoCommunityOptions[acme]:PrivateKey is not set.");
    }

    [Test]
    public void CommunityName_OfSixtyFourCharacters_IsTheLongestAccepted()
    {
        var longest = new string('a', 64);

        new ServiceCollection().AddTribeSso(longest, _ => { }).Should().NotBeNull();
        var tooLong = () => new ServiceCollection().AddTribeSso(longest + "a", _ => { });
        tooLong.Should().Throw<ArgumentException>().WithParameterName("name");
    }

    [TestCase(null, "TribeSsoCommunityOptions { CommunityUrl = https://acme.example.com/, SsoPath = /auth/sso, PrivateKey = (not set) }")]
    [TestCase("secret-key", "TribeSsoCommunityOptions { CommunityUrl = https://acme.example.com/, SsoPath = /auth/sso, PrivateKey = (hidden) }")]
    public void ToString_NamesTheAddressAndPath_AndNeverTheKey(string? key, string text)
        => new TribeSsoCommunityOptions { CommunityUrl = new Uri("https://acme.example.com"), PrivateKey = key }.ToString().Should().Be(text);

    [Test]
    public void UnusableKey_WithTheShortKeyOptIn_GetsNoHintToOptIn()
    {
        var options = new TribeSsoCommunityOptions { CommunityUrl = new Uri("https://acme.example.com"), PrivateKey = " padded-key ", AllowShortPrivateKey = true };

        var problem = options.Check("TribeSso", out var result);

        result.Should().BeNull();
        problem.Should().StartWith("TribeSso:PrivateKey is unusable. ").And.NotContain("opt-in");
    }

    [Test]
    public void Validator_PassesValidSettings_AndSkipsOptionsOfNoCommunity()
    {
        using var services = new ServiceCollection().AddLogging().AddTribeSso("acme", o =>
        {
            o.CommunityUrl = new Uri("https://acme.example.com");
            o.PrivateKey = TestKeys.Primary;
        }).BuildServiceProvider();
        var validator = new TribeSsoCommunityOptionsValidator(services);
        var valid = new TribeSsoCommunityOptions { CommunityUrl = new Uri("https://acme.example.com"), PrivateKey = TestKeys.Primary };

        validator.Validate("acme", valid).Succeeded.Should().BeTrue();
        validator.Validate("other", new TribeSsoCommunityOptions()).Skipped.Should().BeTrue();
        services.GetRequiredService<IOptionsMonitor<TribeSsoCommunityOptions>>().Get("other").PrivateKey.Should().BeNull("options of a name no community has are not validated");
    }
}
