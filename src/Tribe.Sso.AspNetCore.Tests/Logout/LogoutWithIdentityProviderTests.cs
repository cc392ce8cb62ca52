using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
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

    private static async Task<Site> StartAsync(string? providerScheme = null, string? pathBase = null)
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
        app.MapTribeSso("/community/sso");
        app.MapTribeSsoLogout("/community/logout", o =>
        {
            if (providerScheme is not null)
            {
                o.AuthenticationSchemes.Add(CookieAuthenticationDefaults.AuthenticationScheme);
                o.AuthenticationSchemes.Add(providerScheme);
            }
        });
        await app.StartAsync();
        var client = PartnerApp.CreateClient(app);
        (await client.GetAsync((pathBase ?? string.Empty) + "/login")).EnsureSuccessStatusCode();
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
