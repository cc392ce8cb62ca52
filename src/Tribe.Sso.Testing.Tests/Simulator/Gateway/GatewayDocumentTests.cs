using System.Text.Json;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary>Requests the gateway cannot run: answered as a GraphQL server answers them, HTTP 400 with an <c>errors</c> entry and no data.</summary>
public class GatewayDocumentTests
{
    private GatewayFixture _gateway = null!;

    [SetUp]
    public void SetUp() => _gateway = GatewayFixture.Create();

    [TestCase("{ members(limit: 1) { totalCount password } }", "Cannot query field \"password\" on type \"PaginatedMember\".", 1, 34)]
    [TestCase("{ nope }", "Cannot query field \"nope\" on type \"Query\".", 1, 3)]
    [TestCase("{ members { totalCount } }", "Field \"members\" argument \"limit\" of type \"Int!\" is required, but it was not provided.", 1, 3)]
    [TestCase("{ members(limit: 1, size: 2) { totalCount } }", "Unknown argument \"size\" on field \"members\".", 1, 21)]
    [TestCase("{ members(limit: \"ten\") { totalCount } }", "Argument \"limit\": expected value of type \"Int!\", found StringValue.", 1, 18)]
    [TestCase("{ members(limit: 1) }", "Field \"members\" of type \"PaginatedMember!\" must have a selection of subfields. Did you mean \"members { ... }\"?", 1, 3)]
    [TestCase("{ members(limit: 1) { totalCount { x } } }", "Field \"totalCount\" must not have a selection since type \"Int!\" has no subfields.", 1, 34)]
    [TestCase("query Q($n: Int) { members(limit: $n) { totalCount } }", "Variable \"$n\" of type \"Int\" used in position expecting type \"Int!\".", 1, 35)]
    [TestCase("query Q { members(limit: $n) { totalCount } }", "Variable \"$n\" is not defined in operation \"Q\".", 1, 26)]
    [TestCase("query Q($n: Int!, $m: Int) { members(limit: $n) { totalCount } }", "Variable \"$m\" is never used in operation \"Q\".", 1, 19)]
    [TestCase("{ members(limit: 1) { ...F } }", "Unknown fragment \"F\".", 1, 23)]
    [TestCase("{ members(limit: 1) { totalCount } } fragment F on Member { id }", "Fragment \"F\" is never used.", 1, 38)]
    [TestCase("{ members(limit: 1) { nodes { ...A } } } fragment A on Member { ...B } fragment B on Member { ...A }", "Cannot spread fragment \"A\" within itself.", 1, 95)]
    [TestCase("{ members(limit: 1) { ...M } } fragment M on Member { id }", "Fragment \"M\" cannot be spread here as objects of type \"PaginatedMember\" can never be of type \"Member\".", 1, 23)]
    [TestCase("{ a: member(id: \"1\") { id } a: member(id: \"2\") { id } }", "Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", 0, 0)]
    [TestCase("{ members(limit: 1) @live { totalCount } }", "Unknown directive \"@live\".", 1, 21)]
    [TestCase("subscription { members(limit: 1) { totalCount } }", "Schema is not configured to execute subscription operation.", 1, 1)]
    [TestCase("query A { __typename } query B { __typename }", "Must provide operation name if query contains multiple operations.", 0, 0)]
    [TestCase("type Member { id: ID }", "The ObjectTypeDefinition definition is not executable.", 1, 1)]
    public void InvalidDocument_Answers400_WithTheServersValidationMessage(string query, string message, int line, int column)
    {
        var response = _gateway.Bot(query);

        response.StatusCode.Should().Be(400);
        var json = GatewayFixture.Json(response);
        json.GetProperty("data").ValueKind.Should().Be(JsonValueKind.Null);
        var error = json.GetProperty("errors")[0];
        error.GetProperty("message").GetString().Should().Be(message);
        error.GetProperty("code").GetString().Should().Be("GRAPHQL_VALIDATION_FAILED");
        if (line > 0)
        {
            error.GetProperty("locations")[0].GetProperty("line").GetInt32().Should().Be(line);
            error.GetProperty("locations")[0].GetProperty("column").GetInt32().Should().Be(column);
        }
    }

    [Test]
    public void SyntaxError_Answers400_GraphqlParseFailed_WithItsLocation()
    {
        var response = _gateway.Bot("{ members(limit: 1) { totalCount }");

        response.StatusCode.Should().Be(400);
        var error = GatewayFixture.Error(response);
        error.GetProperty("code").GetString().Should().Be("GRAPHQL_PARSE_FAILED");
        error.GetProperty("message").GetString().Should().StartWith("Syntax Error: ");
        error.GetProperty("locations")[0].GetProperty("line").GetInt32().Should().Be(1);
    }

    [TestCase("""{"limit": "ten"}""", "Variable \"$limit\" got a value that is not a valid \"Int\".")]
    [TestCase("""{"limit": null}""", "Variable \"$limit\" got null for non-null type \"Int!\".")]
    [TestCase("""{}""", "Variable \"$limit\" of required type \"Int!\" was not provided.")]
    [TestCase("""{"limit": 1, "filterBy": [{"key": "email", "operator": "like", "value": "x"}]}""", "Variable \"$filterBy\" got a value that is not a valid \"MemberListFilterByOperator\".")]
    [TestCase("""{"limit": 1, "filterBy": [{"key": "email", "value": "x"}]}""", "Variable \"$filterBy\" is missing the field \"operator\" of required type \"MemberListFilterByOperator!\".")]
    [TestCase("""{"limit": 1, "filterBy": [{"key": "email", "operator": "equals", "value": "\ud800"}]}""", "Variable \"$filterBy\" holds a lone UTF-16 surrogate; send text that is valid Unicode.")]
    public void InvalidVariables_Answer400_BadUserInput(string variables, string message)
    {
        const string Query = "query Q($limit: Int!, $filterBy: [MemberListFilterByInput!]) { members(limit: $limit, filterBy: $filterBy) { totalCount } }";

        var body = "{\"query\": \"" + JsonEncodedText.Encode(Query).Value + "\", \"variables\": " + variables + "}";
        var response = _gateway.Simulator.Handle("POST", "/api/gateway", body: body, authorization: "Bearer " + _gateway.Token());

        response.StatusCode.Should().Be(400);
        var error = GatewayFixture.Error(response);
        error.GetProperty("code").GetString().Should().Be("BAD_USER_INPUT");
        error.GetProperty("message").GetString().Should().Be(message);
    }

    [TestCase("GET", null, 405)]
    [TestCase("POST", null, 400)]
    [TestCase("POST", "not json", 400)]
    [TestCase("POST", "[{\"query\": \"{ __typename }\"}]", 400)]
    [TestCase("POST", "{\"query\": 42}", 400)]
    [TestCase("POST", "{\"query\": \"{ __typename }\", \"variables\": [1]}", 400)]
    [TestCase("POST", "{\"query\": \"{ __typename }\", \"operationName\": 7}", 400)]
    public void NotAGraphQLRequest_AnswersBadRequest(string method, string? body, int status)
    {
        var response = _gateway.Simulator.Handle(method, "/api/gateway", body: body);

        response.StatusCode.Should().Be(status);
        response.GetHeader("Content-Type").Should().Be("application/json; charset=utf-8");
        GatewayFixture.Error(response).GetProperty("code").GetString().Should().Be("BAD_REQUEST");
    }

    [Test]
    public void Typename_NeedsNoToken()
    {
        GatewayFixture.Data(_gateway.Post("{ __typename }")).GetProperty("__typename").GetString().Should().Be("Query");
    }

    [Test]
    public void Gateway_UnderABasePath_IsServedThere()
    {
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions { BasePath = "/community-sim" });

        simulator.Handle("POST", "/community-sim/api/gateway", body: "{\"query\": \"{ __typename }\"}").StatusCode.Should().Be(200);
        simulator.Handle("POST", "/api/gateway", body: "{\"query\": \"{ __typename }\"}").StatusCode.Should().Be(404);
    }
}
