using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>MapTribeSsoLogout beside an identity provider's sign-out, and under a path base.</summary>
public class LogoutWithIdentityProviderTests
{
    [Test]
    public async Task RefusedTarget_KeepsTheProvidersEndSessionRedirect_AndSignsOutAllTheSame()
    {
        await using var site = await StartAsync(FakeIdentityProviderHandler.RedirectScheme);

        using var response = await LogoutRequests.GetAsync(site.Client, "/community/logout?redirect=" + Uri.EscapeDataString("//evil.example"), ("Sec-Fetch-Site", "same-origin"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().StartWith(FakeIdentityProviderHandler.EndSession + "?post_logout_redirect_uri=")
            .And.EndWith(Uri.EscapeDataString("/"), "the provider returns to the default page, not the refused one").And.NotContain("evil");
        response.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith(".AspNetCore.Cookies=;", StringComparison.Ordinal));
        site.Logs.GetSnapshot().Should().Contain(r => r.Id.Name == "LogoutRedirectRefused");
    }

    [TestCase("/community/logout")]
    [TestCase("/community/logout?redirect=%2F%2Fevil.example")]
    public async Task FormPostProvider_ItsPageIsTheAnswer_AndNothingThrows(string url)
    {
        await using var site = await StartAsync(FakeIdentityProviderHandler.FormPostScheme);

        using var response = await LogoutRequests.GetAsync(site.Client, url, ("Sec-Fetch-Site", "same-origin"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Location.Should().BeNull();
        (await response.Content.ReadAsStringAsync()).Should().StartWith("<form method=\"post\" action=\"" + FakeIdentityProviderHandler.EndSession + "\">");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        site.Logs.GetSnapshot().Should().NotContain(r => r.Level >= LogLevel.Error, "no \"Headers are read-only\" after the provider's page started");
    }

    [TestCase("/app/community/logout", "/app/")]
    [TestCase("/app/community/logout?redirect=/bye", "/app/bye")]
    public async Task UnderAPathBase_TheLandingPageKeepsIt(string url, string landing)
    {
        await using var site = await StartAsync(pathBase: "/app");

        using var response = await LogoutRequests.GetAsync(site.Client, url, ("Sec-Fetch-Site", "same-origin"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be(landing);
    }

    [Test]
    public async Task UnderAPathBase_TheConfirmationPostsToTheEndpointUnderIt()
    {
        await using var site = await StartAsync(pathBase: "/app");

        using var page = await site.Client.GetAsync("/app/community/logout?redirect=/bye");
        var form = LogoutRequests.ReadForm(await page.Content.ReadAsStringAsync());
        using var response = await LogoutRequests.PostAsync(site.Client, form.Action, form.Field, form.Token);

        form.Action.Should().Be("/app/community/logout?redirect=/bye");
        response.Headers.Location!.OriginalString.Should().Be("/app/bye");
    }

    [Test]
    public async Task NamedCommunity_ItsOwnUrlSignsOut_TheDefaultCommunitysDoesNot()
    {
        await using var site = await CommunitiesApp.StartAsync();

        using var fromDefault = await LogoutRequests.GetAsync(site.Client, "/acme/logout", ("Referer", "https://community.example.com/"));
        using var fromAcme = await LogoutRequests.GetAsync(site.Client, "/acme/logout", ("Referer", "https://acme.example.com/spaces"));

        fromDefault.StatusCode.Should().Be(HttpStatusCode.OK, "the default community is not this endpoint's community");
        fromAcme.StatusCode.Should().Be(HttpStatusCode.Redirect);
        fromAcme.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith(".AspNetCore.Cookies=;", StringComparison.Ordinal));
    }

    [Test]
    public async Task ProviderOnly_TheAnswerIsNeverCached()
    {
        // Only the provider's handler runs: no cookie handler sets its own no-cache headers.
        await using var site = await StartAsync(schemes: [FakeIdentityProviderHandler.RedirectScheme]);

        using var response = await LogoutRequests.GetAsync(site.Client, "/community/logout", ("Sec-Fetch-Site", "same-origin"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().StartWith(FakeIdentityProviderHandler.EndSession);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Test]
    public async Task ProviderBeforeTheCookie_TheProvidersRedirectStands()
    {
        await using var site = await StartAsync(schemes: [FakeIdentityProviderHandler.RedirectScheme, CookieAuthenticationDefaults.AuthenticationScheme]);

        using var response = await LogoutRequests.GetAsync(site.Client, "/community/logout", ("Sec-Fetch-Site", "same-origin"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().StartWith(FakeIdentityProviderHandler.EndSession + "?post_logout_redirect_uri=");
        response.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith(".AspNetCore.Cookies=;", StringComparison.Ordinal));
    }

    [Test]
    public async Task HandlerThatAlreadySentItsRedirectHome_IsLeftAlone()
    {
        await using var site = await StartAsync(schemes: [CookieAuthenticationDefaults.AuthenticationScheme, FakeIdentityProviderHandler.SentHomeScheme, FakeIdentityProviderHandler.SilentScheme]);

        using var response = await LogoutRequests.GetAsync(site.Client, "/community/logout?redirect=/bye", ("Sec-Fetch-Site", "same-origin"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/bye");
        site.Logs.GetSnapshot().Should().NotContain(r => r.Level >= LogLevel.Error, "the sent answer's headers are not touched again");
        site.Logs.GetSnapshot().Should().Contain(r => r.Id.Name == "SignedOut");
    }

    [Test]
    public async Task HandlerThatLeavesTheResponseAlone_TheEndpointRedirectsToTheLandingPage()
    {
        await using var site = await StartAsync(schemes: [FakeIdentityProviderHandler.SilentScheme]);

        using var response = await LogoutRequests.GetAsync(site.Client, "/community/logout?redirect=/bye", ("Sec-Fetch-Site", "same-origin"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/bye");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [TestCase("/login-sub", "sub-7")]
    [TestCase("/login-both", "42")]
    [TestCase(null, "(anonymous)")]
    public async Task SignOut_LogsTheNameIdentifier_ThenTheSubClaim_ThenAnonymous(string? login, string userId)
    {
        await using var site = await StartAsync(signIn: false);
        if (login is not null)
        {
            (await site.Client.GetAsync(login)).EnsureSuccessStatusCode();
        }

        using var response = await LogoutRequests.GetAsync(site.Client, "/community/logout", ("Sec-Fetch-Site", "same-origin"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var signedOut = site.Logs.GetSnapshot().Should().ContainSingle(r => r.Category == "Tribe.Sso.AspNetCore.TribeSsoLogoutEndpoint").Subject;
        signedOut.Id.Id.Should().Be(10);
        signedOut.Id.Name.Should().Be("SignedOut");
        signedOut.Level.Should().Be(LogLevel.Information);
        signedOut.Message.Should().Be("Tribe SSO: the community's Logout URL signed user " + userId + " out");
    }

    [TestCase("multipart/form-data", "field=value")]
    [TestCase("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\nunterminated")]
    public async Task MalformedForm_IsNoValidToken(string contentType, string body)
    {
        await using var site = await StartAsync();
        using var content = new StringContent(body);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await site.Client.PostAsync("/community/logout", content);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("\"title\":\"Not signed out\"");
        response.Headers.TryGetValues("Set-Cookie", out var cookies);
        (cookies ?? []).Should().NotContain(c => c.StartsWith(".AspNetCore.Cookies=;", StringComparison.Ordinal), "nobody is signed out");
    }

    private static async Task<Site> StartAsync(string? providerScheme = null, string? pathBase = null, string[]? schemes = null, bool signIn = true)
    {
        var logs = new FakeLogCollector();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(PartnerApp.ValidSettings());
        builder.Logging.ClearProviders().AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.Configure<AuthenticationOptions>(o =>
        {
            o.AddScheme<FakeIdentityProviderHandler>(FakeIdentityProviderHandler.RedirectScheme, null);
            o.AddScheme<FakeIdentityProviderHandler>(FakeIdentityProviderHandler.FormPostScheme, null);
            o.AddScheme<FakeIdentityProviderHandler>(FakeIdentityProviderHandler.SentHomeScheme, null);
            o.AddScheme<FakeIdentityProviderHandler>(FakeIdentityProviderHandler.SilentScheme, null);
        });
        builder.Services.AddTribeSso(builder.Configuration.GetSection("TribeSso"));
        var app = builder.Build();
        if (pathBase is not null)
        {
            app.UsePathBase(pathBase);
        }

        app.UseRouting();
        app.UseAuthentication();
        PartnerApp.MapJaneLogin(app);
        app.MapGet("/login-sub", (HttpContext context) => context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim("sub", "sub-7")], CookieAuthenticationDefaults.AuthenticationScheme))));
        app.MapGet("/login-both", (HttpContext context) => context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim("sub", "sub-7"), new Claim(ClaimTypes.NameIdentifier, "42")], CookieAuthenticationDefaults.AuthenticationScheme))));
        app.MapTribeSso("/community/sso");
        app.MapTribeSsoLogout("/community/logout", o =>
        {
            foreach (var scheme in schemes ?? [])
            {
                o.AuthenticationSchemes.Add(scheme);
            }

            if (providerScheme is not null)
            {
                o.AuthenticationSchemes.Add(CookieAuthenticationDefaults.AuthenticationScheme);
                o.AuthenticationSchemes.Add(providerScheme);
            }
        });
        await app.StartAsync();
        var client = PartnerApp.CreateClient(app);
        if (signIn)
        {
            (await client.GetAsync((pathBase ?? string.Empty) + "/login")).EnsureSuccessStatusCode();
        }

        return new Site(app, client, logs);
    }

    private sealed record Site(WebApplication App, HttpClient Client, FakeLogCollector Logs) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}
