using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tribe.Sso.AspNetCore;
using Tribe.Sso.Members;
using Tribe.Sso.StackExchangeRedis;
using Tribe.Sso.TestSupport;

namespace Tribe.Sso.Benchmarks;

/// <summary>
/// One webhook delivery over Kestrel on loopback (an HttpClient in the same process): a signed 2 KB member.updated
/// with a fresh event id per call, to <c>MapTribeSsoWebhooks</c> with the in-memory delivery log, with the Redis log (a
/// redis-server of the benchmark's own on a free port), and to a bare endpoint that reads the body and answers 200.
/// The client signs every delivery for all three, so the differences are the endpoint's verification, parsing and log.
/// </summary>
[MemoryDiagnoser]
public class WebhookOverHttpBenchmarks
{
    private const string Secret = "whsec-bench-0123456789-abcdefghij";
    private const int BodySize = 2048;

    private RedisServer _redis = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private byte[] _secret = null!;
    private long _next;

    [GlobalSetup]
    public void Setup()
    {
        _redis = RedisServer.StartAsync().GetAwaiter().GetResult();
        _secret = Encoding.UTF8.GetBytes(Secret);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TribeSso:Webhooks:SigningSecret"] = Secret,
            ["Communities:redis:Webhooks:SigningSecret"] = Secret,
        });
        builder.Services.AddTribeSsoWebhooks(builder.Configuration.GetSection("TribeSso")).AddHandler<NoWork>();
        builder.Services.AddTribeSsoWebhooks("redis", builder.Configuration.GetSection("Communities:redis")).AddHandler<NoWork>().UseRedisDeliveryLog(_redis.ConnectionString);
        _app = builder.Build();
        _app.MapPost("/bare", async context =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.StatusCode = StatusCodes.Status200OK;
        });
        _app.MapTribeSsoWebhooks("/memory/webhooks");
        _app.MapTribeSsoWebhooks("/redis/webhooks").ForCommunity("redis");
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(address) };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
        _redis.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "bare endpoint: reads the body, answers 200")]
    public Task Bare() => DeliverAsync("/bare");

    [Benchmark(Description = "MapTribeSsoWebhooks, in-memory delivery log")]
    public Task InMemory() => DeliverAsync("/memory/webhooks");

    [Benchmark(Description = "MapTribeSsoWebhooks, UseRedisDeliveryLog")]
    public Task Redis() => DeliverAsync("/redis/webhooks");

    private async Task DeliverAsync(string path)
    {
        var body = Body("bench-" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N"));
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(TribeWebhookHeaders.Signature, Sign(timestamp, body));
        request.Headers.Add(TribeWebhookHeaders.Timestamp, timestamp);
        using var response = await _client.SendAsync(request);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException(path + " answered " + (int)response.StatusCode);
        }
    }

    private string Sign(string timestamp, byte[] body)
    {
        var message = new byte[timestamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(timestamp, message);
        message[timestamp.Length] = (byte)':';
        body.CopyTo(message, timestamp.Length + 1);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_secret, message));
    }

    private static byte[] Body(string id)
    {
        var head = "{\"networkId\":\"net1\",\"context\":\"NETWORK\",\"entityId\":\"net1\",\"currentSettings\":[],\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"" + id
            + "\",\"name\":\"member.updated\",\"noun\":\"MEMBER\",\"verb\":\"UPDATED\",\"time\":\"2026-12-04T12:00:00.000Z\",\"actor\":{\"id\":\"m1\",\"roleType\":\"admin\"},"
            + "\"object\":{\"id\":\"m1\",\"externalId\":\"42\",\"email\":\"jane@example.com\",\"name\":\"Jane Doe\",\"status\":\"VERIFIED\",\"bio\":\"";
        const string Tail = "\"},\"target\":{\"networkId\":\"net1\",\"memberId\":\"m1\"}}}";
        return Encoding.UTF8.GetBytes(head + new string('x', BodySize - head.Length - Tail.Length) + Tail);
    }

    /// <summary>A handler with nothing to do: the figures are the endpoint's and its log's.</summary>
    public sealed class NoWork : TribeWebhookHandler;
}
