using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tribe.Sso.Testing;

namespace Tribe.Sso.Members.Tests.Support;

/// <summary>
/// A simulated community with an app installed, served by Kestrel on 127.0.0.1 (a free port), so the members
/// client talks to it over real HTTP; and a partner's issuer for the same key, to sign in through /auth/sso.
/// </summary>
public sealed class SimulatorServer : IAsyncDisposable
{
    public const string ClientId = "integration-app";
    public const string ClientSecret = "integration-secret-5b7e0d2c";
    public const string NetworkId = "CAx1mZ7I7a";

    private readonly WebApplication _app;
    private readonly HttpClient _browser;

    private SimulatorServer(WebApplication app, TribeCommunitySimulator simulator, Uri url)
    {
        _app = app;
        Simulator = simulator;
        Url = url;
        _browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = url };
        Issuer = new TribeSsoIssuer(new TribeSsoOptions { CommunityUrl = url, PrivateKey = TribeSsoKey.FromString(TestKeys.Primary) });
    }

    public TribeCommunitySimulator Simulator { get; }

    public Uri Url { get; }

    public Uri ApiUrl => new(Url, "/api/gateway");

    public TribeSsoIssuer Issuer { get; }

    public static async Task<SimulatorServer> StartAsync(int? rateLimit = null)
    {
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions
        {
            NetworkId = NetworkId,
            ApiClientId = ClientId,
            ApiClientSecret = TribeApiClientSecret.FromString(ClientSecret),
            ApiRateLimit = rateLimit,
        });
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(context => SimulatorForwarding.ServeAsync(simulator, context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SimulatorServer(app, simulator, new Uri(address));
    }

    /// <summary>A members client with the app's credentials (or the secret given) and short retries.</summary>
    public TribeMembersClient Client(string secret = ClientSecret, int maxAttempts = 2) => new(new TribeMembersClientOptions
    {
        ApiUrl = ApiUrl,
        NetworkId = NetworkId,
        ClientId = ClientId,
        ClientSecret = secret,
        MaxAttempts = maxAttempts,
        RetryDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromMilliseconds(50),
    });

    /// <summary>Adds a member as an earlier sign-in would have, through the simulator's own API.</summary>
    public async Task SeedAsync(string email, string name, string externalId)
    {
        var body = "{\"email\":\"" + email + "\",\"name\":\"" + name + "\",\"externalId\":\"" + externalId + "\"}";
        using var answer = await _browser.PostAsync(new Uri("/_simulator/members", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        answer.StatusCode.Should().Be(HttpStatusCode.Created, await answer.Content.ReadAsStringAsync());
    }

    /// <summary>The status the community answers a browser following the user's sign-in link.</summary>
    public async Task<HttpStatusCode> SignInAsync(TribeSsoUser user)
    {
        using var answer = await _browser.GetAsync(Issuer.CreateLoginUrl(user, "/").ToUri());
        return answer.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        _browser.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
