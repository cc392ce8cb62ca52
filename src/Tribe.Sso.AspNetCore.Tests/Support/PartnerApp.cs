using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>A partner site on a real Kestrel server (127.0.0.1, random port) with cookie sign-in and the SSO endpoint.</summary>
internal sealed class PartnerApp : IAsyncDisposable
{
    private PartnerApp(WebApplication app, FakeLogCollector logs, FakeTimeProvider clock)
    {
        App = app;
        Logs = logs;
        Clock = clock;
        Client = CreateClient(app);

        // A browser on the site's own pages says so; the Logout URL signs such a navigation out at once.
        Client.DefaultRequestHeaders.Add("Sec-Fetch-Site", "same-origin");
    }

    public WebApplication App { get; }

    /// <summary>A cookie-keeping client that sends <c>Sec-Fetch-Site: same-origin</c>, as a browser on the site's pages does.</summary>
    public HttpClient Client { get; }

    public FakeLogCollector Logs { get; }

    public FakeTimeProvider Clock { get; }

    /// <summary>A cookie-keeping client that does not follow redirects, for a started app on a random port.</summary>
    public static HttpClient CreateClient(WebApplication app) => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()),
    };

    /// <summary>Maps <c>GET /login</c>, which signs Jane (id 42, jane@example.com) in with the default scheme: the apps of the README tests.</summary>
    public static void MapJaneLogin(WebApplication app) => app.MapGet("/login", (HttpContext context) => context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "42"), new Claim(ClaimTypes.Name, "Jane Doe"), new Claim(ClaimTypes.Email, "jane@example.com")],
        CookieAuthenticationDefaults.AuthenticationScheme))));

    public static Dictionary<string, string?> ValidSettings() => new()
    {
        ["TribeSso:CommunityUrl"] = "https://community.example.com",
        ["TribeSso:PrivateKey"] = TestKeys.Primary,
    };

    /// <summary>Builds the app; <see cref="StartAsync"/> starts it.</summary>
    public static WebApplication Build(IDictionary<string, string?> settings, FakeLogCollector logs, FakeTimeProvider clock, Action<WebApplication>? map = null, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders().AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o => o.LoginPath = "/login");
        builder.Services.AddTribeSso(builder.Configuration.GetSection("TribeSso"));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseAuthentication();
        app.MapGet("/login", SignInAsync);
        app.MapTribeSso("/community/sso");
        app.MapTribeSso("/community/sso-with-groups", principal => TribeSsoUser.Create(principal.FindFirstValue(ClaimTypes.NameIdentifier)!, principal.Identity!.Name!, principal.FindFirstValue(ClaimTypes.Email)!)
            .WithRole(TribeRole.Moderator)
            .AddToGroups(TribeGroup.Joined("group-x"))
            .Build());
        map?.Invoke(app);
        return app;
    }

    public static async Task<PartnerApp> StartAsync(Action<WebApplication>? map = null)
    {
        var logs = new FakeLogCollector();
        var clock = TestClock.Create();
        var app = Build(ValidSettings(), logs, clock, map);
        await app.StartAsync();
        return new PartnerApp(app, logs, clock);
    }

    /// <summary>Signs in a fake user (<c>?user=jane</c>, or <c>noemail</c> without an email claim) and returns to <c>ReturnUrl</c>.</summary>
    private static async Task<IResult> SignInAsync(HttpContext context, string user, string? returnUrl)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user == "jane" ? "42" : "7"), new(ClaimTypes.Name, user == "jane" ? "Jane Doe" : "No Email") };
        if (user == "jane")
        {
            claims.Add(new Claim(ClaimTypes.Email, "jane@example.com"));
        }

        await context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme)));
        return Results.LocalRedirect(returnUrl ?? "/");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
