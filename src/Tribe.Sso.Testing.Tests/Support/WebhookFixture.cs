using System;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Tribe.Sso.Testing.Tests.Simulator.Gateway;

namespace Tribe.Sso.Testing.Tests;

/// <summary>A simulated community on a fake clock with an app installed and its webhook pointed at a <see cref="WebhookReceiver"/>.</summary>
internal sealed class WebhookFixture
{
    public const string Secret = "whsec-simulator-test";
    public const string NetworkId = GatewayFixture.NetworkId;

    private WebhookFixture(Action<TribeCommunitySimulatorOptions>? configure)
    {
        Receiver = new WebhookReceiver(Secret);
        var options = new TribeCommunitySimulatorOptions
        {
            ReaderOptions = new TribeSsoTokenReaderOptions { TimeProvider = Clock },
            NetworkId = NetworkId,
            ApiClientId = GatewayFixture.ClientId,
            ApiClientSecret = TribeApiClientSecret.FromString(GatewayFixture.ClientSecret),
            WebhookUrl = new Uri("https://partner.example/community/webhooks"),
            WebhookSigningSecret = Secret,
            WebhookHttpHandler = Receiver,
        };
        configure?.Invoke(options);
        Simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), options);
        Issuer = Issuers.WithClock(Clock);
    }

    public FakeTimeProvider Clock { get; } = TestClock.Create();

    public TribeCommunitySimulator Simulator { get; }

    public TribeSsoIssuer Issuer { get; }

    public WebhookReceiver Receiver { get; }

    public static WebhookFixture Create(Action<TribeCommunitySimulatorOptions>? configure = null) => new(configure);

    public TribeCommunitySimulatorResponse SignIn(TribeSsoUser user) => Simulator.Handle("GET", Issuer.CreateLoginUrl(user).ToUri().PathAndQuery);

    /// <summary>Runs a GraphQL operation with the app's bot token.</summary>
    public JsonElement Bot(string query, string variablesJson, string? token = null) => GatewayFixture.Data(Post(query, variablesJson, "Bearer " + (token ?? BotToken())));

    /// <summary>The app's bot token, from <c>limitedToken</c>.</summary>
    public string BotToken()
        => GatewayFixture.Data(Post(GatewayFixture.LimitedTokenQuery, GatewayFixture.TokenVariables().ToJsonString(), GatewayFixture.Basic()))
            .GetProperty("limitedToken").GetProperty("accessToken").GetString()!;

    /// <summary>Waits (10 s at most, in real time) for the queue to empty.</summary>
    public async Task IdleAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await Simulator.WebhooksIdleAsync(timeout.Token);
    }

    /// <summary>
    /// Moves the fake clock a second at a time until <paramref name="condition"/> holds: a retry's timer is armed by the
    /// background queue, so the clock moves again until it has fired. Fails after 10 s of real time.
    /// </summary>
    public void AdvanceUntil(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the simulator should have {0} by now; received: {1}", what, string.Join(", ", Receiver.All.Select(r => r.Name)));
            Clock.Advance(TimeSpan.FromSeconds(1));
            Thread.Sleep(20);
        }
    }

    /// <summary>Waits in real time (10 s at most) until <paramref name="condition"/> holds, without moving the clock.</summary>
    public static void WaitUntil(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10), "the simulator should have {0} by now", what);
            Thread.Sleep(10);
        }
    }

    private TribeCommunitySimulatorResponse Post(string query, string variablesJson, string authorization)
        => Simulator.Handle("POST", "/api/gateway", body: "{\"query\": " + JsonSerializer.Serialize(query) + ", \"variables\": " + variablesJson + "}", authorization: authorization);
}
