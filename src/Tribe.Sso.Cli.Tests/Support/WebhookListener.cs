using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.Cli.Tests;

/// <summary>
/// A partner's webhook endpoint on a free loopback port (<see cref="HttpListener"/>), written as the community's own
/// apps write one: each delivery's signature is checked on its own (lowercase hex HMAC-SHA256 of <c>timestamp:rawBody</c>
/// with the secret, a timestamp within 5 minutes), recorded with its raw bytes, and answered: the test request with its
/// challenge echoed, an event with 200.
/// </summary>
internal sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _secret;
    private readonly List<Delivery> _received = new();
    private readonly Task _loop;

    public WebhookListener(string secret)
    {
        _secret = secret;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = "http://127.0.0.1:" + ((IPEndPoint)probe.LocalEndpoint).Port + "/community/webhooks";
        }

        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    public string Url { get; }

    public IReadOnlyList<Delivery> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToList();
            }
        }
    }

    /// <summary>Waits (20 s at most) until <paramref name="count"/> deliveries have arrived.</summary>
    public IReadOnlyList<Delivery> WaitFor(int count)
    {
        var deadline = Environment.TickCount64 + 20_000;
        while (Received.Count < count)
        {
            Environment.TickCount64.Should().BeLessThan(deadline, "{0} deliveries should have arrived; got: {1}", count, string.Join(", ", Received.Select(r => r.Name)));
            Thread.Sleep(20);
        }

        return Received;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var delivery = new Delivery(context.Request.HttpMethod, context.Request.ContentType, context.Request.Headers["X-Bettermode-Signature"] ?? string.Empty, context.Request.Headers["X-Bettermode-Request-Timestamp"] ?? string.Empty, body.ToArray());
            var valid = Verify(delivery);
            lock (_received)
            {
                _received.Add(delivery with { SignatureValid = valid });
            }

            var data = delivery.Type == "TEST" ? new JsonObject { ["challenge"] = delivery.Data.GetProperty("challenge").GetString() } : new JsonObject();
            var answer = Encoding.UTF8.GetBytes(new JsonObject { ["type"] = delivery.Type, ["status"] = "SUCCEEDED", ["data"] = data }.ToJsonString());
            context.Response.StatusCode = valid ? 200 : 401;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
    }

    private bool Verify(Delivery delivery)
    {
        if (!long.TryParse(delivery.Timestamp, out var milliseconds) || Math.Abs(TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds() - milliseconds) > 5 * 60 * 1000)
        {
            return false;
        }

        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_secret), Encoding.UTF8.GetBytes(delivery.Timestamp + ":").Concat(delivery.Body).ToArray()));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(delivery.Signature));
    }

    /// <summary>One delivery as it arrived.</summary>
    internal sealed record Delivery(string Method, string? ContentType, string Signature, string Timestamp, byte[] Body, bool SignatureValid = false)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public string Type => Json.GetProperty("type").GetString()!;

        public JsonElement Data => Json.GetProperty("data");

        public string? Name => Type == "SUBSCRIPTION" ? Data.GetProperty("name").GetString() : Type;
    }
}
