using System.Linq;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary>
/// The gateway's fidelity: the community's own Node client, <c>@tribeplatform/gql-client</c> from npm, unchanged, over
/// real HTTP. Needs Node.js 20+ (the test says how to install it when it is missing) and runs <c>npm ci</c> in interop/.
/// </summary>
[NonParallelizable]
public class NodeClientInteropTests
{
    [Test]
    public void CommunityNodeClient_WorksUnchangedAgainstTheGateway()
    {
        // The Node client reads the token's exp against its own clock: the simulator's runs on real time here.
        var gateway = GatewayFixture.Create();
        gateway.Clock.SetUtcNow(System.TimeProvider.System.GetUtcNow());
        var jane = gateway.Seed("jane@example.com", "Jane Doe", "legacy-7");
        gateway.Seed("john@example.com", "John Roe", "7");
        using var host = new HttpListenerHost(gateway.Simulator);

        var output = NodeInterop.GqlClient(new JsonObject
        {
            ["url"] = host.Url + "/api/gateway",
            ["clientId"] = GatewayFixture.ClientId,
            ["clientSecret"] = GatewayFixture.ClientSecret,
            ["networkId"] = GatewayFixture.NetworkId,
            ["email"] = "JANE@example.com",
            ["externalId"] = "42",
        });

        output["gatewayUrl"].Should().BeNull();
        output["tokenExpiresInSeconds"]!.GetValue<long>().Should().BeInRange(3300, 3600);
        output["list"]!["totalCount"]!.GetValue<int>().Should().Be(1);
        output["list"]!["hasNextPage"]!.GetValue<bool>().Should().BeFalse();
        var node = output["list"]!["node"]!.AsObject();
        node.Select(p => p.Key).Should().Equal(GatewayFixture.MemberFields.Split(' '));
        node["id"]!.GetValue<string>().Should().Be(jane.Id);
        node["externalId"]!.GetValue<string>().Should().Be("legacy-7");
        output["got"]!["email"]!.GetValue<string>().Should().Be("jane@example.com");
        output["got"]!["username"]!.GetValue<string>().Should().Be("member1");
        output["updated"]!["externalId"]!.GetValue<string>().Should().Be("42");
        output["searchedCount"]!.GetValue<int>().Should().Be(1);
        output["deleted"]!["status"]!.GetValue<string>().Should().Be("succeeded");
        output["notFound"]!.GetValue<string>().Should().Be("110");
        output["badSecret"]!.GetValue<string>().Should().Be("108");
        output["noToken"]!["code"]!.GetValue<string>().Should().Be("108");
        gateway.Simulator.Community.FindByEmail("jane@example.com").Should().BeNull();
        gateway.Simulator.Community.Members.Should().ContainSingle(m => m.ExternalId == "7");
    }
}
