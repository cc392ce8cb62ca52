using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <content>A member's answer under other roles and paths, and updateMember and deleteMember.</content>
public partial class GatewayResolverTests
{
    [Test]
    public void Member_WithoutArguments_ForAMemberWhoLeft_Answers110()
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");
        var token = _gateway.Token(jane.Id);
        _gateway.Bot(Delete, new JsonObject { ["id"] = jane.Id });

        GatewayAnswers.Only(_gateway.Post("{ member { id } }", authorization: "Bearer " + token), 200, "110").Should().Be("[member] Member not found.");
    }

    [Test]
    public void Member_OfAnAdmin_IsStaff()
    {
        _gateway.Simulator.Community.AddMember("admin@example.com", "Ada Min", "1", TribeRole.Admin);

        var member = GatewayFixture.Data(_gateway.Bot("{ member(externalId: \"1\") { roleId teammate staffReasons networkId score subscribersCount verifiedAt createdAt lastSeen externalUrl url bannerId profilePictureId } }")).GetProperty("member");

        member.GetProperty("roleId").GetString().Should().Be("role-admin");
        member.GetProperty("teammate").GetBoolean().Should().BeTrue();
        member.GetProperty("staffReasons").EnumerateArray().Select(r => r.GetString()).Should().Equal("NetworkStaffRole");
        member.GetProperty("networkId").GetString().Should().Be(GatewayFixture.NetworkId);
        member.GetProperty("score").GetInt32().Should().Be(0);
        member.GetProperty("subscribersCount").GetInt32().Should().Be(0);
        member.GetProperty("verifiedAt").GetString().Should().Be(member.GetProperty("createdAt").GetString());
        foreach (var field in new[] { "lastSeen", "externalUrl", "url", "bannerId", "profilePictureId" })
        {
            member.GetProperty(field).ValueKind.Should().Be(JsonValueKind.Null, field);
        }
    }

    [Test]
    public void Member_UnderABasePath_HasItsRelativeUrlThere()
    {
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions
        {
            BasePath = "/community-sim",
            ApiClientId = GatewayFixture.ClientId,
            ApiClientSecret = TribeApiClientSecret.FromString(GatewayFixture.ClientSecret),
        });
        var jane = simulator.Community.AddMember("jane@example.com", "Jane Doe", "42");
        var tokenBody = new JsonObject { ["query"] = GatewayFixture.LimitedTokenQuery, ["variables"] = GatewayFixture.TokenVariables("SimNetwork") }.ToJsonString();
        var token = GatewayFixture.Data(simulator.Handle("POST", "/community-sim/api/gateway", body: tokenBody, authorization: GatewayFixture.Basic())).GetProperty("limitedToken").GetProperty("accessToken").GetString();

        var response = simulator.Handle("POST", "/community-sim/api/gateway", body: "{\"query\": \"{ member(externalId: \\\"42\\\") { relativeUrl } }\"}", authorization: "Bearer " + token);

        GatewayFixture.Data(response).GetProperty("member").GetProperty("relativeUrl").GetString().Should().Be("/community-sim/member/" + jane.Id);
    }

    [Test]
    public void Members_WithAnOrderTheCommunityDoesNotServe_Answers100()
    {
        GatewayAnswers.Only(_gateway.Bot("{ members(limit: 1, orderBy: \"email\") { totalCount } }"), 200, "100").Should().Be("[members] orderBy must be createdAt, name or updatedAt.");
    }

    [Test]
    public void UpdateMember_WithTheBotsTokenAndNoId_Answers100()
    {
        var response = _gateway.Bot(Update, new JsonObject { ["input"] = new JsonObject { ["name"] = "X" } });

        GatewayAnswers.Only(response, 200, "100").Should().Be("[updateMember] updateMember needs an id with the app's bot token: the bot is not a member.");
    }

    [Test]
    public void UpdateMember_OfAnotherMember_WithAMembersToken_Answers102_AndChangesNothing()
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");
        var john = _gateway.Seed("john@example.com", "John Roe", "7");

        var response = _gateway.Post(Update, new JsonObject { ["id"] = john.Id, ["input"] = new JsonObject { ["name"] = "Hijacked" } }, "Bearer " + _gateway.Token(jane.Id));

        GatewayAnswers.Only(response, 200, "102").Should().Be("[updateMember] Permission denied: a member's token changes only that member; use the app's bot token.");
        _gateway.Simulator.Community.FindByExternalId("7")!.Name.Should().Be("John Roe");
    }

    [Test]
    public void UpdateMember_OfThemselvesByTheirId_WithAMembersToken_Changes()
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var response = _gateway.Post(Update, new JsonObject { ["id"] = jane.Id, ["input"] = new JsonObject { ["name"] = "Jane D." } }, "Bearer " + _gateway.Token(jane.Id));

        GatewayFixture.Data(response).GetProperty("updateMember").GetProperty("name").GetString().Should().Be("Jane D.");
    }

    [Test]
    public void UpdateMember_OfAnUnknownMember_Answers110_WithTheMessage()
    {
        var response = _gateway.Bot(Update, new JsonObject { ["id"] = "ffffffffffffffffffffffff", ["input"] = new JsonObject { ["name"] = "X" } });

        GatewayAnswers.Only(response, 200, "110").Should().Be("[updateMember] Member not found: no member has this id.");
    }

    [TestCase(true)]
    [TestCase(false)]
    public void UpdateMember_ToARoleTheCommunityHasNot_Answers100_WhoeverAsks(bool bot)
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var response = _gateway.Post(Update, new JsonObject { ["id"] = jane.Id, ["input"] = new JsonObject { ["roleId"] = "role-owner" } }, "Bearer " + _gateway.Token(bot ? null : jane.Id));

        GatewayAnswers.Only(response, 200, "100").Should().Be("[updateMember] roleId must be one of the community's roles: role-admin, role-moderator or role-member.");
    }

    [Test]
    public void UpdateMember_OfTheirOwnRole_WithAMembersToken_Answers102_AndChangesNothing()
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var response = _gateway.Post(Update, new JsonObject { ["input"] = new JsonObject { ["roleId"] = "role-admin", ["name"] = "Boss" } }, "Bearer " + _gateway.Token(jane.Id));

        GatewayAnswers.Only(response, 200, "102").Should().Be("[updateMember] Permission denied: only the app's bot token changes roles.");
        _gateway.Simulator.Community.FindByExternalId("42")!.Name.Should().Be("Jane Doe");
        _gateway.Simulator.Community.FindByExternalId("42")!.Role.Should().Be(TribeRole.Member);
    }

    [TestCase("role-admin", true, "NetworkStaffRole")]
    [TestCase("role-moderator", true, "NetworkStaffRole")]
    [TestCase("role-member", false, null)]
    public void UpdateMember_OfARole_WithTheBotsToken_ChangesIt(string roleId, bool teammate, string? staffReason)
    {
        var jane = _gateway.Simulator.Community.AddMember("jane@example.com", "Jane Doe", "42", roleId == "role-member" ? TribeRole.Admin : TribeRole.Member);

        var member = GatewayFixture.Data(_gateway.Bot(Update, new JsonObject { ["id"] = jane.Id, ["input"] = new JsonObject { ["roleId"] = roleId } })).GetProperty("updateMember");

        member.GetProperty("roleId").GetString().Should().Be(roleId);
        member.GetProperty("teammate").GetBoolean().Should().Be(teammate);
        member.GetProperty("staffReasons").EnumerateArray().Select(r => r.GetString()).Should().Equal(staffReason is null ? Array.Empty<string>() : new[] { staffReason });
    }

    [TestCase("{\"displayName\": \"Jay\"}", "Jay")]
    [TestCase("{\"displayName\": \"Jay\", \"name\": \"Jane N.\"}", "Jane N.")]
    [TestCase("{\"username\": \"jd\"}", "Jane Doe")]
    public void UpdateMember_Name_IsNameOrElseDisplayName(string input, string name)
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var member = GatewayFixture.Data(_gateway.Bot(Update, new JsonObject { ["id"] = jane.Id, ["input"] = JsonNode.Parse(input) })).GetProperty("updateMember");

        member.GetProperty("name").GetString().Should().Be(name);
    }

    [Test]
    public void UpdateMember_WithExternalIdNull_ClearsIt()
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var member = GatewayFixture.Data(_gateway.Bot(Update, new JsonObject { ["id"] = jane.Id, ["input"] = new JsonObject { ["externalId"] = null } })).GetProperty("updateMember");

        member.GetProperty("externalId").ValueKind.Should().Be(JsonValueKind.Null);
        _gateway.Simulator.Community.FindByExternalId("42").Should().BeNull();
    }

    [Test]
    public void UpdateMember_OfLocaleAndTagline_KeepsTheRest()
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var member = GatewayFixture.Data(_gateway.Bot(Update, new JsonObject { ["id"] = jane.Id, ["input"] = new JsonObject { ["locale"] = "fr-FR", ["tagline"] = "Gardener" } })).GetProperty("updateMember");

        member.GetProperty("locale").GetString().Should().Be("fr-FR");
        member.GetProperty("tagline").GetString().Should().Be("Gardener");
        member.GetProperty("name").GetString().Should().Be("Jane Doe");
        member.GetProperty("externalId").GetString().Should().Be("42");
    }

    [TestCase("email", "not-an-email")]
    [TestCase("name", "")]
    [TestCase("externalId", "")]
    [TestCase("locale", "not a locale")]
    [TestCase("tagline", "\u0001")]
    public void UpdateMember_WithAValueTheSdkRefuses_Answers100_WithTheSdksMessage(string field, string value)
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");
        var sdk = FluentActions.Invoking(() => TribeSsoUser.Create(field == "externalId" ? value : "42", field == "name" ? value : "Jane", field == "email" ? value : "jane@example.com")
                .WithLocale(field == "locale" ? value : "en-US").WithTagline(field == "tagline" ? value : "x").Build())
            .Should().Throw<TribeSsoClaimException>().Which.Message;

        var response = _gateway.Bot(Update, new JsonObject { ["id"] = jane.Id, ["input"] = new JsonObject { [field] = value } });

        GatewayAnswers.Only(response, 200, "100").Should().Be("[updateMember] " + sdk);
        _gateway.Simulator.Community.FindByExternalId("42")!.Email.Should().Be("jane@example.com");
    }

    [Test]
    public void DeleteMember_WithAMembersToken_Answers102_WithTheMessage()
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var response = _gateway.Post(Delete, new JsonObject { ["id"] = jane.Id }, "Bearer " + _gateway.Token(jane.Id));

        GatewayAnswers.Only(response, 200, "102").Should().Be("[deleteMember] Permission denied: deleting a member needs the app's bot token (limitedToken without impersonateMemberId).");
    }

    [Test]
    public void DeleteMember_OfAnUnknownMember_Answers110_WithTheMessage()
    {
        GatewayAnswers.Only(_gateway.Bot(Delete, new JsonObject { ["id"] = "ffffffffffffffffffffffff" }), 200, "110").Should().Be("[deleteMember] Member not found: no member has this id.");
    }

    private static JsonElement Payload(string token) => JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1])).RootElement;
}
