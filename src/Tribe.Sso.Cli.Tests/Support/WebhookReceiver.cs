using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Tribe.Sso.Cli.Tests.Webhooks;

/// <summary>
/// A partner's webhook URL on 127.0.0.1, checking each delivery as the community's own apps do, written here without
/// the SDK: the lowercase hex HMAC-SHA256 of <c>timestamp:rawBody</c> keyed with the secret's UTF-8 bytes, a timestamp
/// within 5 minutes. A delivery that fails the check is answered 401; the test request's challenge is echoed.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private WebhookReceiver(WebApplication app, string baseUrl)
    {
        _app = app;
        Url = baseUrl + "/hooks";
        BaseUrl = baseUrl;
    }

    public enum Behaviour
    {
        Echo,
        WrongChallenge,
        ServerError,
        Redirect,
        Stall,
    }

    /// <summary>The webhook URL, <c>http://127.0.0.1:PORT/hooks</c>.</summary>
    public string Url { get; }

    public string BaseUrl { get; }

    public ConcurrentQueue<Delivery> Deliveries { get; } = new();

    public static WebhookReceiver Start(string secret, Behaviour behaviour = Behaviour.Echo)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WebhookReceiver? receiver = null;
        app.MapPost("/hooks", async context =>
        {
            using var body = new System.IO.MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            var signature = context.Request.Headers["X-Bettermode-Signature"].ToString();
            var timestamp = context.Request.Headers["X-Bettermode-Request-Timestamp"].ToString();
            var verified = Verifies(secret, signature, timestamp, body.ToArray());
            receiver!.Deliveries.Enqueue(new Delivery(signature, timestamp, body.ToArray(), verified));
            await Answer(context, verified, body.ToArray(), behaviour);
        });
        app.MapPost("/elsewhere", context =>
        {
            receiver!.Deliveries.Enqueue(new Delivery("redirected", string.Empty, Array.Empty<byte>(), false));
            return Task.CompletedTask;
        });
        app.Start();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver = new WebhookReceiver(app, address);
        return receiver;
    }

    /// <summary>The community's check, independent of <c>TribeWebhookVerifier</c>.</summary>
    public static bool Verifies(string secret, string signature, string timestamp, byte[] body)
    {
        if (!long.TryParse(timestamp, out var sent) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - sent) > 5 * 60 * 1000)
        {
            return false;
        }

        var expected = Sign(secret, timestamp, body);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }

    /// <summary>The signature the community sends with a body.</summary>
    public static string Sign(string secret, string timestamp, byte[] body)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + ":").Concat(body).ToArray()));

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static async Task Answer(HttpContext context, bool verified, byte[] body, Behaviour behaviour)
    {
        if (!verified)
        {
            context.Response.StatusCode = 401;
            return;
        }

        switch (behaviour)
        {
            case Behaviour.ServerError:
                context.Response.StatusCode = 500;
                await context.Response.WriteAsync("boom");
                return;
            case Behaviour.Stall:
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            case Behaviour.Redirect:
                context.Response.StatusCode = 307;
                context.Response.Headers.Location = "/elsewhere";
                return;
        }

        using var json = JsonDocument.Parse(body);
        var type = json.RootElement.GetProperty("type").GetString()!;
        var challenge = type == "TEST" ? json.RootElement.GetProperty("data").GetProperty("challenge").GetString() : null;
        if (behaviour == Behaviour.WrongChallenge)
        {
            challenge = "wrong";
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(challenge is null
            ? "{\"type\":\"" + type + "\",\"status\":\"SUCCEEDED\",\"data\":{}}"
            : "{\"type\":\"TEST\",\"status\":\"SUCCEEDED\",\"data\":{\"challenge\":\"" + challenge + "\"}}");
    }

    public sealed record Delivery(string Signature, string Timestamp, byte[] Body, bool Verified)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }
}
