using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary>
/// Running a valid operation: root fields one after another, each field's error at its path with <c>data</c> null,
/// arguments coerced from literals and variables, and the written answer honouring aliases, merged fields, fragments and
/// <c>@skip</c>/<c>@include</c>.
/// </summary>
public class GatewayExecutionTests
{
    private GatewayFixture _gateway = null!;

    [SetUp]
    public void SetUp() => _gateway = GatewayFixture.Create();

    [Test]
    public void RootFields_EachFailing_GiveAnErrorEach_AtTheirPaths()
    {
        var response = _gateway.Bot("{ a: member(id: \"x\") { id } ok: __typename b: member(externalId: \"y\") { id } }");

        GatewayAnswers.Refusal(response, 200, "110").Should().Equal("[a] Member not found.", "[b] Member not found.");
    }

    [Test]
    public void Mutation_RunsItsFieldsInOrder_AndALaterFieldsErrorLeavesTheEarlierChangeMade()
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var response = _gateway.Bot("mutation M($id: ID!) { renamed: updateMember(id: $id, input: {name: \"Jane R.\"}) { name } gone: deleteMember(id: \"nobody\") { status } again: deleteMember(id: $id) { status } }", new JsonObject { ["id"] = jane.Id });

        GatewayAnswers.Only(response, 200, "110").Should().Be("[gone] Member not found: no member has this id.");
        _gateway.Simulator.Community.FindByEmail("jane@example.com").Should().BeNull("the third field ran after the second failed");
    }

    [Test]
    public void Mutation_Typename_IsMutation()
    {
        GatewayFixture.Data(_gateway.Bot("mutation { __typename }")).GetProperty("__typename").GetString().Should().Be("Mutation");
    }

    [Test]
    public void Variable_NullForANullableVariableWithADefault_UsedWhereNullIsRefused_IsAnErrorAtThePath()
    {
        var response = _gateway.Bot("query Q($n: Int = 5) { members(limit: $n) { totalCount } }", new JsonObject { ["n"] = null });

        GatewayAnswers.Only(response, 200, "BAD_USER_INPUT").Should().Be("[members] Argument \"limit\" got null for non-null type \"Int!\".");
    }

    [Test]
    public void Variable_NullInAListOfNonNullItems_IsAnErrorAtThePath()
    {
        var response = _gateway.Bot("query Q($r: ID = \"role-admin\") { members(limit: 1, roleIds: [$r]) { totalCount } }", new JsonObject { ["r"] = null });

        GatewayAnswers.Only(response, 200, "BAD_USER_INPUT").Should().Be("[members] Argument \"roleIds\" got null for non-null type \"ID!\".");
    }

    [Test]
    public void Variable_WithADefault_NotGiven_TakesTheDefault()
    {
        for (var i = 0; i < 3; i++)
        {
            _gateway.Seed("m" + i + "@example.com", "Member " + i);
        }

        var members = GatewayFixture.Data(_gateway.Bot("query Q($n: Int = 2, $o: Int) { members(limit: $n, offset: $o) { nodes { name } } }")).GetProperty("members");

        members.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).Should().Equal("Member 0", "Member 1");
    }

    [Test]
    public void InputField_FromAVariableNotGiven_IsLeftOut()
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var member = GatewayFixture.Data(_gateway.Bot("mutation U($id: ID, $tagline: String) { updateMember(id: $id, input: {name: \"Jane R.\", tagline: $tagline}) { name tagline externalId } }", new JsonObject { ["id"] = jane.Id }))
            .GetProperty("updateMember");

        member.GetProperty("name").GetString().Should().Be("Jane R.");
        member.GetProperty("tagline").ValueKind.Should().Be(JsonValueKind.Null);
        member.GetProperty("externalId").GetString().Should().Be("42");
    }

    [TestCase("\\uD800")]
    [TestCase("a\\uDE00")]
    [TestCase("\\uD83Dz")]
    public void StringLiteral_WithALoneSurrogate_IsAnErrorAtThePath(string escaped)
    {
        var response = _gateway.Bot("{ members(limit: 1, query: \"" + escaped + "\") { totalCount } }");

        GatewayAnswers.Only(response, 200, "BAD_USER_INPUT").Should().Be("[members] Argument \"query\" holds a lone UTF-16 surrogate; send text that is valid Unicode.");
    }

    [Test]
    public void Id_AsAnIntLiteral_IsAnId()
    {
        GatewayAnswers.Only(_gateway.Bot("{ member(id: 1) { id } }"), 200, "110").Should().Be("[member] Member not found.");
    }

    [Test]
    public void FieldsMergedAcrossThreeOccurrences_ThatConflictOnlyBetweenTheLastTwo_AreRefusedByTheValidatorWhereTheyStand()
    {
        var response = _gateway.Bot("{ a: members(limit: 1) { totalCount } a: members(limit: 1) { x: totalCount } a: members(limit: 1) { x: pageInfo { hasNextPage } } }");

        GatewayAnswers.Only(response, 400, "GRAPHQL_VALIDATION_FAILED")
            .Should().Be("1:39,1:62,1:78,1:101 Fields \"a\" conflict because subfields \"x\" conflict because \"totalCount\" and \"pageInfo\" are different fields. Use different aliases on the fields to fetch both if this was intentional.");
    }

    [Test]
    public void SameField_SelectedTwice_IsWrittenOnce_WithBothSelections()
    {
        _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var data = GatewayFixture.Data(_gateway.Bot("{ members(limit: 1) { n: nodes { id name } n: nodes { email name } ...F } } fragment F on PaginatedMember { n: nodes { externalId } }"));

        data.GetProperty("members").EnumerateObject().Select(p => p.Name).Should().Equal("n");
        data.GetProperty("members").GetProperty("n")[0].EnumerateObject().Select(p => p.Name).Should().Equal("id", "name", "email", "externalId");
    }

    [Test]
    public void RootField_SelectedTwiceUnderOneKey_IsWrittenWithBothSelections()
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var data = GatewayFixture.Data(_gateway.Bot("{ m: member(id: \"" + jane.Id + "\") { id } m: member(id: \"" + jane.Id + "\") { email } ...F } fragment F on Query { m: member(id: \"" + jane.Id + "\") { id externalId } }"));

        data.EnumerateObject().Select(p => p.Name).Should().Equal("m");
        data.GetProperty("m").EnumerateObject().Select(p => p.Name + "=" + p.Value.GetString()).Should().Equal("id=" + jane.Id, "email=jane@example.com", "externalId=42");
    }

    [TestCase("@skip(if: true)", false)]
    [TestCase("@skip(if: false)", true)]
    [TestCase("@include(if: true)", true)]
    [TestCase("@include(if: false)", false)]
    [TestCase("@skip(if: false) @include(if: true)", true)]
    [TestCase("@skip(if: true) @include(if: true)", false)]
    [TestCase("@skip(if: false) @include(if: false)", false)]
    [TestCase("@skip(if: $yes)", false)]
    [TestCase("@skip(if: $no)", true)]
    [TestCase("@include(if: $yes)", true)]
    [TestCase("@include(if: $no)", false)]
    [TestCase("@include(if: $defaulted)", true)]
    public void Directives_DecideWhetherAFieldIsWritten(string directives, bool written)
    {
        var query = "query Q($yes: Boolean!, $no: Boolean!, $defaulted: Boolean = true) { a: __typename " + directives + " b: __typename ...F @skip(if: $no) ... @include(if: $yes) { c: __typename } } fragment F on Query { f: __typename }";
        var variables = new JsonObject { ["yes"] = true, ["no"] = false };
        foreach (var name in new[] { "yes", "no", "defaulted" }.Where(n => !directives.Contains("$" + n, System.StringComparison.Ordinal) && n != "yes" && n != "no"))
        {
            query = query.Replace(", $" + name + ": Boolean = true", string.Empty, System.StringComparison.Ordinal);
        }

        var data = GatewayFixture.Data(_gateway.Post(query, variables));

        data.EnumerateObject().Select(p => p.Name).Should().Equal(written ? new[] { "a", "b", "f", "c" } : new[] { "b", "f", "c" });
    }

    [Test]
    public void Fragments_OnEachType_AndTypenameAtEachLevel_AreWritten()
    {
        _gateway.Seed("jane@example.com", "Jane Doe", "42");
        const string Query = """
            {
              members(limit: 1) {
                __typename
                ... on PaginatedMember { totalCount }
                edges { __typename ...E }
                pageInfo { __typename ... { hasNextPage } }
              }
            }
            fragment E on MemberEdge { node { __typename ... on Member { name } } }
            """;

        var members = GatewayFixture.Data(_gateway.Bot(Query)).GetProperty("members");

        members.ToString().Should().Be("""{"__typename":"PaginatedMember","totalCount":1,"edges":[{"__typename":"MemberEdge","node":{"__typename":"Member","name":"Jane Doe"}}],"pageInfo":{"__typename":"PageInfo","hasNextPage":false}}""");
    }

    [Test]
    public void DeleteMember_Answers_Succeeded()
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var data = GatewayFixture.Data(_gateway.Bot("mutation { deleteMember(id: \"" + jane.Id + "\") { __typename status } }"));

        data.ToString().Should().Be("""{"deleteMember":{"__typename":"Action","status":"succeeded"}}""");
    }

    [Test]
    public void Times_AreWrittenInUtcWithMilliseconds()
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");
        _gateway.Clock.Advance(System.TimeSpan.FromMilliseconds(1500));

        var member = GatewayFixture.Data(_gateway.Bot("mutation { updateMember(id: \"" + jane.Id + "\", input: {tagline: \"Hi\"}) { createdAt updatedAt } }")).GetProperty("updateMember");

        member.GetProperty("createdAt").GetString().Should().Be("2026-01-01T00:00:00.000Z");
        member.GetProperty("updatedAt").GetString().Should().Be("2026-01-01T00:00:01.500Z");
    }
}
