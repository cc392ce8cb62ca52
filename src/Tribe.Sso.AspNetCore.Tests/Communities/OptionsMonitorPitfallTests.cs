using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tribe.Sso.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>
/// The framework behaviour the rotation design works around, pinned so a change in a future Microsoft.Extensions.Options
/// shows up here: with a validator registered, IOptionsMonitor throws out of the configuration provider's reload, and its
/// OnChange listeners never see the invalid value. A community therefore reads its settings itself.
/// </summary>
public class OptionsMonitorPitfallTests
{
    [Test]
    public void ValidatedOptionsMonitor_ThrowsOutOfTheReload_AndOnChangeNeverSeesTheBadValue()
    {
        var configuration = new ReloadableConfiguration(new Dictionary<string, string?> { ["Plain:Value"] = "good" });
        using var provider = new ServiceCollection()
            .AddOptions<PlainSettings>().Bind(new ConfigurationBuilder().Add(configuration).Build().GetSection("Plain")).Validate(s => s.Value == "good").Services
            .BuildServiceProvider();
        var monitor = provider.GetRequiredService<IOptionsMonitor<PlainSettings>>();
        var seen = new List<string?>();
        using var listener = monitor.OnChange(s => seen.Add(s.Value));

        var reload = () => configuration.Reload("Plain:Value", "bad");

        reload.Should().Throw<OptionsValidationException>();
        seen.Should().BeEmpty();
    }

    [Test]
    public void TribeSsoCommunityOptions_RefusedReload_DoesNotThrowOutOfTheReload_AndTheLastValidUrlAndKeyStayInUse()
    {
        var configuration = new ReloadableConfiguration(CommunitiesApp.Settings());
        using var provider = new ServiceCollection()
            .AddTribeSso(new ConfigurationBuilder().Add(configuration).Build().GetSection("TribeSso"))
            .BuildServiceProvider();
        provider.GetRequiredService<IOptionsMonitor<TribeSsoCommunityOptions>>().Get(Options.DefaultName);

        var reload = () => configuration.Reload(new Dictionary<string, string?>
        {
            ["TribeSso:CommunityUrl"] = "https://moved.example.com",
            ["TribeSso:PrivateKey"] = TestKeys.Short,
        });

        reload.Should().NotThrow();
        var link = provider.GetRequiredService<TribeSsoIssuer>().CreateLoginUrl(TribeSsoUser.Create("42", "Jane", "jane@example.com").Build());
        link.ToString().Should().StartWith("https://community.example.com/auth/sso?jwt=", "the last valid URL is kept");
        new InMemoryTribeCommunity(TribeSsoKey.FromString(TestKeys.Primary)).SignIn(new System.Uri(link.ToString()))
            .Outcome.Should().Be(TribeSsoSignInOutcome.Created, "the last valid key is kept");
    }

    private sealed class PlainSettings
    {
        public string? Value { get; set; }
    }
}
