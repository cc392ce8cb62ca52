using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.Testing.Tests;

/// <summary>
/// A partner's webhook endpoint, as the community's own apps write one, behind a fake handler: each delivery is checked
/// on its own (the lowercase hex HMAC-SHA256 of <c>timestamp:rawBody</c>, keyed with the secret, compared to the
/// header), recorded with its raw bytes, and answered: the test request with its challenge echoed, an event with 200,
/// unless <see cref="Answer"/> says otherwise.
/// </summary>
internal sealed class WebhookReceiver : HttpMessageHandler
{
    private readonly object _gate = new();
    private readonly List<Received> _received = new();
    private readonly string _secret;

    public WebhookReceiver(string secret) => _secret = secret;

    /// <summary>Gets or sets the answer to a delivery (null: the default answer); may block, honouring the token.</summary>
    public Func<Received, CancellationToken, Task<HttpResponseMessage>>? Answer { get; set; }

    public IReadOnlyList<Received> All
    {
        get
        {
            lock (_gate)
            {
                return _received.ToList();
            }
        }
    }

    /// <summary>The events received, test request left out.</summary>
    public IReadOnlyList<Received> Events => All.Where(r => r.Type == "SUBSCRIPTION").ToList();

    public static Task<HttpResponseMessage> Status(HttpStatusCode status) => Task.FromResult(new HttpResponseMessage(status));

    /// <summary>What the community's own apps answer: the test challenge echoed, or SUCCEEDED for an event.</summary>
    public static Task<HttpResponseMessage> Succeeded(Received delivery)
    {
        var data = delivery.Type == "TEST" ? new JsonObject { ["challenge"] = delivery.Data.GetProperty("challenge").GetString() } : new JsonObject();
        var answer = new JsonObject { ["type"] = delivery.Type, ["status"] = "SUCCEEDED", ["data"] = data };
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, "application/json") });
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        var signature = request.Headers.GetValues("X-Bettermode-Signature").Single();
        var timestamp = request.Headers.GetValues("X-Bettermode-Request-Timestamp").Single();
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_secret), Encoding.UTF8.GetBytes(timestamp + ":").Concat(body).ToArray()));
        var valid = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
        var received = new Received(request.Method.Method, request.RequestUri!, request.Content.Headers.ContentType!.ToString(), signature, timestamp, body, valid);
        lock (_gate)
        {
            _received.Add(received);
        }

        return await (Answer?.Invoke(received, cancellationToken) ?? Succeeded(received));
    }

    /// <summary>One delivery as it arrived.</summary>
    internal sealed record Received(string Method, Uri Url, string ContentType, string Signature, string Timestamp, byte[] Body, bool SignatureValid)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public string Type => Json.GetProperty("type").GetString()!;

        public JsonElement Data => Json.GetProperty("data");

        public string? Name => Type == "SUBSCRIPTION" ? Data.GetProperty("name").GetString() : Type;

        public string Id => Data.GetProperty("id").GetString()!;

        public string RawBody => Encoding.UTF8.GetString(Body);
    }
}
