using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>
/// The webhook endpoint called directly, without a server and without the host's start (so settings that never were
/// valid still reach it): each request is a <see cref="DefaultHttpContext"/> whose body stream and abort token the test
/// controls, so a read that fails or a client that hangs up happens exactly when the test says.
/// </summary>
internal sealed class WebhookEndpointHarness : IDisposable
{
    private readonly RequestDelegate _endpoint;

    private WebhookEndpointHarness(WebApplication app, FakeLogCollector logs, FakeTimeProvider clock)
    {
        App = app;
        Logs = logs;
        Clock = clock;
        _endpoint = ((IEndpointRouteBuilder)app).DataSources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().Single().RequestDelegate!;
    }

    public WebApplication App { get; }

    public FakeLogCollector Logs { get; }

    public FakeTimeProvider Clock { get; }

    public WebhooksApp.Recorder Handled => App.Services.GetRequiredService<WebhooksApp.Recorder>();

    public static WebhookEndpointHarness Create(IDictionary<string, string?>? settings = null, Action<TribeSsoWebhooksBuilder>? webhooks = null, Action<IServiceCollection>? services = null)
    {
        var logs = new FakeLogCollector();
        var clock = TestClock.Create();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?> { ["TribeSso:Webhooks:SigningSecret"] = WebhooksApp.Secret });
        builder.Logging.ClearProviders().AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<WebhooksApp.Recorder>();
        builder.Services.AddScoped<WebhooksApp.ScopedCounter>();
        var registration = builder.Services.AddTribeSsoWebhooks(builder.Configuration.GetSection("TribeSso")).AddHandler<WebhooksApp.RecordingHandler>();
        webhooks?.Invoke(registration);
        services?.Invoke(builder.Services);
        builder.Services.AddHealthChecks().AddTribeSsoWebhooks();
        var app = builder.Build();
        app.MapTribeSsoWebhooks(WebhooksApp.Path);
        return new WebhookEndpointHarness(app, logs, clock);
    }

    public string Now() => Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Posts <paramref name="body"/> signed now with the test secret, its Content-Length given.</summary>
    public Task<Answer> SendAsync(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        return SendAsync(new MemoryStream(bytes), bytes.Length, Signed(bytes));
    }

    /// <summary>The community's two headers for <paramref name="body"/>, signed now.</summary>
    public Dictionary<string, StringValues> Signed(byte[] body)
    {
        var timestamp = Now();
        return new Dictionary<string, StringValues>
        {
            [TribeWebhookHeaders.Signature] = WebhooksApp.Sign(WebhooksApp.Secret, timestamp, body),
            [TribeWebhookHeaders.Timestamp] = timestamp,
        };
    }

    public async Task<Answer> SendAsync(Stream body, long? contentLength, IDictionary<string, StringValues> headers, CancellationToken aborted = default)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = aborted };
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = WebhooksApp.Path;
        context.Request.ContentLength = contentLength;
        context.Request.Body = body;
        foreach (var header in headers)
        {
            context.Request.Headers[header.Key] = header.Value;
        }

        using var response = new MemoryStream();
        context.Response.Body = response;
        await _endpoint(context);
        return new Answer(context.Response.StatusCode, context.Response.Headers.RetryAfter.ToString(), context.Response.Headers.CacheControl.ToString(), Encoding.UTF8.GetString(response.ToArray()));
    }

    public void Dispose() => ((IDisposable)App).Dispose();

    /// <summary>What the endpoint answered.</summary>
    internal sealed record Answer(int Status, string RetryAfter, string CacheControl, string Body);

    /// <summary>A body that yields its bytes, then fails the way a broken request does.</summary>
    internal sealed class FailingStream(byte[] first, Func<Exception> failure) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_position == first.Length)
            {
                throw failure();
            }

            var count = Math.Min(buffer.Length, first.Length - _position);
            first.AsSpan(_position, count).CopyTo(buffer.Span);
            _position += count;
            return ValueTask.FromResult(count);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
