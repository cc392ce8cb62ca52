using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>The Logout URL's confirmation page and origin rule, on one request each, without a server.</summary>
public class LogoutPartsTests
{
    private const string Head = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>Sign out?</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}</style></head>\n"
        + "<body><main><h1>Sign out?</h1><p>A page asked to sign you out of this site. Sign out only if you just logged out of the community.</p>\n";

    [Test]
    public async Task ConfirmationPage_IsExactlyTheFormWithTheTokenAndTheWayBack()
    {
        var (context, page) = await WriteConfirmationAsync("abc123", "/bye");

        page.Should().Be(Head
            + "<form method=\"post\" action=\"/app/community/logout?redirect=/bye\">"
            + "<input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"abc123\">"
            + "<button type=\"submit\">Sign out</button></form>\n"
            + "<p><a href=\"/app/\">Stay signed in</a></p></main></body></html>\n");
        context.Response.StatusCode.Should().Be(StatusCodes.Status200OK);
        context.Response.ContentType.Should().Be("text/html; charset=utf-8");
        context.Response.Headers.CacheControl.ToString().Should().Be("no-store");
        context.Response.Headers.ContentSecurityPolicy.ToString().Should().Be("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'");
        context.Response.Headers["Referrer-Policy"].ToString().Should().Be("same-origin");
    }

    [Test]
    public async Task ConfirmationPage_WithoutARequestToken_HasAnEmptyField()
    {
        var (_, page) = await WriteConfirmationAsync(null, null);

        page.Should().Contain("<form method=\"post\" action=\"/app/community/logout\"><input type=\"hidden\" name=\"__RequestVerificationToken\" value=\"\"><button");
    }

    [Test]
    public void Origin_WithNoCommunityRegistered_IsNeverTrusted()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().BuildServiceProvider() };
        context.Request.Headers.Referer = "https://community.example.com/";

        LogoutRequestOrigin.IsTrusted(context).Should().BeFalse();
    }

    [TestCase("Referer", "http://localhost:5000/spaces", true)]
    [TestCase("Origin", "http://localhost:5000", true)]
    [TestCase("Referer", "https://localhost:5000/", false)]
    [TestCase("Referer", "ws://localhost:5000/", false)]
    [TestCase("Referer", "", false)]
    public void Origin_OfALocalHttpCommunity_IsTrustedOverHttpOnly(string header, string value, bool trusted)
    {
        using var services = new ServiceCollection().AddLogging().AddTribeSso(o =>
        {
            o.CommunityUrl = new Uri("http://localhost:5000");
            o.PrivateKey = TestKeys.Primary;
        }).BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Headers[header] = value;

        LogoutRequestOrigin.IsTrusted(context).Should().Be(trusted);
    }

    [TestCaseSource(nameof(FormFailures))]
    public async Task Post_WhoseFormCannotBeRead_IsRefusedAsNoValidToken(Exception failure)
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().AddSingleton<IAntiforgery>(new FixedAntiforgery("t", failure)).BuildServiceProvider(),
        };
        context.Request.Method = HttpMethods.Post;
        using var body = new MemoryStream();
        context.Response.Body = body;

        await TribeSsoLogoutEndpoint.HandleAsync(context, "/", []);

        context.Response.StatusCode.Should().Be(StatusCodes.Status400BadRequest);
        Encoding.UTF8.GetString(body.ToArray()).Should().Contain("\"title\":\"Not signed out\"");
    }

    [Test]
    public async Task Post_WhoseAntiforgeryFailsOtherwise_LetsTheFailureThrough()
    {
        var context = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddLogging().AddSingleton<IAntiforgery>(new FixedAntiforgery("t", new InvalidOperationException("broken"))).BuildServiceProvider(),
        };
        context.Request.Method = HttpMethods.Post;

        var act = () => TribeSsoLogoutEndpoint.HandleAsync(context, "/", []);

        await act.Should().ThrowExactlyAsync<InvalidOperationException>().WithMessage("broken");
    }

    private static Exception[] FormFailures() =>
    [
        new InvalidDataException("Form value length limit exceeded."),
        new IOException("Unexpected end of Stream."),
        new BadHttpRequestException("Request body too large."),
        new AntiforgeryValidationException("The form could not be read."),
    ];

    private static async Task<(HttpContext Context, string Page)> WriteConfirmationAsync(string? requestToken, string? target)
    {
        var services = new ServiceCollection().AddSingleton<IAntiforgery>(new FixedAntiforgery(requestToken)).BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.PathBase = "/app";
        context.Request.Path = "/community/logout";
        using var body = new MemoryStream();
        context.Response.Body = body;

        await LogoutConfirmationPage.Write(context, target);

        return (context, Encoding.UTF8.GetString(body.ToArray()));
    }

    private sealed class FixedAntiforgery(string? requestToken, Exception? failure = null) : IAntiforgery
    {
        public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) => GetTokens(httpContext);

        public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => new(requestToken, "cookie", "__RequestVerificationToken", "RequestVerificationToken");

        public Task<bool> IsRequestValidAsync(HttpContext httpContext) => failure is null ? Task.FromResult(false) : Task.FromException<bool>(failure);

        public Task ValidateRequestAsync(HttpContext httpContext) => Task.CompletedTask;

        public void SetCookieTokenAndHeader(HttpContext httpContext)
        {
        }
    }
}
