using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Tribe.Sso.Members.Tests.Support;
using Tribe.Sso.Testing;

namespace Tribe.Sso.Members.Tests.Integration;

/// <summary>
/// Two independent implementations of the webhook format check each other: what the simulated community of
/// Tribe.Sso.Testing sends passes this package's <see cref="TribeWebhookVerifier"/> and reads as typed deliveries.
/// </summary>
public class SimulatorWebhooksInteropTests
{
    private const string Secret = "whsec-interop-5d1e";

    [Test]
    public async Task SimulatorsDeliveries_PassTheVerifier_AndReadAsTypedMemberAndSpaceEvents()
    {
        var clock = Clock.New();
        var capture = new Capture();
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions
        {
            ReaderOptions = new TribeSsoTokenReaderOptions { TimeProvider = clock },
            NetworkId = "CAx1mZ7I7a",
            ApiClientId = "interop-app",
            ApiClientSecret = TribeApiClientSecret.FromString("interop-app-secret"),
            WebhookUrl = new Uri("https://partner.example/community/webhooks"),
            WebhookSigningSecret = Secret,
            WebhookHttpHandler = capture,
        });
        var issuer = new TribeSsoIssuer(new TribeSsoOptions { CommunityUrl = new Uri("https://community.example.com"), PrivateKey = TribeSsoKey.FromString(TestKeys.Primary) }, clock);

        simulator.Handle("GET", issuer.CreateLoginUrl(TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").ReplaceGroups(TribeGroup.Joined("g-news")).Build()).ToUri().PathAndQuery);
        simulator.Handle("GET", issuer.CreateLoginUrl(TribeSsoUser.Create("42", "Jane Doe", "jane.doe@example.org").RemoveFromAllGroups().Build()).ToUri().PathAndQuery);
        var jane = simulator.Community.FindByExternalId("42")!;
        Delete(simulator, jane.Id);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await simulator.WebhooksIdleAsync(timeout.Token);
        }

        var verifier = new TribeWebhookVerifier(TribeWebhookSecret.FromString(Secret), clock);
        capture.Received.Should().OnlyContain(d => verifier.Verify(d.Signature, d.Timestamp, d.Body).IsValid);
        var deliveries = capture.Received.Select(d => TribeWebhookDelivery.Parse(d.Body)).ToList();
        deliveries[0].Type.Should().Be(TribeWebhookDeliveryType.Test);
        deliveries[0].Challenge.Should().NotBeNullOrEmpty();
        deliveries.Skip(1).Select(d => d.Event!.Name).Should().Equal(
            "member.created", "member.verified", "space_membership.created", "member.updated", "space_membership.deleted", "member.deleted");
        deliveries.Skip(1).Should().OnlyContain(d => d.NetworkId == "CAx1mZ7I7a" && d.Event!.Time == Clock.Start);
        var updated = (TribeMemberEvent)deliveries[4].Event!;
        updated.Member.Email.Should().Be("jane.doe@example.org");
        updated.OldMember!.Email.Should().Be("jane@example.com");
        updated.Member.ExternalId.Should().Be("42");
        updated.Member.Status.Should().Be(TribeMemberStatus.Verified);
        var joined = (TribeSpaceMembershipEvent)deliveries[3].Event!;
        (joined.MemberId, joined.SpaceId).Should().Be((jane.Id, "g-news"));
        var deleted = (TribeMemberEvent)deliveries[6].Event!;
        (deleted.Member.Id, deleted.Member.Name, deleted.Actor.Id, deleted.Actor.RoleType).Should().Be((jane.Id, "Jane Doe", "interop-app", "admin"));
    }

    private static void Delete(TribeCommunitySimulator simulator, string id)
    {
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("interop-app:interop-app-secret"));
        var tokenQuery = new JsonObject { ["query"] = "query { limitedToken(context: NETWORK, networkId: \"CAx1mZ7I7a\", entityId: \"CAx1mZ7I7a\") { accessToken } }" };
        var token = JsonNode.Parse(simulator.Handle("POST", "/api/gateway", body: tokenQuery.ToJsonString(), authorization: basic).Body)!["data"]!["limitedToken"]!["accessToken"]!.GetValue<string>();
        var delete = new JsonObject { ["query"] = "mutation($id: ID!) { deleteMember(id: $id) { status } }", ["variables"] = new JsonObject { ["id"] = id } };
        simulator.Handle("POST", "/api/gateway", body: delete.ToJsonString(), authorization: "Bearer " + token).Body.Should().Contain("succeeded");
    }

    /// <summary>The partner's endpoint: keeps each delivery's headers and raw bytes, answers as the community's apps do.</summary>
    private sealed class Capture : HttpMessageHandler
    {
        public ConcurrentQueue<(string Signature, string Timestamp, byte[] Body)> Deliveries { get; } = new();

        public (string Signature, string Timestamp, byte[] Body)[] Received => Deliveries.ToArray();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            Deliveries.Enqueue((request.Headers.GetValues("X-Bettermode-Signature").Single(), request.Headers.GetValues("X-Bettermode-Request-Timestamp").Single(), body));
            var delivery = TribeWebhookDelivery.Parse(body);
            var data = delivery.Challenge is { } challenge ? new JsonObject { ["challenge"] = challenge } : new JsonObject();
            var answer = new JsonObject { ["type"] = delivery.TypeName, ["status"] = "SUCCEEDED", ["data"] = data };
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, "application/json") };
        }
    }
}
