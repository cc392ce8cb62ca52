using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Tribe.Sso.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>
/// A partner site on real Kestrel serving three communities (the default one, <c>acme</c> and <c>beta</c>), each with its
/// own URL and key, all read from a <see cref="ReloadableConfiguration"/> the test changes at run time.
/// </summary>
internal sealed class CommunitiesApp : IAsyncDisposable
{
    public const string AcmeKey = "tsk_ACME-SENTINEL-1c2d3e4f-acme-community-key-01";
    public const string AcmeRotatedKey = "tsk_ACME-ROTATED-9a8b7c6d-acme-community-key-02";
    public const string BetaKey = "tsk_BETA-SENTINEL-5e6f7a8b-beta-community-key-01";

    private CommunitiesApp(WebApplication app, ReloadableConfiguration configuration, FakeLogCollector logs, FakeTimeProvider clock)
    {
        App = app;
        Configuration = configuration;
        Logs = logs;
        Clock = clock;
        Client = PartnerApp.CreateClient(app);
    }

    public WebApplication App { get; }

    public ReloadableConfiguration Configuration { get; }

    public FakeLogCollector Logs { get; }

    public FakeTimeProvider Clock { get; }

    public HttpClient Client { get; }

    public static Dictionary<string, string?> Settings() => new()
    {
        ["TribeSso:CommunityUrl"] = "https://community.example.com",
        ["TribeSso:PrivateKey"] = TestKeys.Primary,
        ["Communities:acme:CommunityUrl"] = "https://acme.example.com",
        ["Communities:acme:PrivateKey"] = AcmeKey,
        ["Communities:beta:CommunityUrl"] = "https://beta.example.com/community",
        ["Communities:beta:PrivateKey"] = BetaKey,
        ["Communities:beta:SsoPath"] = "/api/auth/sso",
        ["Communities:beta:RedirectParameterName"] = "redirect_uri",
    };

    /// <summary>Builds the app; health checks are added before the communities, to show the order does not matter.</summary>
    public static WebApplication Build(ReloadableConfiguration configuration, FakeLogCollector logs, FakeTimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        ((IConfigurationBuilder)builder.Configuration).Add(configuration);
        builder.Logging.ClearProviders().AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddHealthChecks().AddTribeSso();
        builder.Services.AddTribeSso(builder.Configuration.GetSection("TribeSso"));
        builder.Services.AddTribeSso("acme", builder.Configuration.GetSection("Communities:acme"));
        builder.Services.AddTribeSso("beta", builder.Configuration.GetSection("Communities:beta"));

        var app = builder.Build();
        app.UseAuthentication();
        PartnerApp.MapJaneLogin(app);
        app.MapTribeSso("/community/sso");
        app.MapTribeSso("/acme/sso").ForCommunity("acme");
        app.MapTribeSso("/beta/sso").ForCommunity("beta");
        app.MapTribeSsoLogout("/acme/logout").ForCommunity("acme");
        app.MapHealthChecks("/health");
        return app;
    }

    public static async Task<CommunitiesApp> StartAsync()
    {
        var configuration = new ReloadableConfiguration(Settings());
        var logs = new FakeLogCollector();
        var clock = TestClock.Create();
        var app = Build(configuration, logs, clock);
        await app.StartAsync();
        var started = new CommunitiesApp(app, configuration, logs, clock);
        (await started.Client.GetAsync("/login")).EnsureSuccessStatusCode();
        return started;
    }

    /// <summary>A signed-in user's visit to <paramref name="path"/>; returns the SSO link it redirects to.</summary>
    public async Task<Uri> LinkFromAsync(string path)
    {
        using var response = await Client.GetAsync(path);
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException(path + " answered " + (int)response.StatusCode + ": " + await response.Content.ReadAsStringAsync());
        }

        return response.Headers.Location!;
    }

    /// <summary>Reads a link as the community holding <paramref name="key"/> does.</summary>
    public TribeSsoReadResult Read(Uri link, string key)
        => new TribeSsoTokenReader(TribeSsoKey.FromString(key), new TribeSsoTokenReaderOptions { TimeProvider = Clock }).Read(link);

    public async Task<Dictionary<string, HealthReportEntry>> HealthAsync()
        => (await App.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries.ToDictionary(e => e.Key, e => e.Value);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
