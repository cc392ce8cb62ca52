using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>
/// Hostile input never makes the endpoint answer 500 or run a handler: random and mutated headers and bodies, bounded in
/// count so the run stays short. And what the endpoint says of a delivery never holds the secret, a signature or an email.
/// </summary>
public class WebhookEndpointPropertyTests
{
    private static readonly HttpStatusCode[] Refusals = [HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.RequestEntityTooLarge];

    private static readonly Gen<string> HostileText = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 80].Select(c => new string(c)),
        Gen.Const("\uD800"),
        Gen.Const(new string('9', 40)),
        Gen.Const("-1"),
        Gen.Const(" 1733313600000"),
        Gen.Const("1733313600000.5"),
        Gen.Const("\u200B" + new string('a', 64)),
        Gen.Const(new string('f', 64) + "\r\n"));

    [Test]
    public async Task RandomHeadersAndBodies_AreRefused_NeverA500()
    {
        await using var app = await WebhooksApp.StartAsync();
        var cases = Gen.Select(HostileText, HostileText, Gen.Byte.Array[0, 300]).Array[40].Single();

        foreach (var (signature, timestamp, body) in cases)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, WebhooksApp.Path) { Content = new ByteArrayContent(body) };
            request.Headers.TryAddWithoutValidation(TribeWebhookHeaders.Signature, signature);
            request.Headers.TryAddWithoutValidation(TribeWebhookHeaders.Timestamp, timestamp);
            HttpResponseMessage response;
            try
            {
                response = await app.Client.SendAsync(request);
            }
            catch (HttpRequestException)
            {
                continue; // a header the client itself cannot send never reaches the endpoint
            }

            response.StatusCode.Should().BeOneOf(Refusals);
        }

        app.Handled.Calls.Should().BeEmpty();
    }

    [Test]
    public async Task SignedButMutatedBodies_Are200Or400_NeverA500()
    {
        await using var app = await WebhooksApp.StartAsync();
        var valid = Encoding.UTF8.GetBytes(WebhooksApp.MemberEvent("fuzz", "member.updated", oldEmail: "old@example.com"));
        var mutations = Gen.OneOf(
            Gen.Int[0, valid.Length].Select(n => valid.Take(n).ToArray()),
            Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte, (i, b) => { var copy = (byte[])valid.Clone(); copy[i] = b; return copy; }),
            Gen.Int[1, 200].Select(depth => Encoding.UTF8.GetBytes(new string('[', depth) + new string(']', depth))),
            Gen.Const(new byte[] { 0x7B, 0x22, 0x74, 0x79, 0x70, 0x65, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D }));

        foreach (var body in mutations.Array[60].Single())
        {
            var response = await app.SendBytesAsync(body);

            response.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.ServiceUnavailable);
        }
    }

    [Test]
    public async Task LogsAndMetrics_NameTheOutcome_NeverTheSecretASignatureOrAnEmail()
    {
        await using var app = await WebhooksApp.StartAsync();
        using var deliveries = new MetricCollector<long>(app.App.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), TribeSsoTelemetry.MeterName, "tribe.sso.webhooks.deliveries");
        var body = WebhooksApp.MemberEvent("t1", "member.updated", "jane@new.example.com", "jane@example.com");
        var signature = WebhooksApp.Sign(WebhooksApp.Secret, app.Now(), Encoding.UTF8.GetBytes(body));

        await app.SendAsync(body);
        await app.SendAsync(body);
        await app.SendAsync(body, secret: "a-wrong-secret-0123456789-abcdef");
        app.Handled.FailuresLeft = 1;
        await app.SendAsync(WebhooksApp.MemberEvent("t2", "member.deleted"));

        var outcomes = deliveries.GetMeasurementSnapshot().Select(m => (string)m.Tags["outcome"]! + (m.Tags.TryGetValue("reason", out var r) ? ":" + r : string.Empty));
        outcomes.Should().Equal("handled", "duplicate", "refused:wrong_signature", "failed");
        var text = string.Join("\n", app.Logs.GetSnapshot().Select(r => r.Message + r.Exception?.Message));
        text.Should().NotContain(WebhooksApp.Secret).And.NotContain(signature).And.NotContain("@example.com").And.NotContain("a-wrong-secret");
        app.Logs.GetSnapshot().Select(r => r.Id.Name).Should().Contain(["WebhookHandled", "WebhookDuplicate", "WebhookRefused", "WebhookHandlerFailed"]);
    }
}
