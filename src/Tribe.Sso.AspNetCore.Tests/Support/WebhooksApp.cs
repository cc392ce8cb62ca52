using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>
/// A partner site on Kestrel (127.0.0.1, random port) with <c>MapTribeSsoWebhooks("/community/webhooks")</c> and a
/// recording handler, and a community that signs its deliveries the way the community's own apps check them: lowercase
/// hex HMAC-SHA256 of <c>timestamp:rawBody</c>, written here without the SDK.
/// </summary>
internal sealed class WebhooksApp : IAsyncDisposable
{
    public const string Secret = "whsec-test-0123456789-abcdefghij";
    public const string Path = "/community/webhooks";

    private WebhooksApp(WebApplication app, FakeLogCollector logs, FakeTimeProvider clock, ReloadableConfiguration configuration)
    {
        App = app;
        Logs = logs;
        Clock = clock;
        Configuration = configuration;
        Client = PartnerApp.CreateClient(app);
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public FakeLogCollector Logs { get; }

    public FakeTimeProvider Clock { get; }

    public ReloadableConfiguration Configuration { get; }

    public Recorder Handled => App.Services.GetRequiredService<Recorder>();

    public static async Task<WebhooksApp> StartAsync(Action<WebApplicationBuilder>? configure = null, IDictionary<string, string?>? settings = null, Action<WebApplication>? map = null)
    {
        var logs = new FakeLogCollector();
        var clock = TestClock.Create();
        var configuration = new ReloadableConfiguration(settings ?? new Dictionary<string, string?> { ["TribeSso:Webhooks:SigningSecret"] = Secret });
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        ((IConfigurationBuilder)builder.Configuration).Add(configuration);
        builder.Logging.ClearProviders().AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<Recorder>();
        builder.Services.AddScoped<ScopedCounter>();
        builder.Services.AddTribeSsoWebhooks(builder.Configuration.GetSection("TribeSso")).AddHandler<RecordingHandler>();
        builder.Services.AddHealthChecks().AddTribeSsoWebhooks();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapTribeSsoWebhooks(Path);
        map?.Invoke(app);
        await app.StartAsync();
        return new WebhooksApp(app, logs, clock, configuration);
    }

    /// <summary>The community's signature: hex(HMAC-SHA256(secret, timestamp + ":" + body)), lowercase.</summary>
    public static string Sign(string secret, string timestamp, byte[] body)
    {
        var message = Encoding.ASCII.GetBytes(timestamp + ":").Concat(body).ToArray();
        return Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message)).ToLowerInvariant();
    }

    public static string MemberEvent(string id, string name, string email = "jane@example.com", string? oldEmail = null)
        => "{\"networkId\":\"net1\",\"context\":\"NETWORK\",\"entityId\":\"net1\",\"currentSettings\":[],\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"" + id
            + "\",\"name\":\"" + name + "\",\"noun\":\"MEMBER\",\"verb\":\"UPDATED\",\"time\":\"2026-12-04T12:00:00.000Z\",\"actor\":{\"id\":\"m1\",\"roleType\":\"admin\"},"
            + "\"object\":{\"id\":\"m1\",\"externalId\":\"42\",\"email\":\"" + email + "\",\"name\":\"Jane Doe\",\"status\":\"VERIFIED\"},"
            + (oldEmail is null ? string.Empty : "\"oldObject\":{\"id\":\"m1\",\"externalId\":\"42\",\"email\":\"" + oldEmail + "\",\"name\":\"Jane Doe\",\"status\":\"VERIFIED\"},")
            + "\"target\":{\"networkId\":\"net1\",\"memberId\":\"m1\"}}}";

    public string Now() => Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>Posts <paramref name="body"/> signed now with <see cref="Secret"/> (or as the arguments say).</summary>
    public Task<HttpResponseMessage> SendAsync(string body, string? secret = Secret, string? timestamp = null, bool legacy = false, string path = Path)
        => SendBytesAsync(Encoding.UTF8.GetBytes(body), secret, timestamp, legacy, path);

    public Task<HttpResponseMessage> SendBytesAsync(byte[] body, string? secret = Secret, string? timestamp = null, bool legacy = false, string path = Path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (secret is not null)
        {
            timestamp ??= Now();
            request.Headers.Add(legacy ? TribeWebhookHeaders.LegacySignature : TribeWebhookHeaders.Signature, Sign(secret, timestamp, body));
            request.Headers.Add(legacy ? TribeWebhookHeaders.LegacyTimestamp : TribeWebhookHeaders.Timestamp, timestamp);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }

    /// <summary>What the handler saw, and what it is told to do next.</summary>
    internal sealed class Recorder
    {
        public ConcurrentQueue<(string Method, TribeWebhookEvent Event, int Scope)> Calls { get; } = new();

        /// <summary>When set, a call waits for it before returning (a slow handler).</summary>
        public TaskCompletionSource? Gate { get; set; }

        public TaskCompletionSource Entered { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>When set, a call waiting at the gate gives up when its token is cancelled.</summary>
        public bool HonourCancellation { get; set; }

        /// <summary>How many calls throw before the handler starts succeeding.</summary>
        public int FailuresLeft;

        public int Count(string method) => Calls.Count(c => c.Method == method);
    }

    /// <summary>A scoped service: each delivery's handler gets its own, as a DbContext would be.</summary>
    internal sealed class ScopedCounter
    {
        private static int _next;

        public int Id { get; } = Interlocked.Increment(ref _next);
    }

    internal sealed class RecordingHandler(Recorder recorder, ScopedCounter scope) : TribeWebhookHandler
    {
        public override Task OnMemberCreatedAsync(TribeMemberEvent memberEvent, CancellationToken cancellationToken) => Record("created", memberEvent, cancellationToken);

        public override Task OnMemberVerifiedAsync(TribeMemberEvent memberEvent, CancellationToken cancellationToken) => Record("verified", memberEvent, cancellationToken);

        public override Task OnMemberUpdatedAsync(TribeMemberEvent memberEvent, CancellationToken cancellationToken) => Record("updated", memberEvent, cancellationToken);

        public override Task OnMemberDeletedAsync(TribeMemberEvent memberEvent, CancellationToken cancellationToken) => Record("deleted", memberEvent, cancellationToken);

        public override Task OnSpaceMembershipCreatedAsync(TribeSpaceMembershipEvent membershipEvent, CancellationToken cancellationToken) => Record("joined", membershipEvent, cancellationToken);

        private async Task Record(string method, TribeWebhookEvent webhookEvent, CancellationToken cancellationToken)
        {
            recorder.Entered.TrySetResult();
            if (recorder.Gate is { } gate)
            {
                await (recorder.HonourCancellation ? gate.Task.WaitAsync(cancellationToken) : gate.Task);
            }

            if (Interlocked.Decrement(ref recorder.FailuresLeft) >= 0)
            {
                throw new InvalidOperationException("the partner's database is down");
            }

            recorder.Calls.Enqueue((method, webhookEvent, scope.Id));
        }
    }
}
