using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary>A simulated community with an app installed, and the calls a client makes to its gateway.</summary>
internal sealed class GatewayFixture
{
    public const string ClientId = "sim-app-client";
    public const string ClientSecret = "sim-app-secret-7f3a9c";
    public const string NetworkId = "CAx1mZ7I7a";

    /// <summary>The fields the community's Node client selects on a member by default.</summary>
    public const string MemberFields = "displayName name id locale profilePictureId bannerId status username email emailStatus newEmail tagline lastSeenAt createdAt updatedAt relativeUrl url externalId roleId flagged teammate staffReasons";

    public const string LimitedTokenQuery = """
        query limitedToken($networkId: String!, $context: PermissionContext!, $entityId: String!, $impersonateMemberId: String) {
          limitedToken(networkId: $networkId, context: $context, entityId: $entityId, impersonateMemberId: $impersonateMemberId) { accessToken gatewayUrl }
        }
        """;

    private GatewayFixture(int? rateLimit)
    {
        Simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions
        {
            ReaderOptions = new TribeSsoTokenReaderOptions { TimeProvider = Clock },
            NetworkId = NetworkId,
            ApiClientId = ClientId,
            ApiClientSecret = TribeApiClientSecret.FromString(ClientSecret),
            ApiRateLimit = rateLimit,
        });
        Issuer = Issuers.WithClock(Clock);
    }

    public FakeTimeProvider Clock { get; } = TestClock.Create();

    public TribeCommunitySimulator Simulator { get; }

    public TribeSsoIssuer Issuer { get; }

    public static GatewayFixture Create(int? rateLimit = null) => new(rateLimit);

    public static string Basic(string clientId = ClientId, string secret = ClientSecret)
        => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(clientId + ":" + secret));

    public static JsonObject TokenVariables(string networkId = NetworkId, string? impersonate = null) => new()
    {
        ["networkId"] = networkId,
        ["context"] = "NETWORK",
        ["entityId"] = networkId,
        ["impersonateMemberId"] = impersonate,
    };

    /// <summary>The first error of an answer.</summary>
    public static JsonElement Error(TribeCommunitySimulatorResponse response) => Json(response).GetProperty("errors")[0];

    public static JsonElement Json(TribeCommunitySimulatorResponse response) => JsonDocument.Parse(response.Body).RootElement;

    /// <summary>The answer's <c>data</c>, after checking there were no errors.</summary>
    public static JsonElement Data(TribeCommunitySimulatorResponse response)
    {
        var json = Json(response);
        json.TryGetProperty("errors", out var errors).Should().BeFalse("the answer has no errors, but has {0}", errors);
        response.StatusCode.Should().Be(200);
        return json.GetProperty("data");
    }

    public TribeCommunitySimulatorResponse Post(string query, JsonObject? variables = null, string? authorization = null, string? operationName = null)
    {
        var body = new JsonObject { ["query"] = query, ["variables"] = variables, ["operationName"] = operationName };
        return Simulator.Handle("POST", "/api/gateway", body: body.ToJsonString(), authorization: authorization);
    }

    /// <summary>Runs a query with the app's bot token.</summary>
    public TribeCommunitySimulatorResponse Bot(string query, JsonObject? variables = null) => Post(query, variables, "Bearer " + Token());

    /// <summary>An access token from <c>limitedToken</c>: the bot's, or an impersonated member's.</summary>
    public string Token(string? impersonate = null)
        => Data(Post(LimitedTokenQuery, TokenVariables(impersonate: impersonate), Basic())).GetProperty("limitedToken").GetProperty("accessToken").GetString()!;

    public TribeCommunityMember Seed(string email, string name, string? externalId = null) => Simulator.Community.AddMember(email, name, externalId);

    public TribeCommunitySimulatorResponse SignIn(TribeSsoUser user) => Simulator.Handle("GET", Issuer.CreateLoginUrl(user).ToUri().PathAndQuery);
}
