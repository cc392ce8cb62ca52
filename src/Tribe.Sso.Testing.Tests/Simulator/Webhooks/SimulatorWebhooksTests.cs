using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace Tribe.Sso.Testing.Tests.Simulator.Webhooks;

/// <summary>
/// What the simulated community tells its app's webhook, received by an endpoint that checks every signature on its own:
/// the test request first, then an event for each change to a member, from a sign-in or from the API.
/// </summary>
public partial class SimulatorWebhooksTests
{
    private const string UpdateMember = "mutation($id: ID, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { id } }";
    private const string DeleteMember = "mutation($id: ID!) { deleteMember(id: $id) { status } }";

    private WebhookFixture _hooks = null!;

    [SetUp]
    public void SetUp() => _hooks = WebhookFixture.Create();

    [Test]
    public async Task FirstSignIn_SendsTheTestRequestFirst_ThenMemberCreatedAndMemberVerified_AllSigned()
    {
        _hooks.SignIn(Issuers.Jane()).StatusCode.Should().Be(302);
        await _hooks.IdleAsync();

        var all = _hooks.Receiver.All;
        all.Select(r => r.Name).Should().Equal("TEST", "member.created", "member.verified");
        all.Should().OnlyContain(r => r.SignatureValid && r.Method == "POST" && r.ContentType == "application/json");
        all.Should().OnlyContain(r => r.Url == new System.Uri("https://partner.example/community/webhooks"));
        var member = _hooks.Simulator.Community.FindByExternalId(GoldenVectors.JaneId)!;
        foreach (var (e, verb) in _hooks.Receiver.Events.Zip(new[] { "CREATED", "VERIFIED" }))
        {
            e.Data.GetProperty("noun").GetString().Should().Be("MEMBER");
            e.Data.GetProperty("verb").GetString().Should().Be(verb);
            e.Data.GetProperty("time").GetString().Should().Be("2026-01-01T00:00:00.000Z");
            e.Data.GetProperty("actor").GetProperty("id").GetString().Should().Be(member.Id);
            e.Data.GetProperty("actor").GetProperty("roleType").GetString().Should().Be("member");
            e.Data.GetProperty("target").GetProperty("networkId").GetString().Should().Be(WebhookFixture.NetworkId);
            e.Data.GetProperty("target").GetProperty("memberId").GetString().Should().Be(member.Id);
            e.Data.TryGetProperty("oldObject", out _).Should().BeFalse();
            var written = e.Data.GetProperty("object");
            written.GetProperty("id").GetString().Should().Be(member.Id);
            written.GetProperty("externalId").GetString().Should().Be(GoldenVectors.JaneId);
            written.GetProperty("email").GetString().Should().Be(GoldenVectors.JaneEmail);
            written.GetProperty("name").GetString().Should().Be(GoldenVectors.JaneName);
            written.GetProperty("status").GetString().Should().Be("VERIFIED");
            written.GetProperty("roleId").GetString().Should().Be("role-member");
            written.GetProperty("createdAt").GetString().Should().Be("2026-01-01T00:00:00.000Z");
        }

        _hooks.Receiver.Events.Select(e => e.Id).Distinct().Should().HaveCount(2, "each event has its own id");
    }

    [Test]
    public async Task TestRequest_HasTheEnvelopeAndARandomUrlSafeChallenge_AndIsSentOnce()
    {
        _hooks.SignIn(Issuers.Jane());
        _hooks.SignIn(TribeSsoUser.Create("7", "Sam Shared", "sam@example.com").Build());
        await _hooks.IdleAsync();

        var tests = _hooks.Receiver.All.Where(r => r.Type == "TEST").ToList();
        tests.Should().ContainSingle();
        var challenge = tests[0].Data.GetProperty("challenge").GetString()!;
        challenge.Should().MatchRegex("^[A-Za-z0-9_-]{32}$");
        tests[0].RawBody.Should().Be("{\"networkId\":\"" + WebhookFixture.NetworkId + "\",\"context\":\"NETWORK\",\"entityId\":\"" + WebhookFixture.NetworkId
            + "\",\"currentSettings\":[],\"type\":\"TEST\",\"data\":{\"challenge\":\"" + challenge + "\"}}");
        _hooks.Receiver.Events.Should().HaveCount(4);
    }

    [Test]
    public async Task Event_HasTheEnvelopeAroundItsData()
    {
        _hooks.SignIn(Issuers.Jane());
        await _hooks.IdleAsync();

        var json = _hooks.Receiver.Events[0].Json;
        json.EnumerateObject().Select(p => p.Name).Should().Equal("networkId", "context", "entityId", "currentSettings", "type", "data");
        json.GetProperty("networkId").GetString().Should().Be(WebhookFixture.NetworkId);
        json.GetProperty("context").GetString().Should().Be("NETWORK");
        json.GetProperty("entityId").GetString().Should().Be(WebhookFixture.NetworkId);
        json.GetProperty("currentSettings").GetArrayLength().Should().Be(0);
        json.GetProperty("type").GetString().Should().Be("SUBSCRIPTION");
        json.GetProperty("data").EnumerateObject().Select(p => p.Name).Should().Equal("id", "name", "noun", "verb", "time", "actor", "object", "target");
    }

    [Test]
    public async Task SignInThatChangesTheMember_SendsMemberUpdated_WithTheMemberBefore()
    {
        _hooks.SignIn(Issuers.Jane());
        _hooks.Clock.Advance(System.TimeSpan.FromMinutes(2));

        _hooks.SignIn(TribeSsoUser.Create(GoldenVectors.JaneId, "Jane Smith", "jane.smith@example.com").Build()).StatusCode.Should().Be(302);
        await _hooks.IdleAsync();

        var updated = _hooks.Receiver.Events.Should().ContainSingle(e => e.Name == "member.updated").Subject;
        updated.Data.GetProperty("verb").GetString().Should().Be("UPDATED");
        updated.Data.GetProperty("time").GetString().Should().Be("2026-01-01T00:02:00.000Z");
        updated.Data.GetProperty("object").GetProperty("name").GetString().Should().Be("Jane Smith");
        updated.Data.GetProperty("object").GetProperty("email").GetString().Should().Be("jane.smith@example.com");
        updated.Data.GetProperty("object").GetProperty("updatedAt").GetString().Should().Be("2026-01-01T00:02:00.000Z");
        updated.Data.GetProperty("oldObject").GetProperty("name").GetString().Should().Be(GoldenVectors.JaneName);
        updated.Data.GetProperty("oldObject").GetProperty("email").GetString().Should().Be(GoldenVectors.JaneEmail);
        updated.Data.GetProperty("oldObject").GetProperty("id").GetString().Should().Be(updated.Data.GetProperty("object").GetProperty("id").GetString());
    }

    [Test]
    public async Task SignInThatChangesNothing_SendsNoEvent()
    {
        _hooks.SignIn(Issuers.Jane());
        _hooks.SignIn(Issuers.Jane()).StatusCode.Should().Be(302);
        await _hooks.IdleAsync();

        _hooks.Receiver.Events.Select(e => e.Name).Should().Equal("member.created", "member.verified");
    }

    [Test]
    public async Task SignInThatLinksASeededMember_SendsMemberUpdated_WithTheExternalIdItGained()
    {
        var seeded = _hooks.Simulator.Community.AddMember(GoldenVectors.JaneEmail, GoldenVectors.JaneName);

        _hooks.SignIn(Issuers.Jane());
        await _hooks.IdleAsync();

        var updated = _hooks.Receiver.Events.Should().ContainSingle().Subject;
        updated.Name.Should().Be("member.updated");
        updated.Data.GetProperty("object").GetProperty("id").GetString().Should().Be(seeded.Id);
        updated.Data.GetProperty("object").GetProperty("externalId").GetString().Should().Be(GoldenVectors.JaneId);
        updated.Data.GetProperty("oldObject").GetProperty("externalId").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Test]
    public async Task UpdateMember_SendsMemberUpdated_WithTheMemberBefore_AndTheAppsBotAsActor()
    {
        var jane = _hooks.Simulator.Community.AddMember(GoldenVectors.JaneEmail, GoldenVectors.JaneName, GoldenVectors.JaneId);
        _hooks.Clock.Advance(System.TimeSpan.FromMinutes(3));

        _hooks.Bot(UpdateMember, "{\"id\": \"" + jane.Id + "\", \"input\": {\"email\": \"jane.doe@new.example.com\", \"tagline\": \"Gardener\"}}");
        await _hooks.IdleAsync();

        _hooks.Receiver.All.Select(r => r.Name).Should().Equal("TEST", "member.updated");
        var data = _hooks.Receiver.Events[0].Data;
        data.GetProperty("object").GetProperty("email").GetString().Should().Be("jane.doe@new.example.com");
        data.GetProperty("object").GetProperty("tagline").GetString().Should().Be("Gardener");
        data.GetProperty("oldObject").GetProperty("email").GetString().Should().Be(GoldenVectors.JaneEmail);
        data.GetProperty("oldObject").GetProperty("tagline").ValueKind.Should().Be(JsonValueKind.Null);
        data.GetProperty("time").GetString().Should().Be("2026-01-01T00:03:00.000Z");
        data.GetProperty("actor").GetProperty("id").GetString().Should().Be(Gateway.GatewayFixture.ClientId);
        data.GetProperty("actor").GetProperty("roleType").GetString().Should().Be("admin");
        data.GetProperty("target").GetProperty("memberId").GetString().Should().Be(jane.Id);
    }

    [Test]
    public async Task DeleteMember_SendsMemberDeleted_WithTheMemberAsTheyWere()
    {
        var sam = _hooks.Simulator.Community.AddMember("sam@example.com", "Sam Shared", "7");

        _hooks.Bot(DeleteMember, "{\"id\": \"" + sam.Id + "\"}").GetProperty("deleteMember").GetProperty("status").GetString().Should().Be("succeeded");
        await _hooks.IdleAsync();

        var deleted = _hooks.Receiver.Events.Should().ContainSingle().Subject;
        deleted.Name.Should().Be("member.deleted");
        deleted.Data.GetProperty("noun").GetString().Should().Be("MEMBER");
        deleted.Data.GetProperty("verb").GetString().Should().Be("DELETED");
        deleted.Data.GetProperty("object").GetProperty("id").GetString().Should().Be(sam.Id);
        deleted.Data.GetProperty("object").GetProperty("name").GetString().Should().Be("Sam Shared");
        deleted.Data.GetProperty("object").GetProperty("externalId").GetString().Should().Be("7");
        deleted.Data.TryGetProperty("oldObject", out _).Should().BeFalse();
    }

    /// <summary>A bot token outlives its app: once the app is uninstalled, the bot that made a change is named "app".</summary>
    [Test]
    public async Task DeleteMember_WithABotTokenFromAnAppSinceUninstalled_NamesTheActorApp()
    {
        var sam = _hooks.Simulator.Community.AddMember("sam@example.com", "Sam Shared", "7");
        var token = _hooks.BotToken();
        _hooks.Simulator.Options.ApiClientId = null;

        _hooks.Bot(DeleteMember, "{\"id\": \"" + sam.Id + "\"}", token);
        await _hooks.IdleAsync();

        var actor = _hooks.Receiver.Events.Should().ContainSingle().Subject.Data.GetProperty("actor");
        actor.GetProperty("id").GetString().Should().Be("app");
        actor.GetProperty("roleType").GetString().Should().Be("admin");
    }

    [Test]
    public async Task SignInsWhoseGroupsChange_SendSpaceMembershipCreatedAndDeleted_PerSpace()
    {
        var user = TribeSsoUser.Create(GoldenVectors.JaneId, GoldenVectors.JaneName, GoldenVectors.JaneEmail);
        _hooks.SignIn(user.ReplaceGroups(TribeGroup.Joined("g-news"), TribeGroup.Joined("g-help")).Build());
        await _hooks.IdleAsync();
        var first = _hooks.Receiver.Events.Count;

        _hooks.SignIn(TribeSsoUser.Create(GoldenVectors.JaneId, GoldenVectors.JaneName, GoldenVectors.JaneEmail).ReplaceGroups(TribeGroup.Joined("g-help"), TribeGroup.Joined("g-vip")).Build());
        await _hooks.IdleAsync();

        var jane = _hooks.Simulator.Community.FindByExternalId(GoldenVectors.JaneId)!;
        var events = _hooks.Receiver.Events;
        events.Take(first).Select(e => e.Name + " " + Space(e)).Should().Equal("member.created ", "member.verified ", "space_membership.created g-news", "space_membership.created g-help");
        events.Skip(first).Select(e => e.Name + " " + Space(e)).Should().Equal("space_membership.created g-vip", "space_membership.deleted g-news");
        foreach (var e in events.Where(e => e.Name!.StartsWith("space_membership.", System.StringComparison.Ordinal)))
        {
            e.Data.GetProperty("noun").GetString().Should().Be("SPACE_MEMBERSHIP");
            e.Data.GetProperty("verb").GetString().Should().Be(e.Name!.EndsWith(".created", System.StringComparison.Ordinal) ? "CREATED" : "DELETED");
            e.Data.GetProperty("object").EnumerateObject().Select(p => p.Name).Should().Equal("id");
            e.Data.GetProperty("object").GetProperty("id").GetString().Should().Be(Space(e));
            e.Data.GetProperty("target").GetProperty("networkId").GetString().Should().Be(WebhookFixture.NetworkId);
            e.Data.GetProperty("target").GetProperty("memberId").GetString().Should().Be(jane.Id);
        }
    }

    [Test]
    public async Task AGroupWaitingForApproval_IsNoSpaceMembershipYet()
    {
        _hooks.SignIn(TribeSsoUser.Create(GoldenVectors.JaneId, GoldenVectors.JaneName, GoldenVectors.JaneEmail).ReplaceGroups(TribeGroup.Unapproved("g-vip")).Build());
        await _hooks.IdleAsync();

        _hooks.Receiver.Events.Select(e => e.Name).Should().Equal("member.created", "member.verified");
    }

    private static string Space(WebhookReceiver.Received e) => e.Data.GetProperty("target").TryGetProperty("spaceId", out var space) ? space.GetString()! : string.Empty;
}
