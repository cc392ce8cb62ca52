using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>Named communities in the Tribe.Sso meter: each measurement carries its community's name, and reloads are counted.</summary>
public class CommunityTelemetryTests
{
    [Test]
    public async Task MapTribeSso_ForANamedCommunity_CountsTheLinkUnderThatCommunity()
    {
        await using var app = await CommunitiesApp.StartAsync();
        using var issued = Collector(app, "tribe.sso.links.issued");

        await app.LinkFromAsync("/acme/sso");
        await app.LinkFromAsync("/community/sso");

        issued.GetMeasurementSnapshot().Should().SatisfyRespectively(
            acme => acme.Tags.Should().BeEquivalentTo(new Dictionary<string, object?> { ["tribe.community"] = "acme" }),
            byDefault => byDefault.Tags.Should().BeEquivalentTo(new Dictionary<string, object?> { ["tribe.community"] = "default" }));
    }

    [Test]
    public async Task Reload_WithNewValidSettings_IsCountedAsApplied()
    {
        await using var app = await CommunitiesApp.StartAsync();
        await app.LinkFromAsync("/acme/sso");
        using var reloads = Collector(app, "tribe.sso.settings.reloads");

        app.Configuration.Reload("Communities:acme:PrivateKey", CommunitiesApp.AcmeRotatedKey);

        reloads.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should()
            .BeEquivalentTo(new Dictionary<string, object?> { ["tribe.community"] = "acme", ["outcome"] = "applied" });
    }

    [Test]
    public async Task Reload_WithAKeyTheCommunityRefuses_IsCountedAsRefused_AndTheLastKeyStays()
    {
        await using var app = await CommunitiesApp.StartAsync();
        await app.LinkFromAsync("/acme/sso");
        using var reloads = Collector(app, "tribe.sso.settings.reloads");

        app.Configuration.Reload("Communities:acme:PrivateKey", "short");

        reloads.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should()
            .BeEquivalentTo(new Dictionary<string, object?> { ["tribe.community"] = "acme", ["outcome"] = "refused" });
        app.Read(await app.LinkFromAsync("/acme/sso"), CommunitiesApp.AcmeKey).IsAccepted.Should().BeTrue();
    }

    private static MetricCollector<long> Collector(CommunitiesApp app, string instrument)
        => new(app.App.Services.GetRequiredService<IMeterFactory>(), TribeSsoTelemetry.MeterName, instrument);
}
