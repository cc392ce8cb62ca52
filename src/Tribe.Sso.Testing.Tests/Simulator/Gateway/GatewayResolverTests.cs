using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary>
/// Each resolver's refusals, exactly: HTTP 200, the community's code, the message, the field's response path and
/// <c>data</c> null; and the rules just inside them (who may change what, which argument a lookup reads first).
/// </summary>
public partial class GatewayResolverTests
{
    private const string Members = "{ members(limit: 1) { totalCount } }";
    private const string Update = "mutation U($id: ID, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id name externalId roleId teammate staffReasons locale tagline } }";
    private const string Delete = "mutation D($id: ID!) { deleteMember(id: $id) { status } }";
    private const string NotIssued = "Invalid access token: it was not issued by this community, is for another network, or has expired; get a new one with limitedToken.";

    private GatewayFixture _gateway = null!;

    [SetUp]
    public void SetUp() => _gateway = GatewayFixture.Create();

    [TestCase(null)]
    [TestCase("Basic c2ltLWFwcC1jbGllbnQ6c2ltLWFwcC1zZWNyZXQtN2YzYTlj")]
    [TestCase("Token abc")]
    [TestCase("Bearer")]
    [TestCase("Bearerabc")]
    public void Call_WithoutABearerToken_Answers108_SayingHowToGetOne(string? authorization)
    {
        var response = _gateway.Post(Members, authorization: authorization);

        GatewayAnswers.Only(response, 200, "108").Should().Be("[members] Invalid access token: send Authorization: Bearer with the accessToken limitedToken gives.");
    }

    [TestCase("Bearer ")]
    [TestCase("Bearer a.b")]
    [TestCase("Bearer a.b.c.d")]
    [TestCase("Bearer ..")]
    [TestCase("Bearer eyJhbGciOiJIUzI1NiJ9.e30.AAAA")]
    public void Call_WithATokenNotIssuedHere_Answers108(string authorization)
    {
        GatewayAnswers.Only(_gateway.Post(Members, authorization: authorization), 200, "108").Should().Be("[members] " + NotIssued);
    }

    [TestCase("bearer ")]
    [TestCase("BEARER   ")]
    public void BearerScheme_IgnoresCase_AndSpacesAroundTheToken(string scheme)
    {
        var response = _gateway.Post(Members, authorization: scheme + _gateway.Token() + "  ");

        GatewayFixture.Data(response).GetProperty("members").GetProperty("totalCount").GetInt32().Should().Be(0);
    }

    [Test]
    public void Token_WithASignatureSpelledWithASpaceInside_Answers108()
    {
        var token = _gateway.Token();
        var respelled = token[..^10] + " " + token[^10..];

        System.Buffers.Text.Base64Url.DecodeFromChars(respelled.Split('.')[2]).Should().Equal(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[2]));
        GatewayAnswers.Only(_gateway.Post(Members, authorization: "Bearer " + respelled), 200, "108").Should().Be("[members] " + NotIssued);
    }

    [Test]
    public void Token_WithAnotherHeader_Answers108()
    {
        var parts = _gateway.Token().Split('.');
        var header = System.Buffers.Text.Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"alg\":\"none\",\"typ\":\"JWT\"}"));

        GatewayAnswers.Only(_gateway.Post(Members, authorization: "Bearer " + header + "." + parts[1] + "." + parts[2]), 200, "108").Should().Be("[members] " + NotIssued);
    }

    [Test]
    public void Token_AfterTheNetworkIdChanges_Answers108()
    {
        var token = _gateway.Token();

        _gateway.Simulator.Options.NetworkId = "OtherNet01";

        GatewayAnswers.Only(_gateway.Post(Members, authorization: "Bearer " + token), 200, "108").Should().Be("[members] " + NotIssued);
    }

    [TestCase(true, false)]
    [TestCase(false, true)]
    [TestCase(false, false)]
    public void LimitedToken_WithoutAnInstalledApp_Answers108_SayingHowToInstallOne(bool clientId, bool secret)
    {
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions
        {
            NetworkId = GatewayFixture.NetworkId,
            ApiClientId = clientId ? GatewayFixture.ClientId : null,
            ApiClientSecret = secret ? TribeApiClientSecret.FromString(GatewayFixture.ClientSecret) : null,
        });
        var body = new JsonObject { ["query"] = GatewayFixture.LimitedTokenQuery, ["variables"] = GatewayFixture.TokenVariables() }.ToJsonString();

        var response = simulator.Handle("POST", "/api/gateway", body: body, authorization: GatewayFixture.Basic());

        GatewayAnswers.Only(response, 200, "108").Should().Be("[limitedToken] No app is installed on this simulated community: give it an API client id and secret (tribe-sso community --api-client-id ID with TRIBE_API_CLIENT_SECRET set).");
    }

    [TestCase(GatewayFixture.ClientId, "sim-app-secret-7f3a9")]
    [TestCase(GatewayFixture.ClientId, "sim-app-secret-7f3a9d")]
    [TestCase("sim-app-clien", GatewayFixture.ClientSecret)]
    [TestCase("", GatewayFixture.ClientSecret)]
    public void LimitedToken_WithCredentialsOffByOne_Answers108(string clientId, string secret)
    {
        var response = _gateway.Post(GatewayFixture.LimitedTokenQuery, GatewayFixture.TokenVariables(), GatewayFixture.Basic(clientId, secret));

        GatewayAnswers.Only(response, 200, "108").Should().Be("[limitedToken] Invalid app credentials: limitedToken takes HTTP Basic authentication with the app's client id and client secret.");
    }

    [TestCase("basic ")]
    [TestCase("BASIC  ")]
    public void LimitedToken_BasicScheme_IgnoresCase(string scheme)
    {
        var credentials = GatewayFixture.Basic()["Basic ".Length..];

        var response = _gateway.Post(GatewayFixture.LimitedTokenQuery, GatewayFixture.TokenVariables(), scheme + credentials + " ");

        GatewayFixture.Data(response).GetProperty("limitedToken").GetProperty("accessToken").GetString().Should().NotBeNullOrEmpty();
    }

    [TestCase("SPACE", GatewayFixture.NetworkId)]
    [TestCase("MEMBER", GatewayFixture.NetworkId)]
    [TestCase("NETWORK", "OtherNet01")]
    public void LimitedToken_ForAnythingButTheNetwork_Answers100(string context, string entityId)
    {
        var variables = GatewayFixture.TokenVariables();
        variables["context"] = context;
        variables["entityId"] = entityId;

        var response = _gateway.Post(GatewayFixture.LimitedTokenQuery, variables, GatewayFixture.Basic());

        GatewayAnswers.Only(response, 200, "100").Should().Be("[limitedToken] The simulated community issues network tokens only: context NETWORK with entityId the network id.");
    }

    [Test]
    public void LimitedToken_ImpersonatingAnUnknownMember_Answers110_WithTheMessage()
    {
        var response = _gateway.Post(GatewayFixture.LimitedTokenQuery, GatewayFixture.TokenVariables(impersonate: "ffffffffffffffffffffffff"), GatewayFixture.Basic());

        GatewayAnswers.Only(response, 200, "110").Should().Be("[limitedToken] Member not found: no member has this id.");
    }

    [Test]
    public void LimitedToken_ImpersonatingAModerator_CarriesTheirIdAndRole()
    {
        var moderator = _gateway.Simulator.Community.AddMember("mod@example.com", "Mo Derator", "9", TribeRole.Moderator);

        var payload = Payload(_gateway.Token(moderator.Id));

        payload.GetProperty("id").GetString().Should().Be(moderator.Id);
        payload.GetProperty("networkId").GetString().Should().Be(GatewayFixture.NetworkId);
        payload.GetProperty("networkDomain").GetString().Should().Be("community.simulator.invalid");
        payload.GetProperty("role").GetString().Should().Be("moderator");
        payload.GetProperty("roleId").GetString().Should().Be("role-moderator");
        payload.GetProperty("roleType").GetString().Should().Be("moderator");
        payload.GetProperty("iat").GetInt64().Should().Be(TestClock.Instant.ToUnixTimeSeconds());
        payload.GetProperty("exp").GetInt64().Should().Be(TestClock.Instant.AddHours(1).ToUnixTimeSeconds());
    }

    [Test]
    public void LimitedToken_ForTheBot_CarriesTheAdminRole()
    {
        var payload = Payload(_gateway.Token());

        payload.EnumerateObject().Select(p => p.Name).Should().Equal("id", "networkId", "networkDomain", "role", "roleId", "roleType", "iat", "exp");
        payload.GetProperty("roleId").GetString().Should().Be("role-admin");
        payload.GetProperty("roleType").GetString().Should().Be("admin");
        payload.GetProperty("iat").GetInt64().Should().Be(TestClock.Instant.ToUnixTimeSeconds());
    }

    [TestCase("member(id: \"ffffffffffffffffffffffff\")")]
    [TestCase("member(externalId: \"nobody\")")]
    [TestCase("member(username: \"member99\")")]
    [TestCase("member")]
    public void Member_NotFound_Answers110(string field)
    {
        _gateway.Seed("jane@example.com", "Jane Doe", "42");

        GatewayAnswers.Only(_gateway.Bot("{ " + field + " { id } }"), 200, "110").Should().Be("[member] Member not found.");
    }

    [TestCase("id: $jane, externalId: \"7\", username: \"member2\"", "jane")]
    [TestCase("id: null, externalId: \"7\", username: \"member1\"", "john")]
    [TestCase("externalId: \"42\", username: \"member2\"", "jane")]
    [TestCase("externalId: null, username: \"member2\"", "john")]
    [TestCase("username: \"member1\"", "jane")]
    public void Member_ReadsIdThenExternalIdThenUsername(string arguments, string expected)
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");
        var john = _gateway.Seed("john@example.com", "John Roe", "7");

        var declared = arguments.Contains("$jane", StringComparison.Ordinal) ? "($jane: ID)" : string.Empty;

        var response = _gateway.Bot("query M" + declared + " { member(" + arguments + ") { id } }", new JsonObject { ["jane"] = jane.Id });

        GatewayFixture.Data(response).GetProperty("member").GetProperty("id").GetString().Should().Be(expected == "jane" ? jane.Id : john.Id);
    }
}
