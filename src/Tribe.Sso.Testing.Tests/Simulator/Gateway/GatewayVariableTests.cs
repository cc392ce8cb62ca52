using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary>
/// Variables from the request's JSON against their declared types: each refusal with its exact message (HTTP 400, code
/// BAD_USER_INPUT, data null), and the coercions GraphQL allows (one value for a list, any whole number for an ID).
/// </summary>
public class GatewayVariableTests
{
    private const string Query = """
        query Q($limit: Int!, $id: ID, $query: String, $reverse: Boolean, $filterBy: [MemberListFilterByInput!], $roleIds: [ID!], $status: [MemberStatusInput!]) {
          members(limit: $limit, query: $query, reverse: $reverse, filterBy: $filterBy, roleIds: $roleIds, status: $status) { totalCount }
          member(id: $id) { id }
        }
        """;

    private GatewayFixture _gateway = null!;

    [SetUp]
    public void SetUp() => _gateway = GatewayFixture.Create();

    [TestCase("{\"limit\": 2147483648}", "Variable \"$limit\" got a value that is not a valid \"Int\".")]
    [TestCase("{\"limit\": 1.5}", "Variable \"$limit\" got a value that is not a valid \"Int\".")]
    [TestCase("{\"limit\": \"1\"}", "Variable \"$limit\" got a value that is not a valid \"Int\".")]
    [TestCase("{\"limit\": [1]}", "Variable \"$limit\" got a value that is not a valid \"Int\".")]
    [TestCase("{\"limit\": 1, \"id\": 1.5}", "Variable \"$id\" got a value that is not a valid \"ID\".")]
    [TestCase("{\"limit\": 1, \"id\": true}", "Variable \"$id\" got a value that is not a valid \"ID\".")]
    [TestCase("{\"limit\": 1, \"id\": {}}", "Variable \"$id\" got a value that is not a valid \"ID\".")]
    [TestCase("{\"limit\": 1, \"query\": 7}", "Variable \"$query\" got a value that is not a valid \"String\".")]
    [TestCase("{\"limit\": 1, \"query\": \"\\udc00\"}", "Variable \"$query\" holds a lone UTF-16 surrogate; send text that is valid Unicode.")]
    [TestCase("{\"limit\": 1, \"id\": \"a\\ud83d\"}", "Variable \"$id\" holds a lone UTF-16 surrogate; send text that is valid Unicode.")]
    [TestCase("{\"limit\": 1, \"reverse\": \"true\"}", "Variable \"$reverse\" got a value that is not a valid \"Boolean\".")]
    [TestCase("{\"limit\": 1, \"reverse\": 1}", "Variable \"$reverse\" got a value that is not a valid \"Boolean\".")]
    [TestCase("{\"limit\": 1, \"status\": [\"verified\"]}", "Variable \"$status\" got a value that is not a valid \"MemberStatusInput\".")]
    [TestCase("{\"limit\": 1, \"status\": [\"VERIFIED\", null]}", "Variable \"$status\" got null for non-null type \"MemberStatusInput!\".")]
    [TestCase("{\"limit\": 1, \"roleIds\": [null]}", "Variable \"$roleIds\" got null for non-null type \"ID!\".")]
    [TestCase("{\"limit\": 1, \"filterBy\": [\"email\"]}", "Variable \"$filterBy\" expected an object of type \"MemberListFilterByInput\".")]
    [TestCase("{\"limit\": 1, \"filterBy\": {\"key\": \"email\", \"operator\": \"equals\", \"value\": \"x\", \"nope\": 1}}", "Variable \"$filterBy\" got a field \"nope\" that is not defined by type \"MemberListFilterByInput\".")]
    [TestCase("{\"limit\": 1, \"filterBy\": {\"key\": \"email\", \"operator\": \"equals\", \"value\": \"x\", \"a-b\": 1}}", "Variable \"$filterBy\" got a field \"…\" that is not defined by type \"MemberListFilterByInput\".")]
    [TestCase("{\"limit\": 1, \"filterBy\": {\"key\": \"email\", \"operator\": \"equals\", \"value\": \"x\", \"\": 1}}", "Variable \"$filterBy\" got a field \"…\" that is not defined by type \"MemberListFilterByInput\".")]
    [TestCase("{\"limit\": 1, \"filterBy\": {\"key\": \"email\", \"operator\": \"equals\", \"value\": \"x\", \"Key_9\": 1}}", "Variable \"$filterBy\" got a field \"Key_9\" that is not defined by type \"MemberListFilterByInput\".")]
    [TestCase("{\"limit\": 1, \"filterBy\": {\"key\": \"email\", \"operator\": \"equals\", \"value\": \"x\", \"zZ\": 1}}", "Variable \"$filterBy\" got a field \"zZ\" that is not defined by type \"MemberListFilterByInput\".")]
    [TestCase("{\"limit\": 1, \"filterBy\": {\"key\": \"email\", \"operator\": \"equals\", \"value\": \"x\", \"é\": 1}}", "Variable \"$filterBy\" got a field \"…\" that is not defined by type \"MemberListFilterByInput\".")]
    [TestCase("{\"limit\": 1, \"filterBy\": {\"key\": \"email\", \"operator\": \"equals\", \"value\": \"x\", \"a b\": 1}}", "Variable \"$filterBy\" got a field \"…\" that is not defined by type \"MemberListFilterByInput\".")]
    [TestCase("{\"limit\": 1, \"filterBy\": {\"operator\": \"equals\", \"value\": \"x\"}}", "Variable \"$filterBy\" is missing the field \"key\" of required type \"String!\".")]
    [TestCase("{\"limit\": 1, \"filterBy\": {\"key\": \"email\", \"operator\": \"equals\", \"value\": null}}", "Variable \"$filterBy\" got null for non-null type \"String!\".")]
    [TestCase("{\"limit\": 1, \"filterBy\": {\"key\": \"email\", \"operator\": \"equals\", \"value\": \"x\", \"A\": 1}}", "Variable \"$filterBy\" got a field \"A\" that is not defined by type \"MemberListFilterByInput\".")]
    [TestCase("{\"limit\": 1, \"filterBy\": {\"key\": \"email\", \"operator\": \"equals\", \"value\": \"x\", \"a0\": 1}}", "Variable \"$filterBy\" got a field \"a0\" that is not defined by type \"MemberListFilterByInput\".")]
    public void Variable_ThatDoesNotFitItsType_IsRefused(string variables, string message)
    {
        GatewayAnswers.Only(Post(variables), 400, "BAD_USER_INPUT").Should().Be("- " + message);
    }

    [TestCase(64, true)]
    [TestCase(65, false)]
    public void InputFieldName_IsShownOnlyUpTo64NameCharacters(int length, bool shown)
    {
        var name = new string('a', length);

        var response = Post("{\"limit\": 1, \"filterBy\": {\"key\": \"email\", \"operator\": \"equals\", \"value\": \"x\", \"" + name + "\": 1}}");

        GatewayAnswers.Only(response, 400, "BAD_USER_INPUT").Should().Be("- Variable \"$filterBy\" got a field \"" + (shown ? name : "…") + "\" that is not defined by type \"MemberListFilterByInput\".");
    }

    [TestCase("{\"limit\": 1, \"id\": 1099511627776}")]
    [TestCase("{\"limit\": 1, \"id\": 1e3}")]
    [TestCase("{\"limit\": 1, \"id\": -5}")]
    [TestCase("{\"limit\": 1, \"id\": \"x\"}")]
    public void Id_TakesAnyWholeNumberOrString(string variables)
    {
        GatewayAnswers.Only(Post(variables), 200, "110").Should().Be("[member] Member not found.");
    }

    [Test]
    public void OneValue_ForAListVariable_IsAListOfOne()
    {
        _gateway.Simulator.Community.AddMember("admin@example.com", "Ada Min", "1", TribeRole.Admin);
        _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var response = _gateway.Bot("query Q($roleIds: [ID!], $filterBy: [MemberListFilterByInput!]) { a: members(limit: 5, roleIds: $roleIds) { totalCount } b: members(limit: 5, filterBy: $filterBy) { totalCount } }", new JsonObject
        {
            ["roleIds"] = "role-admin",
            ["filterBy"] = new JsonObject { ["key"] = "externalId", ["operator"] = "equals", ["value"] = "42" },
        });

        var data = GatewayFixture.Data(response);
        data.GetProperty("a").GetProperty("totalCount").GetInt32().Should().Be(1);
        data.GetProperty("b").GetProperty("totalCount").GetInt32().Should().Be(1);
    }

    /// <summary>One literal for a list argument is a list of that one value, as for a variable.</summary>
    [Test]
    public void OneLiteral_ForAListArgument_IsAListOfOne()
    {
        _gateway.Simulator.Community.AddMember("admin@example.com", "Ada Min", "1", TribeRole.Admin);
        _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var data = GatewayFixture.Data(_gateway.Bot("{ members(limit: 5, roleIds: \"role-admin\") { totalCount } }"));

        data.GetProperty("members").GetProperty("totalCount").GetInt32().Should().Be(1);
    }

    [Test]
    public void Int_AtItsBounds_IsTaken()
    {
        const string Limit = "query Q($limit: Int!) { members(limit: $limit) { totalCount } }";
        var low = _gateway.Bot(Limit, new JsonObject { ["limit"] = int.MinValue });
        var high = _gateway.Bot(Limit, new JsonObject { ["limit"] = int.MaxValue });

        GatewayAnswers.Only(low, 200, "100").Should().Be("[members] limit must be between 1 and 100.");
        GatewayAnswers.Only(high, 200, "100").Should().Be("[members] limit must be between 1 and 100.");
    }

    [Test]
    public void Variables_NotDeclared_AreIgnored()
    {
        var response = _gateway.Bot("query Q($n: Int!) { members(limit: $n) { totalCount } }", new JsonObject { ["n"] = 1, ["other"] = "x", ["limit"] = "ten" });

        GatewayFixture.Data(response).GetProperty("members").GetProperty("totalCount").GetInt32().Should().Be(0);
    }

    [Test]
    public void EnumVariable_TakesItsValuesName()
    {
        var variables = GatewayFixture.TokenVariables();
        variables["context"] = "network";

        GatewayAnswers.Only(_gateway.Post(GatewayFixture.LimitedTokenQuery, variables, GatewayFixture.Basic()), 400, "BAD_USER_INPUT")
            .Should().Be("- Variable \"$context\" got a value that is not a valid \"PermissionContext\".");
    }

    private TribeCommunitySimulatorResponse Post(string variables)
    {
        var body = "{\"query\": \"" + JsonEncodedText.Encode(Query).Value + "\", \"variables\": " + variables + "}";
        return _gateway.Simulator.Handle("POST", "/api/gateway", body: body, authorization: "Bearer " + _gateway.Token());
    }
}
