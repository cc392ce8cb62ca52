using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Tribe.Sso.Testing;

namespace Tribe.Sso.AotTest;

/// <summary>
/// The smoke run: a user signs in to the site, follows "go to community" into the simulated community, opens the
/// embedded page and logs out. Each step prints one line; the first wrong answer ends the run with exit code 1.
/// </summary>
internal static class SmokeRun
{
    /// <summary>The community the site sends its users to; the smoke run hands its links to the in-process simulator.</summary>
    public static Uri CommunityUrl { get; } = new("https://community.aot.example");

    public static async Task<int> RunAsync(WebApplication app, TribeSsoKey key)
    {
        var site = new Uri(app.Urls.First());
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = site };
        var simulator = new TribeCommunitySimulator(key);
        var reader = new TribeSsoTokenReader(key);

        try
        {
            using (var anonymous = await http.GetAsync(new Uri("/community/sso", UriKind.Relative)))
            {
                Expect(anonymous.StatusCode == HttpStatusCode.Redirect && Location(anonymous).Contains("/Account/Login", StringComparison.Ordinal),
                    "an anonymous visitor of MapTribeSso gets the sign-in challenge", anonymous);
            }

            using (var login = await http.GetAsync(new Uri("/login", UriKind.Relative)))
            {
                Expect(login.IsSuccessStatusCode, "the fake sign-in signs Jane in", login);
            }

            string link;
            using (var sso = await http.GetAsync(new Uri("/community/sso?redirect=/answers", UriKind.Relative)))
            {
                link = Location(sso);
                Expect(sso.StatusCode == HttpStatusCode.Redirect && link.StartsWith(CommunityUrl.AbsoluteUri + "auth/sso?", StringComparison.Ordinal)
                    && sso.Headers.CacheControl?.NoStore == true, "MapTribeSso sends Jane to the community, no-store", sso);
            }

            var read = reader.Read(link);
            Expect(read.IsAccepted && read.Claims?.Email == "jane@example.com" && read.RedirectPath == "/answers",
                "TribeSsoTokenReader accepts the link: " + string.Join("; ", read.Findings.Select(f => f.Code)));

            var answer = simulator.Handle("GET", new Uri(link).PathAndQuery);
            var signIn = simulator.SignIns.SingleOrDefault();
            Expect(answer.StatusCode == 302 && signIn?.Outcome == TribeSsoSignInOutcome.Created && signIn.RedirectPath == "/answers",
                $"the simulated community creates Jane and opens /answers ({answer.StatusCode} {signIn})");

            var issuer = app.Services.GetRequiredService<TribeSsoIssuer>();
            var user = TribeSsoUser.Create("43", "Sam Roe", "sam@example.com").WithRole(TribeRole.Moderator).Build();
            var token = reader.Read(issuer.CreateToken(user));
            var direct = simulator.Handle("GET", issuer.CreateLoginUrl(user, "/spaces").ToUri().PathAndQuery);
            Expect(token.IsAccepted && token.Claims?.Role == TribeRole.Moderator && direct.StatusCode == 302
                && simulator.SignIns.Count == 2 && simulator.SignIns[1].IsSignedIn,
                "TribeSsoIssuer.CreateToken and CreateLoginUrl sign Sam in as a moderator");

            var members = await MembersSmoke.RunAsync(issuer, key);
            Expect(members is null, members ?? "TribeMembersClient finds, relinks and deletes members at the simulated community's API");

            var webhooks = await WebhooksSmoke.RunAsync(http);
            Expect(webhooks is null, webhooks ?? "MapTribeSsoWebhooks answers the challenge, runs a member update once and refuses a tampered delivery");

            var redisDown = await WebhooksSmoke.RunRedisDownAsync(http);
            Expect(redisDown is null, redisDown ?? "UseRedisDeliveryLog with Redis unreachable answers 503 with Retry-After and runs nothing");

            using (var forApp = await http.GetAsync(new Uri("/community/sso-link?redirect=/answers", UriKind.Relative)))
            {
                using var json = System.Text.Json.JsonDocument.Parse(await forApp.Content.ReadAsStringAsync());
                var url = json.RootElement.TryGetProperty("url", out var value) ? value.GetString() ?? string.Empty : string.Empty;
                Expect(forApp.StatusCode == HttpStatusCode.OK && forApp.Headers.CacheControl?.NoStore == true && reader.Read(url).IsAccepted
                    && json.RootElement.TryGetProperty("expiresAt", out _), "MapTribeSsoLink answers Jane with the link as JSON", forApp);
            }

            using (var embedded = await http.GetAsync(new Uri("/embedded", UriKind.Relative)))
            {
                var html = await embedded.Content.ReadAsStringAsync();
                Expect(embedded.IsSuccessStatusCode && html.Contains("<iframe", StringComparison.Ordinal)
                    && html.Contains("src=\"/community/sso?redirect=/embed/space/whats-new", StringComparison.Ordinal),
                    "TribeSsoEmbed.Iframe points the frame at the site's own MapTribeSso", embedded);
            }

            using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/community/logout", UriKind.Relative)))
            {
                request.Headers.Add("Sec-Fetch-Site", "same-origin");
                using var logout = await http.SendAsync(request);
                Expect(logout.StatusCode == HttpStatusCode.Redirect, "MapTribeSsoLogout signs Jane out", logout);
            }

            using (var after = await http.GetAsync(new Uri("/community/sso", UriKind.Relative)))
            {
                Expect(after.StatusCode == HttpStatusCode.Redirect && Location(after).Contains("/Account/Login", StringComparison.Ordinal),
                    "after the logout, MapTribeSso challenges again", after);
            }
        }
        catch (SmokeFailure failure)
        {
            Console.WriteLine("smoke: FAILED: " + failure.Message);
            return 1;
        }

        Console.WriteLine("smoke: passed");
        return 0;
    }

    private static string Location(HttpResponseMessage response) => response.Headers.Location?.OriginalString ?? string.Empty;

    private static void Expect(bool condition, string step, HttpResponseMessage? response = null)
    {
        if (!condition)
        {
            throw new SmokeFailure(step + (response is null ? string.Empty : $" (got {(int)response.StatusCode}, Location {Location(response)})"));
        }

        Console.WriteLine("smoke: ok: " + step);
    }

    private sealed class SmokeFailure(string message) : Exception(message);
}
