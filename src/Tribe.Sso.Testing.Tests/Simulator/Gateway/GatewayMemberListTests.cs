using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary>
/// <c>members(...)</c> at the edges: each order, <c>reverse</c>, each filter key and operator, <c>roleIds</c> and
/// <c>status</c>, the page limits and the cursors on both sides, and what a page says about the next one.
/// </summary>
public partial class GatewayMemberListTests
{
    private const string Page = """
        query Page($limit: Int!, $offset: Int, $after: String, $before: String, $orderBy: String, $reverse: Boolean, $query: String, $filterBy: [MemberListFilterByInput!], $roleIds: [ID!], $status: [MemberStatusInput!]) {
          members(limit: $limit, offset: $offset, after: $after, before: $before, orderBy: $orderBy, reverse: $reverse, query: $query, filterBy: $filterBy, roleIds: $roleIds, status: $status) {
            totalCount nodes { name } edges { cursor node { id } } pageInfo { endCursor hasNextPage }
          }
        }
        """;

    private GatewayFixture _gateway = null!;
    private List<TribeCommunityMember> _members = null!;

    [SetUp]
    public void SetUp()
    {
        _gateway = GatewayFixture.Create();
        _members = new List<TribeCommunityMember>
        {
            _gateway.Seed("carol@example.com", "carol", "C-1"),
            _gateway.Seed("Alice@Example.org", "Alice", "a-2"),
            _gateway.Simulator.Community.AddMember("bob@example.com", "Bob", null, TribeRole.Admin),
            _gateway.Simulator.Community.AddMember("dave@example.net", "Dave", "D-4", TribeRole.Moderator),
        };
    }

    [TestCase(null, false, "carol", "Alice", "Bob", "Dave")]
    [TestCase("createdAt", false, "carol", "Alice", "Bob", "Dave")]
    [TestCase("createdAt", true, "Dave", "Bob", "Alice", "carol")]
    [TestCase("name", false, "Alice", "Bob", "carol", "Dave")]
    [TestCase("name", true, "Dave", "carol", "Bob", "Alice")]
    public void Members_AreOrderedAsAsked(string? orderBy, bool reverse, params string[] names)
    {
        Names(new JsonObject { ["orderBy"] = orderBy, ["reverse"] = reverse }).Should().Equal(names);
    }

    [Test]
    public void Members_ByUpdatedAt_PutTheLastChangedLast()
    {
        _gateway.Clock.Advance(TimeSpan.FromMinutes(1));
        _gateway.Bot("mutation U($id: ID) { updateMember(id: $id, input: {tagline: \"Hi\"}) { id } }", new JsonObject { ["id"] = _members[0].Id });

        Names(new JsonObject { ["orderBy"] = "updatedAt" }).Should().Equal("Alice", "Bob", "Dave", "carol");
    }

    [TestCase("", 4)]
    [TestCase("EXAMPLE.COM", 2)]
    [TestCase("ali", 1)]
    [TestCase("nobody", 0)]
    public void Members_Query_SearchesNamesAndEmailsIgnoringCase(string query, int count)
    {
        List(new JsonObject { ["query"] = query }).GetProperty("totalCount").GetInt32().Should().Be(count);
    }

    [TestCase("id", "equals", "", "carol")]
    [TestCase("email", "equals", "alice@example.ORG", "Alice")]
    [TestCase("email", "not", "ALICE@example.org", "carol", "Bob", "Dave")]
    [TestCase("email", "contains", "@EXAMPLE.com", "carol", "Bob")]
    [TestCase("email", "startsWith", "D", "Dave")]
    [TestCase("email", "endsWith", ".NET", "Dave")]
    [TestCase("externalId", "equals", "c-1")]
    [TestCase("externalId", "equals", "C-1", "carol")]
    [TestCase("externalId", "startsWith", "a", "Alice")]
    [TestCase("externalId", "startsWith", "A")]
    [TestCase("externalId", "contains", "-", "carol", "Alice", "Dave")]
    [TestCase("externalId", "endsWith", "4", "Dave")]
    [TestCase("externalId", "not", "C-1", "Alice", "Bob", "Dave")]
    [TestCase("externalId", "hasValue", "true", "carol", "Alice", "Dave")]
    [TestCase("externalId", "hasValue", "FALSE", "Bob")]
    [TestCase("name", "equals", "CAROL", "carol")]
    [TestCase("locale", "equals", "en-us", "carol", "Alice", "Bob", "Dave")]
    [TestCase("roleId", "equals", "role-admin", "Bob")]
    [TestCase("status", "equals", "verified", "carol", "Alice", "Bob", "Dave")]
    [TestCase("tagline", "hasValue", "true")]
    [TestCase("tagline", "contains", "")]
    [TestCase("tagline", "startsWith", "")]
    [TestCase("tagline", "endsWith", "")]
    [TestCase("tagline", "not", "x", "carol", "Alice", "Bob", "Dave")]
    [TestCase("username", "equals", "member2", "Alice")]
    public void Members_FilterBy_EachKeyAndOperator(string key, string op, string value, params string[] names)
    {
        // "id equals" compares the seeded id of the first member, exactly.
        value = key == "id" ? _members[0].Id : value;

        Names(new JsonObject { ["filterBy"] = new JsonArray(new JsonObject { ["key"] = key, ["operator"] = op, ["value"] = value }) }).Should().Equal(names);
    }

    [Test]
    public void Members_FilterBy_IdComparesExactly()
    {
        var tenth = Enumerable.Range(0, 6).Select(i => _gateway.Seed("m" + i + "@example.com", "Member " + i)).ToList()[^1];
        var filter = (string value) => new JsonObject { ["filterBy"] = new JsonArray(new JsonObject { ["key"] = "id", ["operator"] = "equals", ["value"] = value }) };

        tenth.Id.Should().EndWith("a");
        Names(filter(tenth.Id)).Should().Equal("Member 5");
        Names(filter(tenth.Id.ToUpperInvariant())).Should().BeEmpty();
    }

    [Test]
    public void Members_FilterBy_SeveralFilters_AllApply()
    {
        var filters = new JsonArray(
            new JsonObject { ["key"] = "email", ["operator"] = "contains", ["value"] = "example.com" },
            new JsonObject { ["key"] = "name", ["operator"] = "startsWith", ["value"] = "b" });

        Names(new JsonObject { ["filterBy"] = filters }).Should().Equal("Bob");
    }

    [TestCase("role-admin", "Bob")]
    [TestCase("role-moderator,role-member", "carol", "Alice", "Dave")]
    [TestCase("role-owner")]
    public void Members_RoleIds_KeepThoseRoles(string roleIds, params string[] names)
    {
        Names(new JsonObject { ["roleIds"] = new JsonArray(roleIds.Split(',').Select(r => (JsonNode)r).ToArray()) }).Should().Equal(names);
    }

    [TestCase("VERIFIED", 4)]
    [TestCase("BLOCKED", 0)]
    public void Members_Status_AllAreVerified(string status, int count)
    {
        List(new JsonObject { ["status"] = new JsonArray(status) }).GetProperty("totalCount").GetInt32().Should().Be(count);
    }

    [Test]
    public void Members_Status_EmptyList_KeepsNone()
    {
        List(new JsonObject { ["status"] = new JsonArray() }).GetProperty("totalCount").GetInt32().Should().Be(0);
    }

    [TestCase(1, 0, "carol")]
    [TestCase(2, 1, "Alice", "Bob")]
    [TestCase(10, 3, "Dave")]
    [TestCase(10, 4)]
    [TestCase(10, 40)]
    public void Members_LimitAndOffset_CutThePage(int limit, int offset, params string[] names)
    {
        var members = List(new JsonObject { ["limit"] = limit, ["offset"] = offset });

        members.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).Should().Equal(names);
        members.GetProperty("totalCount").GetInt32().Should().Be(4);
        members.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().Should().Be(offset + names.Length < 4);
        var endCursor = members.GetProperty("pageInfo").GetProperty("endCursor");
        if (names.Length == 0)
        {
            endCursor.ValueKind.Should().Be(JsonValueKind.Null);
        }
        else
        {
            endCursor.GetString().Should().Be(Cursor(_members[offset + names.Length - 1]));
        }
    }

    [Test]
    public void Members_Cursor_IsTheMembersIdInBase64()
    {
        var edges = List(new JsonObject { ["limit"] = 4 }).GetProperty("edges").EnumerateArray().ToList();

        edges.Select(e => e.GetProperty("cursor").GetString()).Should().Equal(_members.Select(Cursor));
        edges.Select(e => e.GetProperty("node").GetProperty("id").GetString()).Should().Equal(_members.Select(m => m.Id));
    }

    [TestCase(0, -1, 0, "Alice", "Bob", "Dave")]
    [TestCase(0, -1, 1, "Bob", "Dave")]
    [TestCase(-1, 2, 0, "carol", "Alice")]
    [TestCase(-1, 0, 0)]
    [TestCase(0, 3, 0, "Alice", "Bob")]
    [TestCase(0, 3, 1, "Bob")]
    [TestCase(0, 3, 5)]
    [TestCase(2, 1, 0)]
    [TestCase(3, -1, 0)]
    public void Members_AfterAndBefore_BoundThePage(int after, int before, int offset, params string[] names)
    {
        var members = List(new JsonObject
        {
            ["after"] = after < 0 ? null : Cursor(_members[after]),
            ["before"] = before < 0 ? null : Cursor(_members[before]),
            ["offset"] = offset,
        });

        members.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).Should().Equal(names);
        members.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().Should().BeFalse();
        members.GetProperty("totalCount").GetInt32().Should().Be(4);
    }

    [Test]
    public void Members_BeforeACursor_SaysThereIsMoreUpToIt()
    {
        var members = List(new JsonObject { ["limit"] = 1, ["before"] = Cursor(_members[3]) });

        members.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).Should().Equal("carol");
        members.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().Should().BeTrue();
    }

    [TestCase("bm9wZQ==")]
    [TestCase("not base64!")]
    [TestCase("bWVtYmVyOg==")]
    [TestCase("")]
    public void Members_WithACursorNotOfThisList_Answers100(string cursor)
    {
        var response = _gateway.Bot(Page, new JsonObject { ["limit"] = 1, ["before"] = cursor });

        GatewayAnswers.Only(response, 200, "100").Should().Be("[members] The cursor is not one of this list's: use an endCursor or edge cursor from a members answer with the same filters.");
    }

    [Test]
    public void Members_WithTheCursorOfAMemberFilteredOut_Answers100()
    {
        var response = _gateway.Bot(Page, new JsonObject { ["limit"] = 1, ["query"] = "carol", ["after"] = Cursor(_members[1]) });

        GatewayAnswers.Only(response, 200, "100").Should().Be("[members] The cursor is not one of this list's: use an endCursor or edge cursor from a members answer with the same filters.");
    }

    [TestCase(1, true)]
    [TestCase(100, true)]
    [TestCase(0, false)]
    [TestCase(101, false)]
    [TestCase(-1, false)]
    public void Members_Limit_IsFrom1To100(int limit, bool served)
    {
        for (var i = 0; i < 97; i++)
        {
            _gateway.Seed("m" + i + "@example.com", "Member " + i);
        }

        var response = _gateway.Bot(Page, new JsonObject { ["limit"] = limit });

        if (served)
        {
            var members = GatewayFixture.Data(response).GetProperty("members");
            members.GetProperty("nodes").GetArrayLength().Should().Be(limit);
            members.GetProperty("totalCount").GetInt32().Should().Be(101);
            members.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean().Should().BeTrue();
        }
        else
        {
            GatewayAnswers.Only(response, 200, "100").Should().Be("[members] limit must be between 1 and 100.");
        }
    }

    [TestCase(0, 4)]
    [TestCase(-1, 0)]
    public void Members_Offset_IsZeroOrMore(int offset, int count)
    {
        var response = _gateway.Bot(Page, new JsonObject { ["limit"] = 10, ["offset"] = offset });

        if (count > 0)
        {
            GatewayFixture.Data(response).GetProperty("members").GetProperty("nodes").GetArrayLength().Should().Be(count);
        }
        else
        {
            GatewayAnswers.Only(response, 200, "100").Should().Be("[members] offset must be 0 or more.");
        }
    }

    private static string Cursor(TribeCommunityMember member) => Convert.ToBase64String(Encoding.UTF8.GetBytes("member:" + member.Id));

    private JsonElement List(JsonObject variables)
    {
        variables["limit"] ??= 10;
        return GatewayFixture.Data(_gateway.Bot(Page, variables)).GetProperty("members");
    }

    private List<string?> Names(JsonObject variables) => List(variables).GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).ToList();
}
