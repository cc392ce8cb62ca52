using System;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>Every flow of the integration, one after the other: no log line holds a token, a link or the key.</summary>
public class NoTokenInLogsTests
{
    [Test]
    public async Task AuthorizationSignUpEmbedAndLogout_NeverLogATokenOrLink()
    {
        await using var app = await PartnerApp.StartAsync(a =>
        {
            a.MapTribeSso("/community/sign-up").WithSignUpPage("/login");
            a.MapTribeSsoLogout("/community/logout");
            a.MapGet("/embedded", (HttpContext context) => Results.Content(
                TribeSsoEmbed.Iframe(context, TribeEmbed.Space("whats-new").WithComposer(true), new TribeSsoEmbedOptions { SsoEndpoint = "/community/sso" }).ToString(), "text/html"));
        });
        var client = app.Client;

        var challenge = await client.GetAsync("/community/sign-up?redirect_uri=/spaces/general");
        await client.GetAsync("/login?user=jane&returnUrl=" + Uri.EscapeDataString("/community/sign-up?redirect_uri=/spaces/general"));
        var viaSignUp = await client.GetAsync("/community/sign-up?redirect_uri=/spaces/general");
        var viaAuthorization = await client.GetAsync("/community/sso?redirect=/answers");
        var page = await client.GetStringAsync("/embedded");
        var viaEmbed = await client.GetAsync(WebUtility.HtmlDecode(Regex.Match(page, "src=\"([^\"]+)\"").Groups[1].Value));
        var logout = await client.GetAsync("/community/logout?redirect=/bye");

        challenge.StatusCode.Should().Be(HttpStatusCode.Redirect);
        logout.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var logs = app.Logs.AllText();
        foreach (var response in new[] { viaSignUp, viaAuthorization, viaEmbed })
        {
            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            var link = response.Headers.Location!.AbsoluteUri;
            var token = Regex.Match(link, "jwt=([^&]+)").Groups[1].Value;
            token.Should().StartWith("eyJ");
            logs.Should().NotContain(token).And.NotContain(Jwt.Segments(token)[2]).And.NotContain(link);
        }

        logs.Should().NotContain("jwt=").And.NotContain("eyJhbGci").And.NotContain(TestKeys.Primary);
        logs.Should().Contain("Tribe SSO: sending user 42 to the community").And.Contain("Tribe SSO: the community's Logout URL signed user 42 out");
    }
}
