using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>A reload that changes any one setting of a community, and only it, gives the community a new issuer.</summary>
public class SettingsReloadTests
{
    /// <summary>Every setting with a valid new value for the community <c>acme</c>; one row per public property.</summary>
    private static readonly object[][] EverySetting =
    [
        [nameof(TribeSsoCommunityOptions.CommunityUrl), "https://acme-new.example.com"],
        [nameof(TribeSsoCommunityOptions.PrivateKey), CommunitiesApp.AcmeRotatedKey],
        [nameof(TribeSsoCommunityOptions.AllowShortPrivateKey), "true"],
        [nameof(TribeSsoCommunityOptions.TokenLifetime), "00:02:00"],
        [nameof(TribeSsoCommunityOptions.Audience), "acme-audience"],
        [nameof(TribeSsoCommunityOptions.SsoPath), "/api/auth/sso"],
        [nameof(TribeSsoCommunityOptions.RedirectParameterName), "redirect_uri"],
        [nameof(TribeSsoCommunityOptions.TokenParameterName), "token"],
    ];

    [TestCaseSource(nameof(EverySetting))]
    public async Task ReloadChangingOneSetting_GivesANewIssuer_AndLogsTheNewSettings(string setting, string value)
    {
        await using var app = await CommunitiesApp.StartAsync();
        var before = app.App.Services.GetRequiredKeyedService<TribeSsoIssuer>("acme");

        app.Configuration.Reload("Communities:acme:" + setting, value);

        app.App.Services.GetRequiredKeyedService<TribeSsoIssuer>("acme").Should().NotBeSameAs(before, "a change of " + setting + " alone is a change of the settings");
        app.Logs.Entries.Should().ContainSingle(e => e.Level == LogLevel.Information && e.Text.StartsWith("Tribe SSO community 'acme': new settings are in use", System.StringComparison.Ordinal));
    }

    [Test]
    public async Task ReloadChangingOnlyTheTokenParameterName_IsUsedByTheNextLink()
    {
        await using var app = await CommunitiesApp.StartAsync();

        app.Configuration.Reload("Communities:acme:TokenParameterName", "token");
        var link = await app.LinkFromAsync("/acme/sso");

        link.AbsoluteUri.Should().StartWith("https://acme.example.com/auth/sso?token=");
    }

    [Test]
    public void EveryPublicSettingOfTheOptions_HasAReloadCase()
    {
        var settings = typeof(TribeSsoCommunityOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name);

        settings.Should().BeEquivalentTo(EverySetting.Select(row => (string)row[0]), "a new setting must take part in the fingerprint and get a row here");
    }
}
