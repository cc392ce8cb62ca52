using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>
/// MaxBodySize at both sides, with the Content-Length given and absent (chunked), a body that needs the buffer to grow,
/// a one-byte body, the server's own limit lower than ours, and a body already buffered by the application.
/// </summary>
public class WebhookBodyLimitTests
{
    /// <summary>A power of two, so that the buffer's growth meets the limit exactly.</summary>
    private const int Limit = 16 * 1024;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["TribeSso:Webhooks:SigningSecret"] = WebhooksApp.Secret,
        ["TribeSso:Webhooks:MaxBodySize"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [TestCase(false)]
    [TestCase(true)]
    public async Task ABodyExactlyAtTheLimit_IsReadWhole(bool chunked)
    {
        await using var app = await WebhooksApp.StartAsync(settings: Settings);

        var response = await SendAsync(app, Delivery("at-limit", Limit), chunked);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        app.Handled.Calls.Should().ContainSingle();
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task ABodyOneByteOverTheLimit_Is413(bool chunked)
    {
        await using var app = await WebhooksApp.StartAsync(settings: Settings);

        var response = await SendAsync(app, Delivery("over", Limit + 1), chunked);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Contain("The limit is 16384 bytes.");
        app.Handled.Calls.Should().BeEmpty();
    }

    [Test]
    public async Task AOneByteBody_IsReadWhole()
    {
        await using var app = await WebhooksApp.StartAsync();

        var response = await SendAsync(app, "x"u8.ToArray(), chunked: false);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, "the one byte is verified, then is not a delivery");
        (await response.Content.ReadAsStringAsync()).Should().Contain("The webhook body is not a delivery.");
    }

    [Test]
    public async Task AServerLimitLowerThanMaxBodySize_IsRaisedToIt()
    {
        await using var app = await WebhooksApp.StartAsync(builder => builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 2048));

        var response = await SendAsync(app, Delivery("raised", 8192), chunked: true);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        app.Handled.Calls.Should().ContainSingle();
    }

    [Test]
    public async Task ABodyTheApplicationAlreadyBuffered_IsStillRefusedOverTheLimit()
    {
        await using var app = await WebhooksApp.StartAsync(settings: Settings, map: web => web.Use(async (context, next) =>
        {
            // An application middleware that reads every body first: the server's limit can no longer be changed.
            context.Request.EnableBuffering();
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Request.Body.Position = 0;
            await next(context);
        }));

        var over = await SendAsync(app, Delivery("buffered-over", Limit + 1), chunked: true);
        var within = await SendAsync(app, Delivery("buffered-within", Limit), chunked: true);

        over.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        within.StatusCode.Should().Be(HttpStatusCode.OK);
        app.Handled.Calls.Should().ContainSingle().Which.Event.Id.Should().Be("buffered-within");
    }

    /// <summary>A member event padded with trailing whitespace (still one JSON value) to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] Delivery(string id, int size)
    {
        var json = WebhooksApp.MemberEvent(id, "member.deleted");
        return Encoding.UTF8.GetBytes(json + new string(' ', size - Encoding.UTF8.GetByteCount(json)));
    }

    private static Task<HttpResponseMessage> SendAsync(WebhooksApp app, byte[] body, bool chunked)
    {
        var timestamp = app.Now();
        var request = new HttpRequestMessage(HttpMethod.Post, WebhooksApp.Path)
        {
            Content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body),
        };
        request.Headers.TransferEncodingChunked = chunked;
        request.Headers.Add(TribeWebhookHeaders.Signature, WebhooksApp.Sign(WebhooksApp.Secret, timestamp, body));
        request.Headers.Add(TribeWebhookHeaders.Timestamp, timestamp);
        return app.Client.SendAsync(request);
    }
}
