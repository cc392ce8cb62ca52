using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary><c>updateMember</c> and <c>deleteMember</c> over the same members the SSO endpoint signs in.</summary>
public class MemberMutationTests
{
    private const string Update = "mutation UpdateMember($input: UpdateMemberInput!, $id: ID) { updateMember(id: $id, input: $input) { id externalId email name tagline locale updatedAt } }";
    private const string Delete = "mutation DeleteMember($id: ID!) { deleteMember(id: $id) { status } }";

    private GatewayFixture _gateway = null!;

    [SetUp]
    public void SetUp() => _gateway = GatewayFixture.Create();

    [Test]
    public void Conflict_FixedThroughUpdateMember_LetsTheNextSignInSucceed()
    {
        var other = _gateway.Seed("jane@example.com", "Jane (earlier integration)", "legacy-7");
        _gateway.SignIn(Issuers.Jane()).StatusCode.Should().Be(409);

        var found = GatewayFixture.Data(_gateway.Bot(
            "query Find($filterBy: [MemberListFilterByInput!]) { members(limit: 10, filterBy: $filterBy) { nodes { id externalId } } }",
            new JsonObject { ["filterBy"] = new JsonArray(new JsonObject { ["key"] = "email", ["operator"] = "equals", ["value"] = "jane@example.com" }) }));
        var id = found.GetProperty("members").GetProperty("nodes")[0].GetProperty("id").GetString();
        var changed = GatewayFixture.Data(_gateway.Bot(Update, new JsonObject { ["id"] = id, ["input"] = new JsonObject { ["externalId"] = "42" } }));

        id.Should().Be(other.Id);
        changed.GetProperty("updateMember").GetProperty("externalId").GetString().Should().Be("42");
        _gateway.SignIn(Issuers.Jane()).StatusCode.Should().Be(302);
        _gateway.Simulator.Community.FindByExternalId("42")!.Id.Should().Be(other.Id);
    }

    [Test]
    public void UpdateMember_ChangesOnlyWhatTheInputGives_AndStampsUpdatedAt()
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");
        _gateway.Clock.Advance(System.TimeSpan.FromMinutes(3));

        var member = GatewayFixture.Data(_gateway.Bot(Update, new JsonObject { ["id"] = jane.Id, ["input"] = new JsonObject { ["email"] = "jane.doe@example.org", ["tagline"] = "Gardener" } })).GetProperty("updateMember");

        member.GetProperty("email").GetString().Should().Be("jane.doe@example.org");
        member.GetProperty("tagline").GetString().Should().Be("Gardener");
        member.GetProperty("name").GetString().Should().Be("Jane Doe");
        member.GetProperty("externalId").GetString().Should().Be("42");
        member.GetProperty("updatedAt").GetString().Should().Be("2026-01-01T00:03:00.000Z");
        _gateway.Simulator.Community.FindByEmail("jane.doe@example.org")!.Id.Should().Be(jane.Id);
    }

    [TestCase("email", "JOHN@example.com", "Another member has this email: change or delete that member first.")]
    [TestCase("externalId", "7", "Another member has this externalId: change or delete that member first.")]
    public void UpdateMember_ToAValueAnotherMemberHolds_Answers100_AndChangesNothing(string field, string value, string message)
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");
        _gateway.Seed("john@example.com", "John Roe", "7");

        var response = _gateway.Bot(Update, new JsonObject { ["id"] = jane.Id, ["input"] = new JsonObject { [field] = value, ["name"] = "Changed" } });

        var error = GatewayFixture.Error(response);
        error.GetProperty("code").GetString().Should().Be("100");
        error.GetProperty("message").GetString().Should().Be(message);
        error.GetProperty("path")[0].GetString().Should().Be("updateMember");
        _gateway.Simulator.Community.FindByEmail("jane@example.com")!.Name.Should().Be("Jane Doe");
    }

    [TestCase("email", "not-an-email")]
    [TestCase("name", "")]
    [TestCase("externalId", "")]
    public void UpdateMember_WithAValueTheSdkWouldRefuse_Answers100_WithoutTheValue(string field, string value)
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var error = GatewayFixture.Error(_gateway.Bot(Update, new JsonObject { ["id"] = jane.Id, ["input"] = new JsonObject { [field] = value } }));

        error.GetProperty("code").GetString().Should().Be("100");
        if (value.Length > 0)
        {
            error.GetProperty("message").GetString().Should().NotContain(value);
        }
    }

    [Test]
    public void UpdateMember_OfAnUnknownMember_Answers110()
    {
        var response = _gateway.Bot(Update, new JsonObject { ["id"] = "ffffffffffffffffffffffff", ["input"] = new JsonObject { ["name"] = "X" } });

        GatewayAnswers.Only(response, 200, "110").Should().Be("[updateMember] Member not found: no member has this id.");
    }

    /// <summary>An input field given a variable the request leaves unset is not in the input: the member keeps that value.</summary>
    [Test]
    public void UpdateMember_WithAnInputFieldsVariableUnset_LeavesThatField()
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var member = GatewayFixture.Data(_gateway.Bot("mutation M($e: String) { updateMember(id: \"" + jane.Id + "\", input: {externalId: $e, name: \"New\"}) { externalId name } }", new JsonObject())).GetProperty("updateMember");

        member.GetProperty("externalId").GetString().Should().Be("42");
        member.GetProperty("name").GetString().Should().Be("New");
    }

    [Test]
    public void UpdateMember_OfAnotherMemberWithAMembersToken_Answers102()
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");
        var john = _gateway.Seed("john@example.com", "John Roe", "7");
        var body = new JsonObject { ["id"] = john.Id, ["input"] = new JsonObject { ["name"] = "Hijacked" } };

        var error = GatewayFixture.Error(_gateway.Post(Update, body, "Bearer " + _gateway.Token(jane.Id)));
        var self = _gateway.Post(Update, new JsonObject { ["input"] = new JsonObject { ["name"] = "Jane D." } }, "Bearer " + _gateway.Token(jane.Id));

        error.GetProperty("code").GetString().Should().Be("102");
        GatewayFixture.Data(self).GetProperty("updateMember").GetProperty("name").GetString().Should().Be("Jane D.");
    }

    [Test]
    public void DeleteMember_RemovesTheMember_SoTheirNextSignInCreatesANewOne()
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var deleted = GatewayFixture.Data(_gateway.Bot(Delete, new JsonObject { ["id"] = jane.Id }));
        var again = _gateway.Bot(Delete, new JsonObject { ["id"] = jane.Id });
        var lookup = _gateway.Bot("query M($id: ID) { member(id: $id) { id } }", new JsonObject { ["id"] = jane.Id });

        deleted.GetProperty("deleteMember").GetProperty("status").GetString().Should().Be("succeeded");
        GatewayAnswers.Only(again, 200, "110").Should().Be("[deleteMember] Member not found: no member has this id.");
        GatewayFixture.Error(lookup).GetProperty("code").GetString().Should().Be("110");
        _gateway.SignIn(Issuers.Jane()).StatusCode.Should().Be(302);
        _gateway.Simulator.Community.FindByExternalId("42")!.Id.Should().NotBe(jane.Id);
    }

    [Test]
    public void DeleteMember_SignsOutTheirSession_WithAPageNotAnError()
    {
        var session = SimulatorResponses.Session(_gateway.SignIn(Issuers.Jane()));
        var jane = _gateway.Simulator.Community.FindByExternalId("42")!;

        GatewayFixture.Data(_gateway.Bot(Delete, new JsonObject { ["id"] = jane.Id }));
        var page = _gateway.Simulator.Handle("GET", "/answers", session);

        page.StatusCode.Should().Be(200);
        SimulatorResponses.Text(page, "signed-out").Should().Be("You are not signed in. Log in or sign up on the partner's site to take part.");
    }

    [Test]
    public void UpdateMember_ClearingTheExternalIdOfASignedInMember_ShowsNoneOnTheirPage()
    {
        var session = SimulatorResponses.Session(_gateway.SignIn(Issuers.Jane()));
        var jane = _gateway.Simulator.Community.FindByExternalId("42")!;

        GatewayFixture.Data(_gateway.Bot(Update, new JsonObject { ["id"] = jane.Id, ["input"] = new JsonObject { ["externalId"] = null } }));
        var page = _gateway.Simulator.Handle("GET", "/answers", session);

        SimulatorResponses.Text(page, "name").Should().Be("Jane Doe");
        SimulatorResponses.Text(page, "external-id").Should().Be("(none)");
    }

    [Test]
    public void DeleteMember_WithAMembersToken_Answers102()
    {
        var jane = _gateway.Seed("jane@example.com", "Jane Doe", "42");

        var error = GatewayFixture.Error(_gateway.Post(Delete, new JsonObject { ["id"] = jane.Id }, "Bearer " + _gateway.Token(jane.Id)));

        error.GetProperty("code").GetString().Should().Be("102");
        _gateway.Simulator.Community.FindByEmail("jane@example.com").Should().NotBeNull();
    }

    [Test]
    public void SignedInMember_HasAnIdTheApiAnswersTo()
    {
        _gateway.SignIn(Issuers.Jane()).StatusCode.Should().Be(302);
        var signIn = _gateway.Simulator.SignIns[0];

        var member = GatewayFixture.Data(_gateway.Bot("query M($id: ID) { member(id: $id) { externalId email } }", new JsonObject { ["id"] = signIn.Member!.Id })).GetProperty("member");

        member.GetProperty("externalId").GetString().Should().Be("42");
        member.GetProperty("email").GetString().Should().Be("jane@example.com");
        member.ValueKind.Should().Be(JsonValueKind.Object);
    }
}
