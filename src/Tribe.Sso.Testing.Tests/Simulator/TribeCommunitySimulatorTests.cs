using System;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace Tribe.Sso.Testing.Tests.Simulator;

/// <summary>The simulated community as a browser sees it: SSO, pages, "Log in", "Log out" and embeds, without a server.</summary>
public partial class TribeCommunitySimulatorTests
{
    private FakeTimeProvider _clock = null!;
    private TribeSsoIssuer _issuer = null!;
    private TribeCommunitySimulator _simulator = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = TestClock.Create();
        _issuer = Issuers.WithClock(_clock);
        _simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions
        {
            AuthorizationUrl = new Uri("https://partner.example/community/sso"),
            SignUpUrl = new Uri("https://partner.example/community/sign-up?source=community"),
            LogoutUrl = new Uri("https://partner.example/community/logout"),
            ReaderOptions = new TribeSsoTokenReaderOptions { TimeProvider = _clock },
        });
    }

    [Test]
    public void SsoLink_SignsTheMemberIn_AndRedirectsToTheRequestedPageWithASession()
    {
        var response = Get(_issuer.CreateLoginUrl(Issuers.Jane(), "/spaces/general"));

        response.StatusCode.Should().Be(302);
        response.GetHeader("Location").Should().Be("/spaces/general");
        response.GetHeader("Cache-Control").Should().Be("no-store");
        response.GetHeader("Referrer-Policy").Should().Be("no-referrer");
        response.GetHeader("Set-Cookie").Should().MatchRegex("^tribe_sim_session=[0-9a-f]{32}; Path=/; HttpOnly; SameSite=Lax$");

        var page = _simulator.Handle("GET", "/spaces/general", Session(response));

        page.StatusCode.Should().Be(200);
        page.GetHeader("Content-Type").Should().Be("text/html; charset=utf-8");
        Text(page, "page").Should().Be("/spaces/general");
        Text(page, "name").Should().Be("Jane Doe");
        Text(page, "outcome").Should().Be("Created");
        Text(page, "external-id").Should().Be("42");
        Text(page, "email").Should().Be("jane@example.com");
        Text(page, "member-id").Should().MatchRegex("^[0-9a-f]{24}$");
        page.Body.Should().Contain("<a id=\"log-out\" href=\"/auth/logout\">Log out</a>");
    }

    [Test]
    public void BettermodeShape_ApiAuthSsoWithRedirectUri_IsServedToo()
    {
        var options = Issuers.Options().UseBettermodeUrlShape();

        var response = Get(Issuers.WithClock(_clock, options).CreateLoginUrl(Issuers.Jane(), "/embed/space/whats-new?readonly=false&header=true"));

        response.StatusCode.Should().Be(302);
        response.GetHeader("Location").Should().Be("/embed/space/whats-new?readonly=false&header=true");
    }

    [Test]
    public void WithoutRedirect_OrWithAnUnsafeOne_TheMemberLandsOnTheHomePage()
    {
        Get(_issuer.CreateLoginUrl(Issuers.Jane())).GetHeader("Location").Should().Be("/");
        _simulator.Handle("GET", "/auth/sso?jwt=" + _issuer.CreateToken(Issuers.Jane()) + "&redirect=%2F%2Fevil.example").GetHeader("Location").Should().Be("/");
    }

    [Test]
    public void RejectedToken_IsAnswered401_WithTheReadersFindings()
    {
        var other = Issuers.WithClock(_clock, Issuers.Options(TestKeys.Other));

        var response = Get(other.CreateLoginUrl(Issuers.Jane(), "/answers"));

        response.StatusCode.Should().Be(401);
        response.GetHeader("Set-Cookie").Should().BeNull();
        Text(response, "outcome").Should().Be("Rejected");
        Text(response, "rejection").Should().Be(_simulator.SignIns.Single().Rejection!.Message);
        response.Body.Should().Contain("<li>Rejected SignatureInvalid: ");
    }

    [Test]
    public void ExpiredToken_IsAnswered401_SayingHowLongAgo()
    {
        var link = _issuer.CreateLoginUrl(Issuers.Jane());
        _clock.Advance(TimeSpan.FromMinutes(5));

        var response = Get(link);

        response.StatusCode.Should().Be(401);
        response.Body.Should().Contain("Rejected Expired: expired");
    }

    [Test]
    public void MissingToken_IsAnswered401()
    {
        var response = _simulator.Handle("GET", "/auth/sso?redirect=/answers");

        response.StatusCode.Should().Be(401);
        Text(response, "rejection").Should().Be("not a JWT: the link has no jwt query parameter");
    }

    [Test]
    public void Conflict_IsAnswered409_WithTheReason()
    {
        _simulator.Community.AddMember("jane@example.com", "Jane (other account)", externalId: "99");

        var response = Get(_issuer.CreateLoginUrl(Issuers.Jane()));

        response.StatusCode.Should().Be(409);
        Text(response, "outcome").Should().Be("Conflict");
        Text(response, "conflict-reason").Should().Contain("already has a different externalId");
    }

    [Test]
    public void ConfiguredTokenParameter_IsRead()
    {
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions { ReaderOptions = new TribeSsoTokenReaderOptions { TimeProvider = _clock, TokenParameterName = "token" } });
        var options = Issuers.Options();
        options.TokenParameterName = "token";

        simulator.Handle("GET", Issuers.WithClock(_clock, options).CreateLoginUrl(Issuers.Jane()).ToUri().PathAndQuery).StatusCode.Should().Be(302);
    }

    [Test]
    public void SignIns_KeepTheLast1000Attempts()
    {
        for (var i = 0; i < 1005; i++)
        {
            _simulator.Handle("GET", "/auth/sso?jwt=attempt" + i);
        }

        var signIns = _simulator.SignIns;

        signIns.Should().HaveCount(1000);
        signIns[0].ReadResult.Token.Should().Be("attempt5");
        signIns[999].ReadResult.Token.Should().Be("attempt1004");
    }

    private TribeCommunitySimulatorResponse Get(TribeSsoLink link) => _simulator.Handle("GET", link.ToUri().PathAndQuery);

    private static string Session(TribeCommunitySimulatorResponse response)
        => Regex.Match(response.GetHeader("Set-Cookie") ?? string.Empty, "^tribe_sim_session=([0-9a-f]+);").Groups[1].Value;

    /// <summary>The decoded text of the element with this id (the pages are simple: no nested element of the same tag).</summary>
    private static string Text(TribeCommunitySimulatorResponse response, string id)
    {
        var match = Regex.Match(response.Body, "<(\\w+) id=\"" + id + "\"[^>]*>(.*?)</\\1>", RegexOptions.Singleline);
        match.Success.Should().BeTrue("the page has an element with id " + id);
        return System.Net.WebUtility.HtmlDecode(Regex.Replace(match.Groups[2].Value, "<[^>]+>", string.Empty));
    }
}
