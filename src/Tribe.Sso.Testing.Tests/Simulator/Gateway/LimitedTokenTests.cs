using System;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary><c>limitedToken</c>: an app's credentials (HTTP Basic) for an access token, and the tokens' checks on later calls.</summary>
public class LimitedTokenTests
{
    private const string MembersQuery = "{ members(limit: 1) { totalCount } }";

    [Test]
    public void LimitedToken_WithTheAppsCredentials_GivesAnHs256TokenForTheNetworkThatExpiresInAnHour()
    {
        var gateway = GatewayFixture.Create();

        var response = gateway.Post(GatewayFixture.LimitedTokenQuery, GatewayFixture.TokenVariables(), GatewayFixture.Basic(), "limitedToken");

        var token = GatewayFixture.Data(response).GetProperty("limitedToken");
        token.GetProperty("gatewayUrl").ValueKind.Should().Be(JsonValueKind.Null);
        var parts = token.GetProperty("accessToken").GetString()!.Split('.');
        parts.Should().HaveCount(3);
        Encoding.UTF8.GetString(Base64Url(parts[0])).Should().Be("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        var payload = JsonDocument.Parse(Base64Url(parts[1])).RootElement;
        payload.GetProperty("networkId").GetString().Should().Be(GatewayFixture.NetworkId);
        payload.GetProperty("id").GetString().Should().Be("app-bot");
        payload.GetProperty("role").GetString().Should().Be("admin");
        payload.GetProperty("exp").GetInt64().Should().Be(TestClock.Instant.AddHours(1).ToUnixTimeSeconds());
        gateway.Post(MembersQuery, authorization: "Bearer " + token.GetProperty("accessToken").GetString()).StatusCode.Should().Be(200);
    }

    [TestCase(GatewayFixture.ClientId, "wrong-secret")]
    [TestCase(GatewayFixture.ClientId, GatewayFixture.ClientSecret + "x")]
    [TestCase(GatewayFixture.ClientId, "")]
    [TestCase("another-app", GatewayFixture.ClientSecret)]
    public void LimitedToken_WithWrongCredentials_Answers108_WithoutTheSecret(string clientId, string secret)
    {
        var response = GatewayFixture.Create().Post(GatewayFixture.LimitedTokenQuery, GatewayFixture.TokenVariables(), GatewayFixture.Basic(clientId, secret));

        var error = GatewayFixture.Error(response);
        error.GetProperty("code").GetString().Should().Be("108");
        error.GetProperty("message").GetString().Should().StartWith("Invalid app credentials");
        error.GetProperty("path")[0].GetString().Should().Be("limitedToken");
        GatewayFixture.Json(response).GetProperty("data").ValueKind.Should().Be(JsonValueKind.Null);
        response.Body.Should().NotContain(GatewayFixture.ClientSecret);
    }

    [TestCase(null)]
    [TestCase("Bearer abc")]
    [TestCase("Basic %%%not-base64")]
    [TestCase("Basic bm8tY29sb24=")]
    public void LimitedToken_WithoutBasicCredentials_Answers108(string? authorization)
    {
        var response = GatewayFixture.Create().Post(GatewayFixture.LimitedTokenQuery, GatewayFixture.TokenVariables(), authorization);

        GatewayFixture.Error(response).GetProperty("code").GetString().Should().Be("108");
    }

    [Test]
    public void LimitedToken_WithNoAppInstalled_Answers108_SayingHowToInstallOne()
    {
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary));
        var body = new JsonObject { ["query"] = GatewayFixture.LimitedTokenQuery, ["variables"] = GatewayFixture.TokenVariables("SimNetwork") }.ToJsonString();

        var error = GatewayFixture.Error(simulator.Handle("POST", "/api/gateway", body: body, authorization: GatewayFixture.Basic()));

        error.GetProperty("code").GetString().Should().Be("108");
        error.GetProperty("message").GetString().Should().Contain("--api-client-id").And.Contain("TRIBE_API_CLIENT_SECRET");
    }

    [Test]
    public void LimitedToken_ForAnotherNetwork_Answers102_TheAppIsNotInstalledThere()
    {
        var response = GatewayFixture.Create().Post(GatewayFixture.LimitedTokenQuery, GatewayFixture.TokenVariables("OtherNet01"), GatewayFixture.Basic());

        var error = GatewayFixture.Error(response);
        error.GetProperty("code").GetString().Should().Be("102");
        error.GetProperty("message").GetString().Should().Be("The app is not installed on this network: the simulated community's network id is CAx1mZ7I7a.");
    }

    [Test]
    public void LimitedToken_ForAnotherContext_Answers100()
    {
        var variables = GatewayFixture.TokenVariables();
        variables["context"] = "SPACE";

        var response = GatewayFixture.Create().Post(GatewayFixture.LimitedTokenQuery, variables, GatewayFixture.Basic());

        GatewayFixture.Error(response).GetProperty("code").GetString().Should().Be("100");
    }

    [Test]
    public void LimitedToken_ImpersonatingAnUnknownMember_Answers110()
    {
        var response = GatewayFixture.Create().Post(GatewayFixture.LimitedTokenQuery, GatewayFixture.TokenVariables(impersonate: "ffffffffffffffffffffffff"), GatewayFixture.Basic());

        GatewayFixture.Error(response).GetProperty("code").GetString().Should().Be("110");
    }

    /// <summary>The token for the longest network id the options take, non-ASCII (each character escaped in the token), is one the gateway takes.</summary>
    [TestCase(256, 'n')]
    [TestCase(256, '\u00E9')]
    [TestCase(256, '+')]
    public void LimitedToken_ForALongNetworkId_IsTakenByTheGateway(int length, char character)
    {
        var gateway = GatewayFixture.Create();
        var networkId = new string(character, length);
        gateway.Simulator.Options.NetworkId = networkId;

        var token = GatewayFixture.Data(gateway.Post(GatewayFixture.LimitedTokenQuery, GatewayFixture.TokenVariables(networkId), GatewayFixture.Basic())).GetProperty("limitedToken").GetProperty("accessToken").GetString();

        GatewayFixture.Data(gateway.Post(MembersQuery, authorization: "Bearer " + token)).GetProperty("members").GetProperty("totalCount").GetInt32().Should().Be(0);
    }

    [Test]
    public void Token_PastItsExp_Answers108()
    {
        var gateway = GatewayFixture.Create();
        var token = gateway.Token();

        gateway.Clock.Advance(TimeSpan.FromHours(1));
        var response = gateway.Post(MembersQuery, authorization: "Bearer " + token);

        GatewayFixture.Error(response).GetProperty("code").GetString().Should().Be("108");
        GatewayFixture.Error(response).GetProperty("message").GetString().Should().Contain("expired");
    }

    [Test]
    public void Token_FromAnotherSimulatorOrTampered_Answers108()
    {
        var gateway = GatewayFixture.Create();
        var foreign = GatewayFixture.Create().Token();
        var own = gateway.Token();
        var parts = own.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url(parts[1])).Replace("app-bot", "000000000000000000000001", StringComparison.Ordinal);
        var tampered = parts[0] + "." + System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload)) + "." + parts[2];

        foreach (var token in new[] { foreign, tampered, own + "x", "not.a.token", string.Empty })
        {
            GatewayFixture.Error(gateway.Post(MembersQuery, authorization: "Bearer " + token)).GetProperty("code").GetString().Should().Be("108", "for token {0}", token);
        }

        GatewayFixture.Error(gateway.Post(MembersQuery)).GetProperty("code").GetString().Should().Be("108");
        GatewayFixture.Error(gateway.Post(MembersQuery, authorization: GatewayFixture.Basic())).GetProperty("code").GetString().Should().Be("108");
    }

    [Test]
    public void Token_LastsTheConfiguredLifetime()
    {
        var clock = new FakeTimeProvider(TestClock.Instant);
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions
        {
            ReaderOptions = new TribeSsoTokenReaderOptions { TimeProvider = clock },
            ApiClientId = "id",
            ApiClientSecret = TribeApiClientSecret.FromString("secret"),
            ApiTokenLifetime = TimeSpan.FromMinutes(5),
        });
        var body = new JsonObject { ["query"] = GatewayFixture.LimitedTokenQuery, ["variables"] = GatewayFixture.TokenVariables("SimNetwork") }.ToJsonString();
        var token = GatewayFixture.Data(simulator.Handle("POST", "/api/gateway", body: body, authorization: GatewayFixture.Basic("id", "secret"))).GetProperty("limitedToken").GetProperty("accessToken").GetString();
        var members = new JsonObject { ["query"] = MembersQuery }.ToJsonString();

        clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        simulator.Handle("POST", "/api/gateway", body: members, authorization: "Bearer " + token).StatusCode.Should().Be(200);
        clock.Advance(TimeSpan.FromSeconds(1));
        GatewayFixture.Error(simulator.Handle("POST", "/api/gateway", body: members, authorization: "Bearer " + token)).GetProperty("code").GetString().Should().Be("108");
    }

    [Test]
    public void ClientSecret_IsNeverShown()
    {
        var secret = TribeApiClientSecret.FromString(GatewayFixture.ClientSecret);

        secret.ToString().Should().Be("TribeApiClientSecret (hidden)");
        FluentActions.Invoking(() => TribeApiClientSecret.FromString(" ")).Should().Throw<ArgumentException>().Which.Message.Should().StartWith("The API client secret is empty");
    }

    private static byte[] Base64Url(string segment) => System.Buffers.Text.Base64Url.DecodeFromChars(segment);
}
