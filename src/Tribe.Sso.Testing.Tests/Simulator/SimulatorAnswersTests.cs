using System;
using System.Linq;
using Microsoft.Extensions.Time.Testing;
using static Tribe.Sso.Testing.Tests.Simulator.SimulatorResponses;

namespace Tribe.Sso.Testing.Tests.Simulator;

/// <summary>
/// The simulated community's exact answers: status, headers and the words of each page, for sign-in, refusal, conflict,
/// logout, pages, embeds, the base path and the methods it does not serve.
/// </summary>
public partial class SimulatorAnswersTests
{
    private FakeTimeProvider _clock = null!;
    private TribeSsoIssuer _issuer = null!;
    private TribeCommunitySimulator _simulator = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = TestClock.Create();
        _issuer = Issuers.WithClock(_clock);
        _simulator = Simulator(new TribeCommunitySimulatorOptions { AuthorizationUrl = new Uri("https://partner.example/sso") });
    }

    [Test]
    public void SignIn_Answers302_WithExactlyTheseHeaders_AndNoBody()
    {
        var response = SignIn(_simulator, Issuers.Jane(), "/answers");

        response.StatusCode.Should().Be(302);
        response.Body.Should().BeEmpty();
        response.Headers.Select(h => h.Key).Should().Equal("Content-Type", "Cache-Control", "Location", "Set-Cookie", "Referrer-Policy");
        response.GetHeader("Content-Type").Should().Be("text/html; charset=utf-8");
        response.ToString().Should().Be("302 Location: /answers");
    }

    [Test]
    public void SignIn_UnderABasePath_SetsTheCookieOnThatPath_AndLogOutClearsItThere()
    {
        var simulator = Simulator(new TribeCommunitySimulatorOptions { BasePath = "/community-sim" });

        var signIn = simulator.Handle("GET", "/community-sim/auth/sso?jwt=" + _issuer.CreateToken(Issuers.Jane()));
        var logOut = simulator.Handle("GET", "/community-sim/auth/logout", Session(signIn));

        signIn.GetHeader("Set-Cookie").Should().MatchRegex("^tribe_sim_session=[0-9a-f]{32}; Path=/community-sim; HttpOnly; SameSite=Lax$");
        signIn.GetHeader("Location").Should().Be("/community-sim/");
        logOut.GetHeader("Set-Cookie").Should().Be("tribe_sim_session=; Path=/community-sim; HttpOnly; SameSite=Lax; Max-Age=0");
        logOut.GetHeader("Location").Should().Be("/community-sim/", "without a Logout URL the member lands on the community's home page");
    }

    [Test]
    public void LogOut_EndsOnlyThatSession()
    {
        var first = Session(SignIn(_simulator, Issuers.Jane()));
        var second = Session(SignIn(_simulator, Issuers.Jane()));

        _simulator.Handle("GET", "/auth/logout", first).StatusCode.Should().Be(302);

        _simulator.Handle("GET", "/answers", first).Body.Should().Contain("id=\"signed-out\"");
        Text(_simulator.Handle("GET", "/answers", second), "name").Should().Be("Jane Doe");
    }

    [TestCase(null)]
    [TestCase("0123456789abcdef0123456789abcdef")]
    public void LogOut_WithoutAKnownSession_StillClearsTheCookieAndRedirects(string? cookie)
    {
        var response = _simulator.Handle("GET", "/auth/logout", cookie);

        response.StatusCode.Should().Be(302);
        response.Body.Should().BeEmpty();
        response.Headers.Select(h => h.Key).Should().Equal("Content-Type", "Cache-Control", "Location", "Set-Cookie");
        response.GetHeader("Content-Type").Should().Be("text/html; charset=utf-8");
        response.GetHeader("Location").Should().Be("/");
        response.GetHeader("Set-Cookie").Should().Be("tribe_sim_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
    }

    [Test]
    public void Rejected_Is401_WithTheOutcomeTheRejectionEveryFindingAndTheLogInLinkBackHome()
    {
        var response = _simulator.Handle("GET", "/auth/sso?jwt=" + Issuers.WithClock(_clock, Issuers.Options(TestKeys.Other)).CreateToken(Issuers.Jane()) + "&redirect=%2Fanswers");

        response.StatusCode.Should().Be(401);
        response.Headers.Select(h => h.Key).Should().Equal("Content-Type", "Cache-Control");
        response.Body.Should().Contain("<h1>Sign-in refused</h1><p class=\"refused\">Outcome: <b id=\"outcome\">Rejected</b>. The community refused the token: <span id=\"rejection\">"
            + "bad signature: signed with another key or the key has surrounding whitespace, or the token was altered</span>.</p><h2>What the reader found</h2><ul id=\"findings\">"
            + "<li>Rejected SignatureInvalid: bad signature: signed with another key or the key has surrounding whitespace, or the token was altered</li></ul>");
        Href(response, "log-in").Should().Be("https://partner.example/sso?redirect=%2F");
    }

    [Test]
    public void Rejected_ListsEveryFinding_InTheReadersOrder()
    {
        var token = Reading.Tokens.Sign("{\"sub\":\"42\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\",\"iat\":" + TestClock.UnixSeconds + ",\"role\":\"owner\",\"zz\":1}");

        var response = _simulator.Handle("GET", "/auth/sso?jwt=" + token);

        response.StatusCode.Should().Be(401);
        response.Body.Should().Contain("<ul id=\"findings\"><li>Rejected RoleInvalid: role &#39;owner&#39; is not member, moderator or admin</li>"
            + "<li>Ignored UnknownClaim: claim &#39;zz&#39; is not a Tribe SSO claim; the community ignores it</li>"
            + "<li>Warning NoExpiry: no exp: valid forever (anyone who sees the link can sign in as this user at any time)</li></ul>");
    }

    [Test]
    public void Conflict_Is409_WithTheReasonAndTheFix_AndNoSession()
    {
        var other = _simulator.Community.AddMember("jane@example.com", "Jane (other account)", externalId: "99");

        var response = SignIn(_simulator, Issuers.Jane());

        response.StatusCode.Should().Be(409);
        response.GetHeader("Set-Cookie").Should().BeNull();
        response.Body.Should().Contain("<h1>Sign-in conflict</h1><p class=\"refused\">Outcome: <b id=\"outcome\">Conflict</b>. <span id=\"conflict-reason\">the user with this email ("
            + other.Id + ") already has a different externalId; update that user&#39;s externalId or email through the API</span>. Tribe answers with a conflict error and signs nobody in; fix it with the API's \"Update a Specific User\".</p>");
        Href(response, "log-in").Should().Be("https://partner.example/sso?redirect=%2F");
    }

    [Test]
    public void MemberPage_ShowsHowTheSignInWent_TheRoleAndTheGroups()
    {
        _simulator.Community.AddMember("jane@example.com", "Jane Doe");
        var user = TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").WithRole(TribeRole.Moderator)
            .ReplaceGroups(TribeGroup.Joined("g-help"), TribeGroup.Unapproved("g-vip", TribeGroupRole.Admin)).Build();

        var page = _simulator.Handle("GET", "/answers", Session(SignIn(_simulator, user)));

        Text(page, "outcome").Should().Be("Linked");
        Text(page, "signed-in").Should().Be("Signed in as Jane Doe (single sign-on: Linked).");
        Text(page, "role").Should().Be("moderator");
        Text(page, "groups").Should().Be("g-help (member, joined), g-vip (admin, unapproved)");
        page.Body.Should().Contain("<dt>Community id (_id)</dt><dd id=\"member-id\">").And.Contain("<dt>External id</dt><dd id=\"external-id\">42</dd>")
            .And.Contain("<dt>Email</dt><dd id=\"email\">jane@example.com</dd>").And.Contain("<dt>Role</dt><dd id=\"role\">moderator</dd>");
        page.Body.Should().NotContain("id=\"log-in\"").And.NotContain("id=\"sign-up\"");
    }

    [Test]
    public void MemberPage_WithoutGroups_SaysNone()
        => Text(_simulator.Handle("GET", "/answers", Session(SignIn(_simulator, Issuers.Jane()))), "groups").Should().Be("(none)");

    [Test]
    public void Page_ListsEveryMember_WithTheirIdExternalIdAndEmail()
    {
        var seeded = _simulator.Community.AddMember("sam@example.com", "Sam <Shared>");
        SignIn(_simulator, Issuers.Jane());
        var jane = _simulator.Community.FindByExternalId("42")!;

        var page = _simulator.Handle("GET", "/answers");

        page.Body.Should().Contain("<h2>Members (2)</h2><ul id=\"members\"><li>" + seeded.Id + ": Sam &lt;Shared&gt;, externalId (none), sam@example.com</li><li>"
            + jane.Id + ": Jane Doe, externalId 42, jane@example.com</li></ul>");
    }

    [Test]
    public void Page_WithAnEmptyCommunity_ListsNoMembers()
        => _simulator.Handle("GET", "/").Body.Should().Contain("<h2>Members (0)</h2><ul id=\"members\"></ul>");

    [TestCase("0123456789abcdef0123456789abcdef")]
    [TestCase("")]
    public void Page_WithAnUnknownSession_IsSignedOut(string cookie)
    {
        SignIn(_simulator, Issuers.Jane());

        var page = _simulator.Handle("GET", "/answers", cookie);

        Text(page, "signed-out").Should().Be("You are not signed in. Log in or sign up on the partner's site to take part.");
    }

    [Test]
    public void Page_NamesTheCommunity_HtmlEncoded_InTheTitleAndTheHeader()
    {
        var simulator = Simulator(new TribeCommunitySimulatorOptions { CommunityName = "Tom & Jerry's <club>" });

        var page = simulator.Handle("GET", "/");
        var embed = simulator.Handle("GET", "/embed");

        page.Body.Should().StartWith("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Tom &amp; Jerry&#39;s &lt;club&gt;</title>");
        page.Body.Should().Contain("<nav><a id=\"home\" href=\"/\"><b>Tom &amp; Jerry&#39;s &lt;club&gt;</b></a> ");
        Text(embed, "embed-header").Should().Be("Tom & Jerry's <club>");
        embed.Body.Should().Contain("<title>Tom &amp; Jerry&#39;s &lt;club&gt;</title>");
    }

    [Test]
    public void Pages_ByDefault_AreTheSimulatedCommunity()
        => new TribeCommunitySimulatorOptions().CommunityName.Should().Be("Simulated community");

    [TestCase("POST", "/spaces/general")]
    [TestCase("HEAD", "/")]
    [TestCase("POST", "/auth/logout")]
    public void PageAskedWithAnotherMethod_Is405_AllowingGet(string method, string path)
    {
        var response = _simulator.Handle(method, path);

        response.StatusCode.Should().Be(405);
        response.GetHeader("Allow").Should().Be("GET");
        response.GetHeader("Content-Type").Should().Be("text/html; charset=utf-8");
        response.Body.Should().Contain("<h1>Method not allowed</h1><p>The simulated community's pages answer GET only.</p>");
    }

    [TestCase("get", "/answers", 200)]
    [TestCase("Get", "/auth/logout", 302)]
    [TestCase("get", "/_simulator/members", 200)]
    [TestCase("delete", "/_simulator", 204)]
    public void Method_IsReadIgnoringCase(string method, string path, int status)
        => _simulator.Handle(method, path).StatusCode.Should().Be(status);

    [TestCase("/community-sim", "/")]
    [TestCase("/community-sim/", "/")]
    [TestCase("/community-sim?tab=new", "/?tab=new")]
    [TestCase("/community-sim/spaces", "/spaces")]
    public void BasePath_ItselfAndUnderIt_ServesPages(string target, string page)
    {
        var simulator = Simulator(new TribeCommunitySimulatorOptions { BasePath = "/community-sim" });

        Text(simulator.Handle("GET", target), "page").Should().Be(page);
    }

    [TestCase("/community-simx")]
    [TestCase("/community")]
    [TestCase("/")]
    public void OutsideTheBasePath_Is404(string target)
    {
        var response = Simulator(new TribeCommunitySimulatorOptions { BasePath = "/community-sim" }).Handle("GET", target);

        response.StatusCode.Should().Be(404);
        response.Body.Should().Contain("<h1>Not found</h1><p>This address is not part of the simulated community.</p>");
    }
}
