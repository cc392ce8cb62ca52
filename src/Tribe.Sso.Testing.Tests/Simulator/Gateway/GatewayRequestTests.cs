using System;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary>
/// What the gateway takes before it reads a query: the method, the content type, the body's shape and size, the query's
/// length, and JSON it cannot read; each refusal with its exact message, status, code and headers.
/// </summary>
public class GatewayRequestTests
{
    private const string Shape = "send a JSON object {\"query\": \"…\", \"variables\": {…}, \"operationName\": \"…\"}";

    private GatewayFixture _gateway = null!;

    [SetUp]
    public void SetUp() => _gateway = GatewayFixture.Create();

    [TestCase("GET")]
    [TestCase("PUT")]
    [TestCase("DELETE")]
    [TestCase("PATCH")]
    public void NotAPost_IsAnswered405_WithAllowPost(string method)
    {
        var response = _gateway.Simulator.Handle(method, "/api/gateway", body: "{\"query\": \"{ __typename }\"}");

        GatewayAnswers.Only(response, 405, "BAD_REQUEST").Should().Be("- The gateway takes POST with a JSON body {\"query\": …, \"variables\": …, \"operationName\": …}.");
        response.GetHeader("Allow").Should().Be("POST");
        response.GetHeader("Content-Type").Should().Be("application/json; charset=utf-8");
    }

    [TestCase("post")]
    [TestCase("Post")]
    public void Post_InAnyCase_Runs(string method)
    {
        var response = _gateway.Simulator.Handle(method, "/api/gateway", body: "{\"query\": \"{ __typename }\"}");

        GatewayFixture.Data(response).GetProperty("__typename").GetString().Should().Be("Query");
    }

    [Test]
    public void NotJson_IsAnswered415_WithAcceptPost()
    {
        var response = _gateway.Simulator.Handle(new TribeCommunitySimulatorRequest("POST", "/api/gateway")
        {
            Host = "127.0.0.1:5090",
            ContentType = "text/plain",
            Body = "{\"query\": \"{ __typename }\"}",
        });

        GatewayAnswers.Only(response, 415, "BAD_REQUEST").Should().Be("- The gateway takes a JSON body: send Content-Type: application/json, as GraphQL over HTTP says.");
        response.GetHeader("Accept-Post").Should().Be("application/json");
    }

    [TestCase(null, "The body is empty; " + Shape + ".")]
    [TestCase("", "The body is empty; " + Shape + ".")]
    [TestCase("null", "The body is not a JSON object (batched requests are not served); " + Shape + ".")]
    [TestCase("[{\"query\": \"{ __typename }\"}]", "The body is not a JSON object (batched requests are not served); " + Shape + ".")]
    [TestCase("\"{ __typename }\"", "The body is not a JSON object (batched requests are not served); " + Shape + ".")]
    [TestCase("{}", "The body has no query string; " + Shape + ".")]
    [TestCase("{\"query\": null}", "The body has no query string; " + Shape + ".")]
    [TestCase("{\"query\": 42}", "The body has no query string; " + Shape + ".")]
    [TestCase("{\"query\": \"\"}", "The body has no query string; " + Shape + ".")]
    [TestCase("{\"Query\": \"{ __typename }\"}", "The body has no query string; " + Shape + ".")]
    [TestCase("{\"query\": \"{ __typename }\", \"operationName\": 7}", "operationName must be a string or null.")]
    [TestCase("{\"query\": \"{ __typename }\", \"operationName\": false}", "operationName must be a string or null.")]
    [TestCase("{\"query\": \"{ __typename }\", \"operationName\": [\"A\"]}", "operationName must be a string or null.")]
    [TestCase("{\"query\": \"{ __typename }\", \"variables\": [1]}", "variables must be a JSON object or null.")]
    [TestCase("{\"query\": \"{ __typename }\", \"variables\": \"{}\"}", "variables must be a JSON object or null.")]
    [TestCase("{\"query\": \"{ __typename }\", \"variables\": 0}", "variables must be a JSON object or null.")]
    public void BodyThatIsNotAGraphQLRequest_IsAnswered400_SayingWhatToSend(string? body, string message)
    {
        var response = _gateway.Simulator.Handle("POST", "/api/gateway", body: body);

        GatewayAnswers.Only(response, 400, "BAD_REQUEST").Should().Be("- " + message);
    }

    [TestCase("{\"query\": \"{ __typename }\", \"operationName\": null, \"variables\": null}")]
    [TestCase("{\"query\": \"{ __typename }\", \"variables\": {}}")]
    [TestCase("{\"query\": \"{ __typename }\", \"variables\": {\"unused\": [1, {\"a\": null}]}}")]
    [TestCase("{\"variables\": null, \"query\": \"{ __typename }\", \"extensions\": {}}")]
    public void Body_WithOptionalMembersNullOrAbsent_Runs(string body)
    {
        GatewayFixture.Data(_gateway.Simulator.Handle("POST", "/api/gateway", body: body)).GetProperty("__typename").GetString().Should().Be("Query");
    }

    [TestCase("not json")]
    [TestCase("{\"query\": \"{ __typename }\"")]
    [TestCase("{\"query\": \"{ __typename }\"} {}")]
    public void Body_ThatIsNotJson_IsAnswered400_AsUnreadable(string body)
    {
        var response = _gateway.Simulator.Handle("POST", "/api/gateway", body: body);

        GatewayAnswers.Only(response, 400, "BAD_REQUEST").Should().Be("- The request holds a value the gateway cannot read; send JSON of valid Unicode.");
    }

    [Test]
    public void Variables_WithALoneSurrogateInAnInputFieldsName_AreAnswered400_AsUnreadable()
    {
        const string Query = "mutation M($input: UpdateMemberInput!) { updateMember(input: $input) { id } }";
        var body = "{\"query\": \"" + JsonEncodedText.Encode(Query).Value + "\", \"variables\": {\"input\": {\"\\udc00\": \"x\"}}}";

        var response = _gateway.Simulator.Handle("POST", "/api/gateway", body: body, authorization: "Bearer " + _gateway.Token());

        GatewayAnswers.Only(response, 400, "BAD_REQUEST").Should().Be("- The request holds a value the gateway cannot read; send JSON of valid Unicode.");
    }

    [TestCase(62, 200)]
    [TestCase(63, 400)]
    public void Body_NestedBeyond64Levels_IsAnswered400_AsUnreadable(int arrays, int status)
    {
        var body = "{\"query\": \"{ __typename }\", \"variables\": {\"deep\": " + new string('[', arrays) + new string(']', arrays) + "}}";

        var response = _gateway.Simulator.Handle("POST", "/api/gateway", body: body);

        if (status == 200)
        {
            GatewayFixture.Data(response).GetProperty("__typename").GetString().Should().Be("Query");
        }
        else
        {
            GatewayAnswers.Only(response, 400, "BAD_REQUEST").Should().Be("- The request holds a value the gateway cannot read; send JSON of valid Unicode.");
        }
    }

    [Test]
    public void Body_OfExactly256KiB_Runs_AndOneCharacterMore_IsRefused()
    {
        var atLimit = Padded(TribeCommunitySimulator.MaxRequestBodyLength);
        var over = Padded(TribeCommunitySimulator.MaxRequestBodyLength + 1);

        GatewayFixture.Data(_gateway.Simulator.Handle("POST", "/api/gateway", body: atLimit)).GetProperty("__typename").GetString().Should().Be("Query");
        GatewayAnswers.Only(_gateway.Simulator.Handle("POST", "/api/gateway", body: over), 400, "BAD_REQUEST")
            .Should().Be("- The body is longer than the gateway reads (262144 characters).");
    }

    [Test]
    public void Query_OfExactly32KiB_Runs_AndOneCharacterMore_IsRefused()
    {
        var atLimit = "{ __typename }".PadRight(32 * 1024);
        var over = atLimit + " ";

        GatewayFixture.Data(_gateway.Post(atLimit)).GetProperty("__typename").GetString().Should().Be("Query");
        GatewayAnswers.Only(_gateway.Post(over), 400, "BAD_REQUEST").Should().Be("- The query is longer than the gateway reads (32768 characters).");
    }

    [Test]
    public void Answer_WithoutErrors_HasOnlyData()
    {
        var json = GatewayFixture.Json(_gateway.Post("{ __typename }"));

        json.EnumerateObject().Select(p => p.Name).Should().Equal("data");
    }

    /// <summary>A request body of exactly <paramref name="length"/> characters: a query and an ignored variable to fill it.</summary>
    private static string Padded(int length)
    {
        var empty = new JsonObject { ["query"] = "{ __typename }", ["variables"] = new JsonObject { ["pad"] = string.Empty } }.ToJsonString();
        var body = new JsonObject { ["query"] = "{ __typename }", ["variables"] = new JsonObject { ["pad"] = new string('x', length - empty.Length) } }.ToJsonString();
        body.Length.Should().Be(length);
        return body;
    }
}
