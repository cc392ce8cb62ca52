using System;
using System.Linq;
using System.Text.Json;
using CsCheck;

namespace Tribe.Sso.Testing.Tests.Simulator;

/// <summary>The simulator's JSON API (docs/cli.md#tribe-sso-community), for test suites in any language, and its robustness.</summary>
public partial class SimulatorApiTests
{
    private TribeCommunitySimulator _simulator = null!;
    private TribeSsoIssuer _issuer = null!;

    [SetUp]
    public void SetUp()
    {
        var clock = TestClock.Create();
        _issuer = Issuers.WithClock(clock);
        _simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions { ReaderOptions = new TribeSsoTokenReaderOptions { TimeProvider = clock } });
    }

    [Test]
    public void SeededMember_IsListed_AndLinkedAtTheFirstSignIn()
    {
        var created = _simulator.Handle("POST", "/_simulator/members", body: """{"email":"JANE@example.com","name":"Jane (registered)"}""");

        created.StatusCode.Should().Be(201);
        created.GetHeader("Content-Type").Should().Be("application/json; charset=utf-8");
        Json(created).GetProperty("id").GetString().Should().MatchRegex("^[0-9a-f]{24}$").And.Be(_simulator.Community.Members.Single().Id);
        Json(created).GetProperty("name").GetString().Should().Be("Jane (registered)");
        Json(created).GetProperty("externalId").ValueKind.Should().Be(JsonValueKind.Null);
        _simulator.Handle("GET", _issuer.CreateLoginUrl(Issuers.Jane()).ToUri().PathAndQuery).StatusCode.Should().Be(302);

        var members = Json(_simulator.Handle("GET", "/_simulator/members"));

        members.GetArrayLength().Should().Be(1);
        members[0].GetProperty("id").GetString().Should().Be(Json(created).GetProperty("id").GetString());
        members[0].GetProperty("name").GetString().Should().Be("Jane Doe", "the sign-in updates the name");
        members[0].GetProperty("externalId").GetString().Should().Be("42");
        members[0].GetProperty("email").GetString().Should().Be("jane@example.com");
        members[0].GetProperty("role").GetString().Should().Be("member");
        members[0].GetProperty("groups").GetArrayLength().Should().Be(0);
    }

    [Test]
    public void SignIns_ListEachAttempt_WithOutcomeMemberRedirectAndFindings_NeverTheToken()
    {
        _simulator.Handle("GET", _issuer.CreateLoginUrl(Issuers.Jane(), "/answers").ToUri().PathAndQuery);
        _simulator.Handle("GET", "/auth/sso?jwt=not-a-token");

        var response = _simulator.Handle("GET", "/_simulator/sign-ins");
        var signIns = Json(response);

        signIns.GetArrayLength().Should().Be(2);
        signIns[0].GetProperty("outcome").GetString().Should().Be("created");
        signIns[0].GetProperty("memberId").GetString().Should().MatchRegex("^[0-9a-f]{24}$");
        signIns[0].GetProperty("redirect").GetString().Should().Be("/answers");
        signIns[1].GetProperty("outcome").GetString().Should().Be("rejected");
        signIns[1].GetProperty("memberId").ValueKind.Should().Be(JsonValueKind.Null);
        signIns[1].GetProperty("findings")[0].GetProperty("severity").GetString().Should().Be("rejected");
        signIns[1].GetProperty("findings")[0].GetProperty("code").GetString().Should().Be("Malformed");
        signIns[1].GetProperty("findings")[0].GetProperty("claim").ValueKind.Should().Be(JsonValueKind.Null);
        signIns[1].GetProperty("findings")[0].GetProperty("message").GetString().Should().Be("not a JWT: 1 segment; a signed JWT has 3 (header.payload.signature)");
        response.Body.Should().NotContain("eyJ");
    }

    [Test]
    public void Delete_ResetsMembersSessionsAndSignIns()
    {
        var signIn = _simulator.Handle("GET", _issuer.CreateLoginUrl(Issuers.Jane()).ToUri().PathAndQuery);
        var session = signIn.GetHeader("Set-Cookie")!.Split(';')[0].Split('=')[1];
        var jane = _simulator.Community.Members.Single().Id;

        _simulator.Handle("DELETE", "/_simulator").StatusCode.Should().Be(204);

        _simulator.Community.Members.Should().BeEmpty();
        _simulator.SignIns.Should().BeEmpty();
        Json(_simulator.Handle("GET", "/_simulator/members")).GetArrayLength().Should().Be(0);
        _simulator.Handle("GET", "/", session).Body.Should().Contain("id=\"signed-out\"");

        var sam = Json(_simulator.Handle("POST", "/_simulator/members", body: """{"email":"sam@example.com","name":"Sam"}""")).GetProperty("id").GetString();
        sam.Should().Be(jane, "a new community numbers its members from the start again");
        _simulator.Handle("GET", "/", session).Body.Should().Contain("id=\"signed-out\"", "a session from before the reset signs nobody in, not the member who now has that id");
    }

    [TestCase("", 400, "the body is not JSON*")]
    [TestCase("[]", 400, "the body must be a JSON object*")]
    [TestCase("""{"email":"a@example.com"}""", 400, "email and name are required strings")]
    [TestCase("""{"email":42,"name":"A"}""", 400, "email and name are required strings")]
    [TestCase("""{"email":"\ud800@x.com","name":"a"}""", 400, "a string holds a lone UTF-16 surrogate*")]
    [TestCase("""{"email":"a@x.com","name":"\udfff"}""", 400, "a string holds a lone UTF-16 surrogate*")]
    [TestCase("""{"email":"a@x.com","name":"a","externalId":"x\ud83d"}""", 400, "a string holds a lone UTF-16 surrogate*")]
    public void BadMember_Is400WithTheFix(string body, int status, string error)
    {
        var response = _simulator.Handle("POST", "/_simulator/members", body: body);

        response.StatusCode.Should().Be(status);
        Json(response).GetProperty("error").GetString().Should().Match(error);
        _simulator.Community.Members.Should().BeEmpty();
    }

    [Test]
    public void LoneSurrogateInTheBodyText_Is400()
    {
        var response = _simulator.Handle("POST", "/_simulator/members", body: "{\"email\":\"a@x.com\",\"name\":\"\ud800\"}");

        response.StatusCode.Should().Be(400);
        Json(response).GetProperty("error").GetString().Should().NotBeEmpty();
        _simulator.Community.Members.Should().BeEmpty();
    }

    [TestCase("""{"email":"notanemail","name":"A"}""", "Claim 'email' is not a single address of the form local@domain*")]
    [TestCase("""{"email":"a@example.com","name":"A\u0000B"}""", "Claim 'name' (the display name) contains a control character (U+0000)*")]
    [TestCase("""{"email":"a@example.com","name":"A\u202eB"}""", "Claim 'name' contains *")]
    [TestCase("""{"email":"a@example.com","name":"A","externalId":"4\u200b2"}""", "Claim 'sub' contains *")]
    [TestCase("""{"email":"a@example.com","name":"A","externalId":""}""", "externalId, when present, must be a non-empty string: the partner's user id")]
    [TestCase("""{"email":"a@example.com","name":"A","externalId":42}""", "externalId, when present, must be a non-empty string: the partner's user id")]
    public void MemberTheSdkWouldRefuse_Is400WithTheRule_WithoutTheValue(string body, string error)
    {
        var response = _simulator.Handle("POST", "/_simulator/members", body: body);

        response.StatusCode.Should().Be(400);
        var message = Json(response).GetProperty("error").GetString();
        message.Should().Match(error);
        message.Should().NotContain("notanemail").And.NotContain("A\u0000B").And.NotContain("A\u202eB");
        _simulator.Community.Members.Should().BeEmpty();
    }

    [Test]
    public void MemberWithNullExternalId_IsAddedWithoutOne()
    {
        var response = _simulator.Handle("POST", "/_simulator/members", body: """{"email":"a@example.com","name":"A","externalId":null}""");

        response.StatusCode.Should().Be(201);
        _simulator.Community.Members.Single().ExternalId.Should().BeNull();
    }

    [Test]
    public void TakenEmailOrExternalId_Is409()
    {
        _simulator.Handle("POST", "/_simulator/members", body: """{"email":"a@example.com","name":"A","externalId":"1"}""");

        var takenEmail = _simulator.Handle("POST", "/_simulator/members", body: """{"email":"A@example.com","name":"B"}""");
        var takenExternalId = _simulator.Handle("POST", "/_simulator/members", body: """{"email":"b@example.com","name":"B","externalId":"1"}""");

        new[] { takenEmail, takenExternalId }.Should().AllSatisfy(r =>
        {
            r.StatusCode.Should().Be(409);
            Json(r).GetProperty("error").GetString().Should().Be("a member with this email or externalId already exists");
        });
        _simulator.Community.Members.Should().ContainSingle();
    }

    [TestCase("PUT", "/_simulator/members", 405, "this address does not answer PUT")]
    [TestCase("GET", "/_simulator", 405, "this address does not answer GET")]
    [TestCase("POST", "/_simulator/sign-ins", 405, "this address does not answer POST")]
    [TestCase("DELETE", "/_simulator/webhooks", 405, "this address does not answer DELETE")]
    [TestCase("GET", "/_simulator/nothing", 404, "no such address; the API has GET and POST /_simulator/members, GET /_simulator/sign-ins, GET /_simulator/webhooks and DELETE /_simulator")]
    public void OtherApiRequests_AreAnsweredInJson(string method, string path, int status, string error)
    {
        var response = _simulator.Handle(method, path);

        response.StatusCode.Should().Be(status);
        response.GetHeader("Content-Type").Should().Be("application/json; charset=utf-8");
        Json(response).GetProperty("error").GetString().Should().Be(error);
    }

    [Test]
    public void AnyRequest_GetsAResponse_NeverAnException()
    {
        var text = Gen.String[Gen.Char, 0, 60];
        var pieces = Gen.OneOf(Gen.Const("/auth/sso?jwt="), Gen.Const("/api/auth/sso?redirect_uri="), Gen.Const("/embed/"), Gen.Const("/_simulator/members"), Gen.Const("%"), Gen.Const("?"), Gen.Const("#"), Gen.Const("&redirect="), text);
        var request = Gen.Select(Gen.OneOf(Gen.Const("GET"), Gen.Const("POST"), Gen.Const("DELETE"), Gen.Const("get")), pieces.Array[0, 6].Select(p => string.Concat(p)), text.Null(), text.Null());

        request.Sample((method, path, cookie, body) =>
        {
            var response = _simulator.Handle(method, path, cookie, body);
            response.StatusCode.Should().BeOneOf(200, 201, 204, 302, 400, 401, 404, 405, 409);
            response.Headers.Should().OnlyContain(h => h.Value.All(c => c >= 0x20 && c < 0x7F), "a header carries printable ASCII only");
        }, iter: 3000);
    }

    [Test]
    public void AnyMemberBody_GetsAJsonAnswer_NeverAnException()
    {
        var hostile = Gen.OneOf(
            Gen.Const("\\ud800"), Gen.Const("\\udfff"), Gen.Const("\\ud83d\\ude00"), Gen.Const("\\u0000"), Gen.Const("\\u202e"), Gen.Const("\\"),
            Gen.Const("\ud800"), Gen.Const("\udc00"), Gen.Const("\0"), Gen.Const("@"), Gen.Const("\""), Gen.Const("{"), Gen.Const("["), Gen.Const("1e999"),
            Gen.String[Gen.Char, 0, 20]);
        var text = hostile.Array[0, 5].Select(p => string.Concat(p));
        var value = Gen.OneOf(text.Select(t => "\"" + t + "\""), Gen.Const("null"), Gen.Const("42"), Gen.Const("[]"), Gen.Const("{}"), text);
        var body = Gen.OneOf(
            Gen.Select(value, value, value, (e, n, x) => "{\"email\":" + e + ",\"name\":" + n + ",\"externalId\":" + x + "}"),
            Gen.Select(value, value, (e, n) => "{\"email\":" + e + ",\"name\":" + n + ",\"email\":" + e + "}"),
            Gen.Int[1, 200].Select(depth => new string('[', depth) + new string(']', depth)),
            text);

        body.Sample(b =>
        {
            var response = _simulator.Handle("POST", "/_simulator/members", body: b);
            response.StatusCode.Should().BeOneOf(201, 400, 409);
            Json(response).ValueKind.Should().Be(JsonValueKind.Object);
        }, iter: 3000);
    }

    private static JsonElement Json(TribeCommunitySimulatorResponse response) => JsonDocument.Parse(response.Body).RootElement.Clone();
}
