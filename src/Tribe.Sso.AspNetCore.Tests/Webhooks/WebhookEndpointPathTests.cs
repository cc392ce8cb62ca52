using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>
/// The endpoint's paths that a well-behaved server and client never take: no valid settings, a body read that fails,
/// a client that hangs up mid-body, a header sent twice, and a delivery log that is unreachable or fails mid-way. Each
/// answer, log event and measurement is asserted exactly.
/// </summary>
public class WebhookEndpointPathTests
{
    private const string Community = "The default community's webhooks";
    private const string NotSet = "TribeSso:Webhooks:SigningSecret is not set. Store the signing secret of the community app that sends the webhooks in user secrets (dotnet user-secrets set \"TribeSso:Webhooks:SigningSecret\" \"<secret>\"), the environment variable TribeSso__Webhooks__SigningSecret, or your secret store.";

    [Test]
    public async Task WithoutValidSettings_EveryDeliveryIs503_SayingWhichSettingIsWrong_AndTheHealthCheckSaysSo()
    {
        using var harness = WebhookEndpointHarness.Create(settings: new Dictionary<string, string?> { ["TribeSso:Webhooks:Tolerance"] = "00:05:00" });

        var answer = await harness.SendAsync(WebhooksApp.MemberEvent("n1", "member.deleted"));

        answer.Status.Should().Be(StatusCodes.Status503ServiceUnavailable);
        answer.CacheControl.Should().Be("no-store");
        answer.Body.Should().Be(Problem(503, "https://tools.ietf.org/html/rfc9110#section-15.6.4", "Webhooks are not configured.", NotSet));
        harness.Handled.Calls.Should().BeEmpty();
        var health = (await harness.App.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["tribe-sso-webhooks"];
        health.Status.Should().Be(HealthStatus.Unhealthy);
        health.Description.Should().Be(Community + ": no valid settings; deliveries cannot be verified. " + NotSet);
    }

    [Test]
    public async Task AConfigureDelegateThatThrows_IsReportedByItsType_NeverByItsMessage()
    {
        using var harness = WebhookEndpointHarness.Create(services: s => s.Configure<TribeSsoWebhooksOptions>(_ => throw new FormatException("the vault said no-such-secret-value")));

        var answer = await harness.SendAsync(WebhooksApp.MemberEvent("n2", "member.deleted"));

        answer.Status.Should().Be(StatusCodes.Status503ServiceUnavailable);
        answer.Body.Should().Be(Problem(503, "https://tools.ietf.org/html/rfc9110#section-15.6.4", "Webhooks are not configured.", "TribeSso:Webhooks could not be read: configuring the settings threw FormatException."));
    }

    [Test]
    public async Task ABodyWhoseReadFails_WhileTheClientListens_Is400_LoggedAndCountedAsBroken()
    {
        using var harness = WebhookEndpointHarness.Create();
        using var deliveries = Deliveries(harness);
        var bytes = Encoding.UTF8.GetBytes(WebhooksApp.MemberEvent("b1", "member.deleted"));

        var answer = await harness.SendAsync(new WebhookEndpointHarness.FailingStream(bytes[..10], () => new IOException("connection reset")), bytes.Length, harness.Signed(bytes));

        answer.Status.Should().Be(StatusCodes.Status400BadRequest);
        answer.Body.Should().Be(Problem(400, "https://tools.ietf.org/html/rfc9110#section-15.5.1", "The webhook body is incomplete.", "The request ended before its body did."));
        var refused = harness.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 41).Subject;
        refused.Level.Should().Be(LogLevel.Warning);
        refused.Message.Should().Be(Community + ": a webhook delivery was refused (broken_body): the client sent less than its Content-Length or broke the body's framing");
        deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().BeEquivalentTo(Tags("refused", "broken_body"));
        harness.Handled.Calls.Should().BeEmpty();
    }

    [TestCase(StatusCodes.Status400BadRequest, StatusCodes.Status400BadRequest)]
    [TestCase(StatusCodes.Status413PayloadTooLarge, StatusCodes.Status413PayloadTooLarge)]
    public async Task TheServersOwnBodyError_IsAnsweredByItsStatus(int serverStatus, int answered)
    {
        using var harness = WebhookEndpointHarness.Create();
        var bytes = Encoding.UTF8.GetBytes(WebhooksApp.MemberEvent("b2", "member.deleted"));

        var answer = await harness.SendAsync(new WebhookEndpointHarness.FailingStream(bytes[..10], () => new BadHttpRequestException("the server refused the body", serverStatus)), null, harness.Signed(bytes));

        answer.Status.Should().Be(answered);
    }

    [Test]
    public async Task AClientThatHangsUpMidBody_IsNotAnswered_NorLoggedAsRefused()
    {
        using var harness = WebhookEndpointHarness.Create();
        using var aborted = new CancellationTokenSource();
        var bytes = Encoding.UTF8.GetBytes(WebhooksApp.MemberEvent("b3", "member.deleted"));
        var body = new WebhookEndpointHarness.FailingStream(bytes[..10], () =>
        {
            aborted.Cancel();
            return new OperationCanceledException(aborted.Token);
        });

        var answer = await harness.SendAsync(body, bytes.Length, harness.Signed(bytes), aborted.Token);

        answer.Body.Should().BeEmpty();
        answer.Status.Should().Be(StatusCodes.Status200OK, "nothing set a status: the response is never sent");
        harness.Logs.GetSnapshot().Should().NotContain(r => r.Id.Id == 41);
    }

    [Test]
    public async Task ABodyLargerThanTheFirstBuffer_ReadInFullReads_IsReadWhole()
    {
        using var harness = WebhookEndpointHarness.Create();
        var bytes = Encoding.UTF8.GetBytes(WebhooksApp.MemberEvent("big", "member.deleted") + new string(' ', 20_000));

        // No Content-Length, and a stream that fills every read: the buffer grows exactly when it is full.
        var answer = await harness.SendAsync(new MemoryStream(bytes), null, harness.Signed(bytes));

        answer.Status.Should().Be(StatusCodes.Status200OK);
        harness.Handled.Calls.Should().ContainSingle();
    }

    [TestCase(TribeWebhookHeaders.Signature, "The signature header is not 64 lowercase hexadecimal digits.", "malformed_signature")]
    [TestCase(TribeWebhookHeaders.Timestamp, "The timestamp header is not a whole number of milliseconds since the Unix epoch.", "malformed_timestamp")]
    public async Task AHeaderSentTwice_IsMalformed_NotMissing(string header, string detail, string reason)
    {
        using var harness = WebhookEndpointHarness.Create();
        using var deliveries = Deliveries(harness);
        var bytes = Encoding.UTF8.GetBytes(WebhooksApp.MemberEvent("twice", "member.deleted"));
        var headers = harness.Signed(bytes);
        headers[header] = new StringValues([headers[header].ToString(), headers[header].ToString()]);

        var answer = await harness.SendAsync(new MemoryStream(bytes), bytes.Length, headers);

        answer.Status.Should().Be(StatusCodes.Status401Unauthorized);
        answer.Body.Should().Be(Problem(401, "https://tools.ietf.org/html/rfc9110#section-15.5.2", "The webhook delivery is not signed by the community.", detail));
        deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().BeEquivalentTo(Tags("refused", reason));
    }

    [TestCase("throws")]
    [TestCase("times out")]
    [TestCase("answers unavailable")]
    public async Task ADeliveryLogThatCannotClaim_Is503_RetryIn30Seconds_LoggedAndCounted(string failure)
    {
        var exception = failure switch
        {
            "throws" => new InvalidOperationException("redis is down"),
            "times out" => new OperationCanceledException("the store's own timeout"),
            _ => (Exception?)null,
        };
        var log = new ScriptedLog { Claim = () => exception is null ? new TribeWebhookClaim(TribeWebhookClaimOutcome.Unavailable, null) : throw exception };
        using var harness = WebhookEndpointHarness.Create(webhooks: w => w.UseDeliveryLog(_ => log));
        using var deliveries = Deliveries(harness);

        var answer = await harness.SendAsync(WebhooksApp.MemberEvent("u1", "member.deleted"));

        answer.Status.Should().Be(StatusCodes.Status503ServiceUnavailable);
        answer.RetryAfter.Should().Be("30");
        answer.Body.Should().Be(Problem(503, "https://tools.ietf.org/html/rfc9110#section-15.6.4", "Retry the delivery later.", "The delivery log is unavailable."));
        var unavailable = harness.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 44).Subject;
        unavailable.Level.Should().Be(LogLevel.Warning);
        unavailable.Exception.Should().BeSameAs(exception);
        unavailable.Message.Should().Be(Community + ": the delivery log failed to claim event u1; a delivery without a claim is answered 503 so the community retries it");
        deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().BeEquivalentTo(Tags("unavailable"));
        harness.Handled.Calls.Should().BeEmpty();
    }

    [Test]
    public async Task AClaimThatFailsBecauseTheClientHungUp_IsNotAnswered()
    {
        using var aborted = new CancellationTokenSource();
        var log = new ScriptedLog
        {
            Claim = () =>
            {
                aborted.Cancel();
                throw new OperationCanceledException(aborted.Token);
            },
        };
        using var harness = WebhookEndpointHarness.Create(webhooks: w => w.UseDeliveryLog(_ => log));
        var bytes = Encoding.UTF8.GetBytes(WebhooksApp.MemberEvent("u2", "member.deleted"));

        var send = () => harness.SendAsync(new MemoryStream(bytes), bytes.Length, harness.Signed(bytes), aborted.Token);

        await send.Should().ThrowAsync<OperationCanceledException>();
        harness.Logs.GetSnapshot().Should().NotContain(r => r.Id.Id == 44);
    }

    [Test]
    public async Task AnEventAnotherRequestIsHandling_Is503_RetryAfterTheLease_LoggedAndCountedInProgress()
    {
        var log = new ScriptedLog { Claim = () => new TribeWebhookClaim(TribeWebhookClaimOutcome.InProgress, null) };
        using var harness = WebhookEndpointHarness.Create(webhooks: w => w.UseDeliveryLog(_ => log));
        using var deliveries = Deliveries(harness);

        var answer = await harness.SendAsync(WebhooksApp.MemberEvent("p1", "member.deleted"));

        answer.Status.Should().Be(StatusCodes.Status503ServiceUnavailable);
        answer.RetryAfter.Should().Be("120");
        answer.Body.Should().Be(Problem(503, "https://tools.ietf.org/html/rfc9110#section-15.6.4", "Retry the delivery later.", "The event is being handled by another request."));
        var duplicate = harness.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 42).Subject;
        duplicate.Level.Should().Be(LogLevel.Information);
        duplicate.Message.Should().Be(Community + ": event p1 (member.deleted) arrived again and is in_progress; no handler ran");
        deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().BeEquivalentTo(Tags("in_progress"));
        harness.Handled.Calls.Should().BeEmpty();
    }

    [Test]
    public async Task ACompletionTheLogFailsToRecord_IsLogged_AndTheDeliveryStillSucceeds()
    {
        var failure = new InvalidOperationException("redis is down");
        var log = new ScriptedLog { CompleteFailure = failure };
        using var harness = WebhookEndpointHarness.Create(webhooks: w => w.UseDeliveryLog(_ => log));
        using var deliveries = Deliveries(harness);

        var answer = await harness.SendAsync(WebhooksApp.MemberEvent("c1", "member.deleted"));

        answer.Status.Should().Be(StatusCodes.Status200OK);
        answer.Body.Should().Be("{\"type\":\"SUBSCRIPTION\",\"status\":\"SUCCEEDED\",\"data\":{}}");
        var unavailable = harness.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 44).Subject;
        unavailable.Exception.Should().BeSameAs(failure);
        unavailable.Message.Should().Be(Community + ": the delivery log failed to complete event c1; a delivery without a claim is answered 503 so the community retries it");
        deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().BeEquivalentTo(Tags("handled"), "a failed completion is not a delivery answered unavailable");
        log.Calls.Should().Equal("claim c1", "complete c1");
    }

    [Test]
    public async Task AReleaseTheLogFails_AfterAHandlerThrew_IsLogged_AndTheDeliveryIsStill500()
    {
        var failure = new InvalidOperationException("redis is down");
        var log = new ScriptedLog { ReleaseFailure = failure };
        using var harness = WebhookEndpointHarness.Create(webhooks: w => w.UseDeliveryLog(_ => log));
        using var deliveries = Deliveries(harness);
        harness.Handled.FailuresLeft = 1;

        var answer = await harness.SendAsync(WebhooksApp.MemberEvent("r1", "member.deleted"));

        answer.Status.Should().Be(StatusCodes.Status500InternalServerError);
        answer.Body.Should().Be(Problem(500, "https://tools.ietf.org/html/rfc9110#section-15.6.1", "The webhook handler failed.", "The event will run again when the community retries."));
        var unavailable = harness.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 44).Subject;
        unavailable.Exception.Should().BeSameAs(failure);
        unavailable.Message.Should().Be(Community + ": the delivery log failed to release event r1; a delivery without a claim is answered 503 so the community retries it");
        deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().BeEquivalentTo(Tags("failed"));
        log.Calls.Should().Equal("claim r1", "release r1");
    }

    [Test]
    public void UseDeliveryLog_RefusesNull()
    {
        var webhooks = new ServiceCollection().AddTribeSsoWebhooks(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build().GetSection("TribeSso"));

        ((Action)(() => webhooks.UseDeliveryLog(null!))).Should().Throw<ArgumentNullException>().WithParameterName("factory");
    }

    internal static string Problem(int status, string type, string title, string detail)
        => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object> { ["type"] = type, ["title"] = title, ["status"] = status, ["detail"] = detail });

    internal static Dictionary<string, object?> Tags(string outcome, string? reason = null, string community = "default")
    {
        var tags = new Dictionary<string, object?> { ["tribe.community"] = community, ["outcome"] = outcome };
        if (reason is not null)
        {
            tags["reason"] = reason;
        }

        return tags;
    }

    private static MetricCollector<long> Deliveries(WebhookEndpointHarness harness)
        => new(harness.App.Services.GetRequiredService<IMeterFactory>(), TribeSsoTelemetry.MeterName, "tribe.sso.webhooks.deliveries");

    /// <summary>A delivery log that answers and fails as the test says, and records what it was asked.</summary>
    private sealed class ScriptedLog : ITribeWebhookDeliveryLog
    {
        public Func<TribeWebhookClaim> Claim { get; init; } = () => new TribeWebhookClaim(TribeWebhookClaimOutcome.Claimed, "token");

        public Exception? CompleteFailure { get; init; }

        public Exception? ReleaseFailure { get; init; }

        public List<string> Calls { get; } = [];

        public ValueTask<TribeWebhookClaim> TryClaimAsync(string community, string eventId, TimeSpan lease, CancellationToken cancellationToken)
        {
            Calls.Add("claim " + eventId);
            return ValueTask.FromResult(Claim());
        }

        public ValueTask CompleteAsync(string community, string eventId, TribeWebhookClaim claim, TimeSpan retention, CancellationToken cancellationToken)
        {
            Calls.Add("complete " + eventId);
            return CompleteFailure is null ? ValueTask.CompletedTask : ValueTask.FromException(CompleteFailure);
        }

        public ValueTask ReleaseAsync(string community, string eventId, TribeWebhookClaim claim, CancellationToken cancellationToken)
        {
            Calls.Add("release " + eventId);
            return ReleaseFailure is null ? ValueTask.CompletedTask : ValueTask.FromException(ReleaseFailure);
        }
    }
}
