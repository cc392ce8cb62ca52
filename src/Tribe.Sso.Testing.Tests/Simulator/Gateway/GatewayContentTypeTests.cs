using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary>
/// <c>POST /api/gateway</c> from a host takes only <c>application/json</c>, as GraphQL over HTTP says: a form or
/// <c>text/plain</c> POST, which a browser sends cross-site without a preflight, is answered 415 and runs nothing.
/// </summary>
public class GatewayContentTypeTests
{
    private const string Rename = "mutation U($id: ID, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { name } }";

    [TestCase("text/plain")]
    [TestCase("text/plain; charset=utf-8")]
    [TestCase("application/x-www-form-urlencoded")]
    [TestCase("multipart/form-data; boundary=x")]
    [TestCase("")]
    [TestCase(null)]
    public void PostWithoutAJsonContentType_IsAnswered415_AndRunsNothing(string? contentType)
    {
        var gateway = GatewayFixture.Create();
        var member = gateway.Seed("jane@example.com", "Jane Doe", "42");

        var response = gateway.Simulator.Handle(Request(gateway, member.Id, contentType));

        response.StatusCode.Should().Be(415);
        response.GetHeader("Content-Type").Should().Be("application/json; charset=utf-8");
        GatewayFixture.Error(response).GetProperty("message").GetString().Should().Be("The gateway takes a JSON body: send Content-Type: application/json, as GraphQL over HTTP says.");
        gateway.Simulator.Community.FindByEmail("jane@example.com")!.Name.Should().Be("Jane Doe");
    }

    [TestCase("application/json")]
    [TestCase("application/json; charset=utf-8")]
    [TestCase("Application/JSON ; charset=UTF-8")]
    public void PostWithAJsonContentType_Runs(string contentType)
    {
        var gateway = GatewayFixture.Create();
        var member = gateway.Seed("jane@example.com", "Jane Doe", "42");

        var response = gateway.Simulator.Handle(Request(gateway, member.Id, contentType));

        response.StatusCode.Should().Be(200, response.Body);
        gateway.Simulator.Community.FindByEmail("jane@example.com")!.Name.Should().Be("Renamed");
    }

    private static TribeCommunitySimulatorRequest Request(GatewayFixture gateway, string memberId, string? contentType) => new("POST", "/api/gateway")
    {
        Host = "127.0.0.1:5090",
        Authorization = "Bearer " + gateway.Token(),
        ContentType = contentType,
        Body = new JsonObject { ["query"] = Rename, ["variables"] = new JsonObject { ["id"] = memberId, ["input"] = new JsonObject { ["name"] = "Renamed" } } }.ToJsonString(),
    };
}
