using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>Configuration changed while the partner site runs on real Kestrel: rotation, a refused rotation, recovery.</summary>
public class KeyRotationTests
{
    private CommunitiesApp _app = null!;

    [SetUp]
    public async Task SetUp() => _app = await CommunitiesApp.StartAsync();

    [TearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [Test]
    public async Task RotatedKey_IsUsedByTheNextRequestAndTheNextResolvedIssuer_WithNoRestart()
    {
        var before = await _app.LinkFromAsync("/acme/sso");

        _app.Configuration.Reload("Communities:acme:PrivateKey", CommunitiesApp.AcmeRotatedKey);
        var after = await _app.LinkFromAsync("/acme/sso");

        _app.Read(before, CommunitiesApp.AcmeKey).IsAccepted.Should().BeTrue();
        _app.Read(after, CommunitiesApp.AcmeRotatedKey).IsAccepted.Should().BeTrue("the next request signs with the new key");
        _app.Read(after, CommunitiesApp.AcmeKey).SignatureStatus.Should().Be(Testing.TribeSsoSignatureStatus.Invalid);
        var resolved = _app.App.Services.GetRequiredKeyedService<TribeSsoIssuer>("acme").CreateToken(TribeSsoUser.Create("1", "A", "a@example.com").Build());
        _app.Read(new Uri("https://acme.example.com/auth/sso?jwt=" + resolved), CommunitiesApp.AcmeRotatedKey).IsAccepted.Should().BeTrue("the next resolved issuer uses the new key");
        _app.Logs.Entries.Should().ContainSingle(e => e.Level == LogLevel.Information && e.Text == "Tribe SSO community 'acme': new settings are in use for https://acme.example.com/");
    }

    [Test]
    public async Task EveryCommunity_FollowsItsOwnSettings()
    {
        _app.Configuration.Reload(new System.Collections.Generic.Dictionary<string, string?>
        {
            ["TribeSso:PrivateKey"] = TestKeys.Other,
            ["Communities:beta:CommunityUrl"] = "https://beta-new.example.com",
        });

        var defaultLink = await _app.LinkFromAsync("/community/sso");
        var acmeLink = await _app.LinkFromAsync("/acme/sso");
        var betaLink = await _app.LinkFromAsync("/beta/sso");

        _app.Read(defaultLink, TestKeys.Other).IsAccepted.Should().BeTrue();
        _app.Read(acmeLink, CommunitiesApp.AcmeKey).IsAccepted.Should().BeTrue("acme's settings did not change");
        betaLink.Host.Should().Be("beta-new.example.com");
        _app.Read(betaLink, CommunitiesApp.BetaKey).IsAccepted.Should().BeTrue();
    }

    [TestCase("Communities:acme:PrivateKey", TestKeys.Short, "Communities:acme:PrivateKey is unusable. The SSO private key is 20 UTF-8 bytes long*")]
    [TestCase("Communities:acme:PrivateKey", "", "Communities:acme:PrivateKey is not set.*")]
    [TestCase("Communities:acme:CommunityUrl", "http://acme.example.com", "Communities:acme:CommunityUrl is invalid. Option 'CommunityUrl' uses the scheme 'http'*")]
    [TestCase("Communities:acme:TokenLifetime", "00:20:00", "Communities:acme:TokenLifetime is invalid.*")]
    [TestCase("Communities:acme:TokenLifetime", "not a time", "Communities:acme:TokenLifetime is invalid. It cannot be read as System.TimeSpan; write a TimeSpan as 00:01:00 and a flag as true or false.")]
    public async Task RefusedRotation_KeepsTheLastValidIssuer_LogsOneError_AndTurnsTheHealthCheckUnhealthy(string key, string value, string problem)
    {
        var reload = () => _app.Configuration.Reload(key, value);

        reload.Should().NotThrow("a refused value never escapes into the configuration provider's reload");
        var link = await _app.LinkFromAsync("/acme/sso");

        link.Host.Should().Be("acme.example.com");
        _app.Read(link, CommunitiesApp.AcmeKey).IsAccepted.Should().BeTrue("the last valid issuer is kept");
        var error = _app.Logs.Entries.Should().ContainSingle(e => e.Level >= LogLevel.Warning).Which;
        error.Level.Should().Be(LogLevel.Error);
        error.Text.Should().Match("Tribe SSO community 'acme': the new settings are refused; the previous ones stay in use until the configuration is fixed. " + problem);
        var health = await _app.HealthAsync();
        health["tribe-sso:acme"].Status.Should().Be(HealthStatus.Unhealthy);
        health["tribe-sso:acme"].Description.Should().Match("Tribe SSO community 'acme': the new settings are refused and the previous ones are still in use. " + problem);
        health["tribe-sso"].Status.Should().Be(HealthStatus.Healthy);
        health["tribe-sso:beta"].Status.Should().Be(HealthStatus.Healthy);
        (_app.Logs.AllText + string.Join("\n", health.Values.Select(h => h.Description))).Should()
            .NotContain(TestKeys.Short).And.NotContain(CommunitiesApp.AcmeKey).And.NotContain(TestKeys.Primary).And.NotContain("not a time", "values are never quoted");
    }

    [Test]
    public async Task RefusedRotation_IsLoggedOnce_NotOnEveryLaterReload()
    {
        _app.Configuration.Reload("Communities:acme:PrivateKey", TestKeys.Short);

        _app.Configuration.Reload("Unrelated:Setting", "1");
        _app.Configuration.Reload("Unrelated:Setting", "2");
        await _app.LinkFromAsync("/acme/sso");

        _app.Logs.Entries.Count(e => e.Level == LogLevel.Error).Should().Be(1);
    }

    [Test]
    public async Task FixedConfiguration_MakesTheCommunityHealthyAgain_AndTheNewKeyIsUsed()
    {
        _app.Configuration.Reload("Communities:acme:PrivateKey", TestKeys.Short);
        (await _app.Client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);

        _app.Configuration.Reload("Communities:acme:PrivateKey", CommunitiesApp.AcmeRotatedKey);
        var link = await _app.LinkFromAsync("/acme/sso");

        _app.Read(link, CommunitiesApp.AcmeRotatedKey).IsAccepted.Should().BeTrue();
        (await _app.HealthAsync())["tribe-sso:acme"].Status.Should().Be(HealthStatus.Healthy);
        (await _app.Client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        _app.Logs.Entries.Should().Contain(e => e.Level == LogLevel.Information && e.Text.StartsWith("Tribe SSO community 'acme': new settings are in use", StringComparison.Ordinal));
    }

    [Test]
    public async Task UnchangedSettings_AfterAnUnrelatedReload_KeepTheSameIssuer()
    {
        var issuer = _app.App.Services.GetRequiredKeyedService<TribeSsoIssuer>("acme");

        _app.Configuration.Reload("Unrelated:Setting", "1");

        _app.App.Services.GetRequiredKeyedService<TribeSsoIssuer>("acme").Should().BeSameAs(issuer);
        _app.Logs.Entries.Should().NotContain(e => e.Text.Contains("new settings are in use", StringComparison.Ordinal));
        await Task.CompletedTask;
    }

    [Test]
    public void OptionsMonitor_AfterARefusedReload_ShowsTheRawSettingsWithoutThrowing()
    {
        // The community reports the refusal (log, health check); the monitor is not a second, throwing, channel.
        _app.Configuration.Reload("Communities:acme:PrivateKey", TestKeys.Short);

        var settings = _app.App.Services.GetRequiredService<IOptionsMonitor<TribeSsoCommunityOptions>>().Get("acme");

        settings.PrivateKey.Should().Be(TestKeys.Short);
        _app.App.Services.GetRequiredKeyedService<TribeSsoIssuer>("acme").CommunityUrl.Host.Should().Be("acme.example.com");
    }
}
