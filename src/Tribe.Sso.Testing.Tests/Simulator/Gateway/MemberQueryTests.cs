using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary><c>member</c> and <c>members</c> over the simulator's members, with the fields the community's Node client selects.</summary>
public class MemberQueryTests
{
    private GatewayFixture _gateway = null!;

    [SetUp]
    public void SetUp() => _gateway = GatewayFixture.Create();

    [Test]
    public void Member_ById_ResolvesEveryFieldOfTheNodeClientsDefaultSelection()
    {
        var seeded = _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var member = GatewayFixture.Data(_gateway.Bot("query Member($id: ID, $username: String) { member(id: $id, username: $username) { " + GatewayFixture.MemberFields + " } }", new JsonObject { ["id"] = seeded.Id })).GetProperty("member");

        member.EnumerateObject().Select(p => p.Name).Should().Equal(GatewayFixture.MemberFields.Split(' '));
        member.GetProperty("id").GetString().Should().Be(seeded.Id);
        member.GetProperty("externalId").GetString().Should().Be("42");
        member.GetProperty("email").GetString().Should().Be("jane@example.com");
        member.GetProperty("name").GetString().Should().Be("Jane Doe");
        member.GetProperty("displayName").GetString().Should().Be("Jane Doe");
        member.GetProperty("status").GetString().Should().Be("VERIFIED");
        member.GetProperty("emailStatus").GetString().Should().Be("verified");
        member.GetProperty("username").GetString().Should().Be("member1");
        member.GetProperty("roleId").GetString().Should().Be("role-member");
        member.GetProperty("locale").GetString().Should().Be("en-US");
        member.GetProperty("createdAt").GetString().Should().Be("2026-01-01T00:00:00.000Z");
        member.GetProperty("flagged").GetBoolean().Should().BeFalse();
        member.GetProperty("teammate").GetBoolean().Should().BeFalse();
        member.GetProperty("staffReasons").GetArrayLength().Should().Be(0);
        member.GetProperty("newEmail").ValueKind.Should().Be(JsonValueKind.Null);
        member.GetProperty("relativeUrl").GetString().Should().Be("/member/" + seeded.Id);
    }

    [Test]
    public void Member_ByExternalIdOrUsername_FindsTheSameMember()
    {
        var seeded = _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var data = GatewayFixture.Data(_gateway.Bot("""{ byExternal: member(externalId: "42") { id } byUsername: member(username: "member1") { id } }"""));

        data.GetProperty("byExternal").GetProperty("id").GetString().Should().Be(seeded.Id);
        data.GetProperty("byUsername").GetProperty("id").GetString().Should().Be(seeded.Id);
    }

    [Test]
    public void Member_Unknown_Answers110_AtItsPath_WithDataNull()
    {
        var response = _gateway.Bot("""query Find { found: member(externalId: "nobody") { id } }""");

        response.StatusCode.Should().Be(200);
        var json = GatewayFixture.Json(response);
        json.GetProperty("data").ValueKind.Should().Be(JsonValueKind.Null);
        var error = json.GetProperty("errors")[0];
        error.GetProperty("code").GetString().Should().Be("110");
        error.GetProperty("message").GetString().Should().Be("Member not found.");
        error.GetProperty("path")[0].GetString().Should().Be("found");
        error.GetProperty("extensions").GetProperty("code").GetString().Should().Be("110");
    }

    [Test]
    public void Query_WithOperationNameFragmentsAliasesAndTypename_AnswersAsAGraphQLServer()
    {
        _gateway.Seed("jane@example.com", "Jane Doe", "42");
        const string Query = """
            query Other { __typename }
            query Wanted($skipEmail: Boolean!) {
              __typename
              who: member(externalId: "42") { ...Basics ... on Member { mail: email @skip(if: $skipEmail) } __typename }
            }
            fragment Basics on Member { id name externalId }
            """;

        var data = GatewayFixture.Data(_gateway.Post(Query, new JsonObject { ["skipEmail"] = false }, "Bearer " + _gateway.Token(), "Wanted"));

        data.GetProperty("__typename").GetString().Should().Be("Query");
        var who = data.GetProperty("who");
        who.EnumerateObject().Select(p => p.Name).Should().Equal("id", "name", "externalId", "mail", "__typename");
        who.GetProperty("__typename").GetString().Should().Be("Member");
        who.GetProperty("mail").GetString().Should().Be("jane@example.com");
    }

    [Test]
    public void Members_PagesWithCursorsInTheOrderMembersJoined()
    {
        var ids = Enumerable.Range(1, 5).Select(i => _gateway.Seed("m" + i + "@example.com", "Member " + i).Id).ToList();
        const string Query = "query Page($after: String) { members(limit: 2, after: $after) { totalCount edges { cursor node { id } } nodes { id } pageInfo { hasNextPage endCursor } } }";

        var seen = new System.Collections.Generic.List<string>();
        string? after = null;
        for (var page = 0; page < 3; page++)
        {
            var members = GatewayFixture.Data(_gateway.Bot(Query, new JsonObject { ["after"] = after })).GetProperty("members");
            members.GetProperty("totalCount").GetInt32().Should().Be(5);
            var edges = members.GetProperty("edges").EnumerateArray().ToList();
            seen.AddRange(edges.Select(e => e.GetProperty("node").GetProperty("id").GetString()!));
            members.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).Should().Equal(edges.Select(e => e.GetProperty("node").GetProperty("id").GetString()));
            after = members.GetProperty("pageInfo").GetProperty("endCursor").GetString();
            after.Should().Be(edges[^1].GetProperty("cursor").GetString());
            members.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().Should().Be(page < 2);
        }

        seen.Should().Equal(ids);
    }

    [Test]
    public void Members_FilterByEmailEquals_IgnoresCase_AndQuerySearchesNamesAndEmails()
    {
        var jane = _gateway.Seed("Jane@Example.com", "Jane Doe", "42");
        _gateway.Seed("john@example.com", "John Roe");
        const string Query = """
            query Find($filterBy: [MemberListFilterByInput!], $query: String) {
              members(limit: 10, filterBy: $filterBy, query: $query) { totalCount nodes { id } }
            }
            """;
        var byEmail = new JsonObject { ["filterBy"] = new JsonArray(new JsonObject { ["key"] = "email", ["operator"] = "equals", ["value"] = "jane@example.COM" }) };

        var filtered = GatewayFixture.Data(_gateway.Bot(Query, byEmail)).GetProperty("members");
        var searched = GatewayFixture.Data(_gateway.Bot(Query, new JsonObject { ["query"] = "ROE" })).GetProperty("members");
        var byMail = GatewayFixture.Data(_gateway.Bot(Query, new JsonObject { ["query"] = "example.com" })).GetProperty("members");

        filtered.GetProperty("totalCount").GetInt32().Should().Be(1);
        filtered.GetProperty("nodes")[0].GetProperty("id").GetString().Should().Be(jane.Id);
        searched.GetProperty("totalCount").GetInt32().Should().Be(1);
        byMail.GetProperty("totalCount").GetInt32().Should().Be(2);
    }

    [TestCase("members(limit: 0)", "limit must be between 1 and 100.")]
    [TestCase("members(limit: 101)", "limit must be between 1 and 100.")]
    [TestCase("members(limit: 5, offset: -1)", "offset must be 0 or more.")]
    [TestCase("members(limit: 5, after: \"bm9wZQ==\")", "The cursor is not one of this list's: use an endCursor or edge cursor from a members answer with the same filters.")]
    [TestCase("members(limit: 5, filterBy: [{key: \"password\", operator: equals, value: \"x\"}])", "filterBy key must be one of email, externalId, id, locale, name, roleId, status, tagline, username.")]
    [TestCase("members(limit: 5, filterBy: [{key: \"email\", operator: gt, value: \"x\"}])", "filterBy operator gt is not served by the simulated community; use equals, not, contains, startsWith, endsWith or hasValue.")]
    public void Members_WithArgumentsTheCommunityRefuses_Answers100(string field, string message)
    {
        var error = GatewayFixture.Error(_gateway.Bot("{ " + field + " { totalCount } }"));

        error.GetProperty("code").GetString().Should().Be("100");
        error.GetProperty("message").GetString().Should().Be(message);
    }

    [Test]
    public void Members_WithAnImpersonatedMembersToken_AreListed()
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var response = _gateway.Post("{ members(limit: 5) { totalCount } me: member { id } }", authorization: "Bearer " + _gateway.Token(jane.Id));

        GatewayFixture.Data(response).GetProperty("me").GetProperty("id").GetString().Should().Be(jane.Id);
    }
}
