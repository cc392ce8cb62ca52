using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>The Tribe.Sso meter as docs/operations.md documents it: instrument names, tags and values.</summary>
public class TelemetryTests
{
    [Test]
    public async Task MapTribeSso_SignIn_IsSeenByAMeterListenerAsALinkIssuedForTheCommunity()
    {
        await using var site = await PartnerApp.StartAsync();
        var seen = new ConcurrentQueue<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // This site's meter only (its IMeterFactory is the scope): other tests' sites may be running at the same time.
            if (instrument.Meter.Name == TribeSsoTelemetry.MeterName && instrument.Meter.Scope == site.App.Services.GetRequiredService<IMeterFactory>())
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            seen.Enqueue((instrument.Name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();

        (await site.Client.GetAsync(new Uri("/login?user=jane", UriKind.Relative))).Dispose();
        using var answer = await site.Client.GetAsync(new Uri("/community/sso?redirect=/answers", UriKind.Relative));

        answer.StatusCode.Should().Be(HttpStatusCode.Redirect);
        seen.Should().ContainSingle(m => m.Instrument == "tribe.sso.links.issued")
            .Which.Should().Match<(string Instrument, long Value, Dictionary<string, object?> Tags)>(m =>
                m.Value == 1 && m.Tags.Count == 1 && (string?)m.Tags["tribe.community"] == "default");
    }

    [Test]
    public async Task MapTribeSso_RefusedTarget_IsCountedAsRefusedWithReasonRedirect()
    {
        await using var site = await PartnerApp.StartAsync();
        using var refused = Collector(site, "tribe.sso.requests.refused");
        using var issued = Collector(site, "tribe.sso.links.issued");

        (await site.Client.GetAsync(new Uri("/login?user=jane", UriKind.Relative))).Dispose();
        using var answer = await site.Client.GetAsync(new Uri("/community/sso?redirect=//evil.example", UriKind.Relative));

        answer.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var measurement = refused.GetMeasurementSnapshot().Should().ContainSingle().Subject;
        measurement.Value.Should().Be(1);
        measurement.Tags.Should().BeEquivalentTo(new Dictionary<string, object?> { ["tribe.community"] = "default", ["reason"] = "redirect" });
        issued.GetMeasurementSnapshot().Should().BeEmpty();
    }

    [Test]
    public async Task MapTribeSso_UserWithoutEmail_IsCountedAsRefusedWithReasonClaims()
    {
        await using var site = await PartnerApp.StartAsync();
        using var refused = Collector(site, "tribe.sso.requests.refused");

        (await site.Client.GetAsync(new Uri("/login?user=noemail", UriKind.Relative))).Dispose();
        using var answer = await site.Client.GetAsync(new Uri("/community/sso", UriKind.Relative));

        answer.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        refused.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["reason"].Should().Be("claims");
    }

    [Test]
    public async Task MapTribeSsoLogout_SignOut_IsCountedWithOutcomeSignedOut()
    {
        await using var site = await PartnerApp.StartAsync(app => app.MapTribeSsoLogout("/community/logout"));
        using var logouts = Collector(site, "tribe.sso.logouts");

        using var answer = await site.Client.GetAsync(new Uri("/community/logout", UriKind.Relative));

        answer.StatusCode.Should().Be(HttpStatusCode.Redirect);
        logouts.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().Equal(new Dictionary<string, object?> { ["outcome"] = "signed_out" });
    }

    [Test]
    public async Task Measurements_OfEveryInstrument_CarryNoUserData()
    {
        await using var site = await PartnerApp.StartAsync();
        var tags = new ConcurrentQueue<KeyValuePair<string, object?>>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // This site's meter only (its IMeterFactory is the scope): other tests' sites may be running at the same time.
            if (instrument.Meter.Name == TribeSsoTelemetry.MeterName && instrument.Meter.Scope == site.App.Services.GetRequiredService<IMeterFactory>())
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, measured, _) =>
        {
            foreach (var tag in measured)
            {
                tags.Enqueue(tag);
            }
        });
        listener.Start();

        (await site.Client.GetAsync(new Uri("/login?user=jane", UriKind.Relative))).Dispose();
        (await site.Client.GetAsync(new Uri("/community/sso?redirect=/answers", UriKind.Relative))).Dispose();
        (await site.Client.GetAsync(new Uri("/community/sso?redirect=//evil.example", UriKind.Relative))).Dispose();

        tags.Should().NotBeEmpty();
        tags.Select(t => t.Key).Distinct().Should().BeSubsetOf(new[] { "tribe.community", "reason", "outcome" });
        tags.Select(t => t.Value?.ToString()).Should().NotContain(v => v!.Contains("42") || v.Contains("jane") || v.Contains("evil"));
    }

    private static MetricCollector<long> Collector(PartnerApp site, string instrument)
        => new(site.App.Services.GetRequiredService<IMeterFactory>(), TribeSsoTelemetry.MeterName, instrument);
}
