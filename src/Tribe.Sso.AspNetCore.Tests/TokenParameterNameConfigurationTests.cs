using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>TribeSso:TokenParameterName, bound from configuration and checked at start-up like every other setting.</summary>
public class TokenParameterNameConfigurationTests
{
    [Test]
    public void Configured_IsTheIssuersTokenParameter()
    {
        using var provider = Provider(new() { ["Sso:TokenParameterName"] = "token" });

        var issuer = provider.GetRequiredService<TribeSsoIssuer>();

        issuer.TokenParameterName.Should().Be("token");
        issuer.CreateLoginUrl(TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").Build()).AbsoluteUri.Should().StartWith("https://community.example.com/auth/sso?token=eyJ");
    }

    [Test]
    public void NotConfigured_IsJwt()
    {
        using var provider = Provider(new());

        provider.GetRequiredService<TribeSsoIssuer>().TokenParameterName.Should().Be("jwt");
    }

    [Test]
    public async Task Invalid_FailsAtStartUp_NamingTheConfigurationKey()
    {
        var settings = PartnerApp.ValidSettings();
        settings["TribeSso:TokenParameterName"] = "redirect";
        await using var app = PartnerApp.Build(settings, new FakeLogCollector(), TestClock.Create());

        var start = () => app.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message
            .Should().Be("TribeSso:TokenParameterName is invalid. Option 'TokenParameterName' is 'redirect', a parameter that carries the redirect target. Use jwt (the default), or token or ssoToken if your community reads that name.");
    }

    private static ServiceProvider Provider(Dictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sso:CommunityUrl"] = "https://community.example.com",
            ["Sso:PrivateKey"] = TestKeys.Primary,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddTribeSso(configuration.GetSection("Sso")).BuildServiceProvider();
    }
}
