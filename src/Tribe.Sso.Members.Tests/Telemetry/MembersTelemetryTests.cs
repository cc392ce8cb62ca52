using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Tribe.Sso.Members.Tests.Support;

namespace Tribe.Sso.Members.Tests.Telemetry;

/// <summary>The members client's instruments on the Tribe.Sso meter, as docs/operations.md lists them.</summary>
public class MembersTelemetryTests
{
    private TestMeterFactory _meters = null!;

    [SetUp]
    public void CreateMeterFactory() => _meters = new TestMeterFactory();

    [TearDown]
    public void DisposeMeterFactory() => _meters.Dispose();

    [Test]
    public async Task FindByExternalId_CountsTheTokenAndTheCall_WithTheirDurations()
    {
        using var calls = Collector<long>("tribe.sso.members.calls");
        using var durations = Collector<double>("tribe.sso.members.duration");
        var time = Clock.New();
        var handler = ScriptedHandler.FindingJane();
        using var members = Clients.App(handler, time, meters: _meters);

        await time.Drive(members.FindByExternalIdAsync("42"));

        Tags(calls).Should().BeEquivalentTo(new[] { "token/succeeded", "find_by_external_id/succeeded" });
        durations.GetMeasurementSnapshot().Should().HaveCount(2).And.OnlyContain(m => m.Value >= 0);
    }

    [TestCase("110", "not_found")]
    [TestCase("100", "refused")]
    [TestCase("102", "refused")]
    public async Task Update_RefusedByTheCommunity_IsCountedWithItsOutcome(string code, string outcome)
    {
        using var calls = Collector<long>("tribe.sso.members.calls");
        var time = Clock.New();
        var handler = new ScriptedHandler().Answer(_ => Answers.Error(code));
        using var members = Clients.App(handler, time, meters: _meters);

        var act = () => time.Drive(members.UpdateAsync("m1", new TribeMemberChanges { ExternalId = "42" }));

        await act.Should().ThrowAsync<TribeMembersException>();
        Tags(calls).Should().Contain("update/" + outcome).And.HaveCount(2);
    }

    [Test]
    public async Task RateLimitThenSuccess_CountsOneRetryWithReasonRateLimited()
    {
        using var retries = Collector<long>("tribe.sso.members.retries");
        using var calls = Collector<long>("tribe.sso.members.calls");
        var time = Clock.New();
        var handler = new ScriptedHandler().AnswerInTurn(
            () => Answers.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(2)),
            () => Answers.MemberAnswer("member", Answers.Member("m1", "42", "jane@example.com")));
        using var members = Clients.App(handler, time, meters: _meters);

        await time.Drive(members.FindByExternalIdAsync("42"));

        retries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should()
            .BeEquivalentTo(new Dictionary<string, object?> { ["operation"] = "find_by_external_id", ["reason"] = "rate_limited" });
        Tags(calls).Should().Contain("find_by_external_id/succeeded");
    }

    [Test]
    public async Task ServerErrorsUntilTheAttemptsRunOut_CountRetriesAsTransient_AndTheCallAsFailed()
    {
        using var retries = Collector<long>("tribe.sso.members.retries");
        using var calls = Collector<long>("tribe.sso.members.calls");
        var time = Clock.New();
        var handler = new ScriptedHandler().Answer(_ => Answers.Status(HttpStatusCode.BadGateway));
        using var members = Clients.App(handler, time, o => o.MaxAttempts = 3, _meters);

        var act = () => time.Drive(members.FindByExternalIdAsync("42"));

        await act.Should().ThrowAsync<TribeMembersException>();
        retries.GetMeasurementSnapshot().Should().HaveCount(2).And.OnlyContain(m => (string?)m.Tags["reason"] == "transient");
        Tags(calls).Should().Contain("find_by_external_id/failed");
    }

    [Test]
    public async Task Measurements_CarryNoMemberData()
    {
        var seen = new List<KeyValuePair<string, object?>>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == _meters)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) => { lock (seen) { seen.AddRange(tags.ToArray()); } });
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) => { lock (seen) { seen.AddRange(tags.ToArray()); } });
        listener.Start();
        var time = Clock.New();
        var handler = new ScriptedHandler().Answer(_ => Answers.Page(new[] { Answers.Member("m1", "old-1", "jane@example.com") }));
        using var members = Clients.App(handler, time, meters: _meters);

        await time.Drive(members.FindByEmailAsync("jane@example.com"));

        seen.Should().NotBeEmpty();
        seen.Select(t => t.Key).Distinct().Should().BeSubsetOf(new[] { "operation", "outcome", "reason" });
        seen.Select(t => t.Value?.ToString()).Should().NotContain(v => v!.Contains("jane") || v.Contains("m1") || v.Contains(Clients.ClientSecret) || v.Contains("api.community"));
    }

    private static string[] Tags(MetricCollector<long> calls)
        => calls.GetMeasurementSnapshot().Select(m => m.Tags["operation"] + "/" + m.Tags["outcome"]).ToArray();

    private MetricCollector<T> Collector<T>(string instrument)
        where T : struct
        => new(_meters, TribeSsoTelemetry.MeterName, instrument);
}
