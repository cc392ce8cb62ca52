using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>The endpoint's edges found by review: an app's fallback policy, a client that hangs up, headers checked before the body, a handler past its lease.</summary>
public class WebhookEndpointEdgeTests
{
    [Test]
    public async Task AnAppThatRequiresSignedInUsersEverywhere_StillReceivesDeliveries()
    {
        await using var app = await WebhooksApp.StartAsync(builder =>
        {
            builder.Services.AddAuthentication();
            builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        });

        (await app.SendAsync(WebhooksApp.MemberEvent("anon", "member.deleted"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task AClientThatSendsLessThanItsContentLength_AndHangsUp_CausesNoUnhandledError()
    {
        await using var app = await WebhooksApp.StartAsync();
        var uri = new Uri(app.Client.BaseAddress!, WebhooksApp.Path);
        var body = Encoding.UTF8.GetBytes("{\"type\":");
        var head = $"POST {uri.AbsolutePath} HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Length: 1000\r\n"
            + $"{TribeWebhookHeaders.Signature}: {WebhooksApp.Sign(WebhooksApp.Secret, app.Now(), body)}\r\n{TribeWebhookHeaders.Timestamp}: {app.Now()}\r\n\r\n";

        using (var socket = new TcpClient())
        {
            await socket.ConnectAsync(uri.Host, uri.Port);
            var stream = socket.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(body);
        }

        // The next request is served, and no unhandled exception was logged for the broken one.
        (await app.SendAsync(WebhooksApp.MemberEvent("after", "member.deleted"))).StatusCode.Should().Be(HttpStatusCode.OK);
        app.Logs.GetSnapshot().Should().NotContain(r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
        app.Handled.Calls.Should().ContainSingle();
    }

    [Test]
    public async Task AStaleTimestamp_IsRefusedBeforeTheBodyIsRead()
    {
        await using var app = await WebhooksApp.StartAsync();
        var uri = new Uri(app.Client.BaseAddress!, WebhooksApp.Path);
        var stale = app.Clock.GetUtcNow().AddHours(-1).ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var head = $"POST {uri.AbsolutePath} HTTP/1.1\r\nHost: {uri.Authority}\r\nContent-Length: 1000000\r\n"
            + $"{TribeWebhookHeaders.Signature}: {new string('a', 64)}\r\n{TribeWebhookHeaders.Timestamp}: {stale}\r\n\r\n{{\"type\":";
        using var socket = new TcpClient();
        await socket.ConnectAsync(uri.Host, uri.Port);
        var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));

        // Only 8 of the 1,000,000 bytes announced were sent: the answer comes without waiting for the rest.
        var answer = new byte[64];
        var read = await stream.ReadAsync(answer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        Encoding.ASCII.GetString(answer, 0, read).Should().StartWith("HTTP/1.1 401");
    }

    [Test]
    public async Task AHandlerStillRunningWhenItsLeaseEnds_IsCancelled_SoItNeverRunsBesideItsRetry()
    {
        await using var app = await WebhooksApp.StartAsync(settings: new System.Collections.Generic.Dictionary<string, string?>
        {
            ["TribeSso:Webhooks:SigningSecret"] = WebhooksApp.Secret,
            ["TribeSso:Webhooks:ProcessingLease"] = "00:00:01",
        });
        app.Handled.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Handled.HonourCancellation = true;

        var response = await app.SendAsync(WebhooksApp.MemberEvent("lease-1", "member.updated")).WaitAsync(TimeSpan.FromSeconds(30));

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        app.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Name == "WebhookHandlerFailed").Which.Message.Should().Contain("TaskCanceledException");
    }
}
