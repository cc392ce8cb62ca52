using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Tribe.Sso.Members;
using static Tribe.Sso.AspNetCore.Tests.WebhookEndpointPathTests;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>What each answer of the endpoint says, logs and counts: exact texts, event ids, levels and tags.</summary>
public class WebhookTelemetryTests
{
    private const string Community = "The default community's webhooks";

    private WebhooksApp _app = null!;
    private MetricCollector<long> _deliveries = null!;
    private MetricCollector<double> _durations = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _app = await WebhooksApp.StartAsync();
        var meters = _app.App.Services.GetRequiredService<IMeterFactory>();
        _deliveries = new MetricCollector<long>(meters, TribeSsoTelemetry.MeterName, "tribe.sso.webhooks.deliveries");
        _durations = new MetricCollector<double>(meters, TribeSsoTelemetry.MeterName, "tribe.sso.webhooks.handler.duration");
    }

    [TearDown]
    public async Task StopAsync()
    {
        _deliveries.Dispose();
        _durations.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    public void TheInstruments_SayTheirUnitAndWhatTheyCount()
    {
        _deliveries.Instrument!.Unit.Should().Be("{delivery}");
        _deliveries.Instrument.Description.Should().Be("Webhook deliveries answered, by outcome and, when refused, reason.");
        _durations.Instrument!.Unit.Should().Be("s");
        _durations.Instrument.Description.Should().Be("How long the handlers of one event took, by event name and outcome.");
    }

    [Test]
    public async Task AHandledEvent_IsLogged_CountedAndTimed()
    {
        var response = await _app.SendAsync(WebhooksApp.MemberEvent("h1", "member.deleted"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var handled = _app.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 45).Subject;
        handled.Level.Should().Be(LogLevel.Information);
        handled.Message.Should().Be(Community + ": event h1 (member.deleted) was handled");
        _deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().BeEquivalentTo(Tags("handled"));
        var duration = _durations.GetMeasurementSnapshot().Should().ContainSingle().Subject;
        duration.Value.Should().BeGreaterThanOrEqualTo(0);
        duration.Tags.Should().BeEquivalentTo(new Dictionary<string, object?> { ["tribe.community"] = "default", ["tribe.event"] = "member.deleted", ["outcome"] = "handled" });
    }

    [Test]
    public async Task AHandlerThatThrows_Is500_LoggedCountedAndTimedAsFailed()
    {
        _app.Handled.FailuresLeft = 1;

        var response = await _app.SendAsync(WebhooksApp.MemberEvent("f1", "member.deleted"));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await response.Content.ReadAsStringAsync()).Should().Be(Problem(500, "https://tools.ietf.org/html/rfc9110#section-15.6.1", "The webhook handler failed.", "The event will run again when the community retries."));
        var failed = _app.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 43).Subject;
        failed.Message.Should().Be(Community + ": the handler of event f1 (member.deleted) threw InvalidOperationException; answered 500 and the event's id released, so the community's retry runs it again");
        _deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().BeEquivalentTo(Tags("failed"));
        _durations.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().BeEquivalentTo(new Dictionary<string, object?> { ["tribe.community"] = "default", ["tribe.event"] = "member.deleted", ["outcome"] = "failed" });
    }

    [Test]
    public async Task TheTestDelivery_IsLoggedAsAnswered_AndCountedAsTest()
    {
        var response = await _app.SendAsync("{\"networkId\":\"net1\",\"type\":\"TEST\",\"data\":{\"challenge\":\"c1\"}}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var received = _app.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 40).Subject;
        received.Level.Should().Be(LogLevel.Debug);
        received.Message.Should().Be(Community + ": a TEST delivery was answered");
        _deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().BeEquivalentTo(Tags("test"));
    }

    [Test]
    public async Task ADeliveryWithoutAnEvent_IsAnswered200_NoStore_AndCountedAsIgnored()
    {
        var response = await _app.SendAsync("{\"networkId\":\"net1\",\"type\":\"APP_INSTALLED\",\"data\":{}}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        (await response.Content.ReadAsStringAsync()).Should().Be("{\"type\":\"APP_INSTALLED\",\"status\":\"SUCCEEDED\",\"data\":{}}");
        _app.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 40).Which.Message.Should().Be(Community + ": a APP_INSTALLED delivery was answered");
        _deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().BeEquivalentTo(Tags("ignored"));
        _app.Handled.Calls.Should().BeEmpty();
    }

    [Test]
    public async Task AnEventAlreadyHandled_IsAnsweredAsSucceeded_LoggedAndCountedAsDuplicate()
    {
        var body = WebhooksApp.MemberEvent("d1", "member.deleted");
        await _app.SendAsync(body);

        var again = await _app.SendAsync(body);

        again.StatusCode.Should().Be(HttpStatusCode.OK);
        again.Headers.CacheControl!.NoStore.Should().BeTrue();
        (await again.Content.ReadAsStringAsync()).Should().Be("{\"type\":\"SUBSCRIPTION\",\"status\":\"SUCCEEDED\",\"data\":{}}");
        var duplicate = _app.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 42).Subject;
        duplicate.Level.Should().Be(LogLevel.Information);
        duplicate.Message.Should().Be(Community + ": event d1 (member.deleted) arrived again and is completed; no handler ran");
        _deliveries.GetMeasurementSnapshot().Select(m => m.Tags["outcome"]).Should().Equal("handled", "duplicate");
    }

    [Test]
    public async Task AVerifiedBodyThatIsNotADelivery_Is400_LoggedAndCountedAsMalformed()
    {
        var response = await _app.SendAsync("not json");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("title").GetString().Should().Be("The webhook body is not a delivery.");
        var detail = problem.RootElement.GetProperty("detail").GetString();
        detail.Should().NotBeNullOrEmpty();
        _app.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 41).Which.Message.Should().Be(Community + ": a webhook delivery was refused (malformed_body): " + detail);
        _deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().BeEquivalentTo(Tags("refused", "malformed_body"));
    }

    [Test]
    public async Task ABodyOverTheLimit_Is413_SayingTheLimit_LoggedWithTheSetting_AndCountedAsTooLarge()
    {
        var response = await _app.SendBytesAsync(new byte[(1024 * 1024) + 1]);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Be(Problem(413, "https://tools.ietf.org/html/rfc9110#section-15.5.14", "The webhook body is too large.", "The limit is 1048576 bytes."));
        var refused = _app.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 41).Subject;
        refused.Level.Should().Be(LogLevel.Warning);
        refused.Message.Should().Be(Community + ": a webhook delivery was refused (too_large): the body is larger than 1048576 bytes (TribeSso:Webhooks:MaxBodySize)");
        _deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().BeEquivalentTo(Tags("refused", "too_large"));
    }

    [TestCase("timestamp only", "missing_signature", "The delivery has no X-Bettermode-Signature (or X-Tribe-Signature) header.")]
    [TestCase("current timestamp, legacy signature", "missing_signature", "The delivery has no X-Bettermode-Signature (or X-Tribe-Signature) header.")]
    [TestCase("signature only", "missing_timestamp", "The delivery has no X-Bettermode-Request-Timestamp (or X-Tribe-Request-Timestamp) header.")]
    [TestCase("short signature", "malformed_signature", "The signature header is not 64 lowercase hexadecimal digits.")]
    [TestCase("word timestamp", "malformed_timestamp", "The timestamp header is not a whole number of milliseconds since the Unix epoch.")]
    [TestCase("stale", "stale", "The timestamp is older than the tolerance: a replayed or long-delayed delivery, seconds sent instead of milliseconds, or a clock behind.")]
    [TestCase("future", "future", "The timestamp is further ahead than the tolerance: check this server's clock.")]
    [TestCase("wrong secret", "wrong_signature", "The signature does not match: another app's signing secret, or a body changed on the way (verify the raw bytes as received, never re-serialised JSON).")]
    public async Task EachRefusal_IsAnswered401_AndLoggedAndCountedWithItsReason(string fault, string reason, string detail)
    {
        var body = Encoding.UTF8.GetBytes(WebhooksApp.MemberEvent("x1", "member.deleted"));
        var now = _app.Clock.GetUtcNow();
        var timestamp = (fault switch
        {
            "stale" => now.AddMinutes(-6),
            "future" => now.AddMinutes(6),
            _ => now,
        }).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var signature = WebhooksApp.Sign(fault == "wrong secret" ? "another-apps-secret-0123456789" : WebhooksApp.Secret, timestamp, body);
        var request = new HttpRequestMessage(HttpMethod.Post, WebhooksApp.Path) { Content = new ByteArrayContent(body) };
        switch (fault)
        {
            case "timestamp only":
                request.Headers.Add(TribeWebhookHeaders.Timestamp, timestamp);
                break;
            case "current timestamp, legacy signature":
                request.Headers.Add(TribeWebhookHeaders.Timestamp, timestamp);
                request.Headers.Add(TribeWebhookHeaders.LegacySignature, signature);
                break;
            case "signature only":
                request.Headers.Add(TribeWebhookHeaders.Signature, signature);
                break;
            default:
                request.Headers.Add(TribeWebhookHeaders.Signature, fault == "short signature" ? "abc" : signature);
                request.Headers.Add(TribeWebhookHeaders.Timestamp, fault == "word timestamp" ? "soon" : timestamp);
                break;
        }

        var response = await _app.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).Should().Be(Problem(401, "https://tools.ietf.org/html/rfc9110#section-15.5.2", "The webhook delivery is not signed by the community.", detail));
        _app.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 41).Which.Message.Should().Be(Community + ": a webhook delivery was refused (" + reason + "): " + detail);
        _deliveries.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags.Should().BeEquivalentTo(Tags("refused", reason));
    }
}
