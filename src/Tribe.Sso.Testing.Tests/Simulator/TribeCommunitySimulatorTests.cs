using System;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace Tribe.Sso.Testing.Tests.Simulator;

/// <summary>The simulated community as a browser sees it: SSO, pages, "Log in", "Log out" and embeds, without a server.</summary>
public class TribeCommunitySimulatorTests
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
        _simulator.Options.UrlShape = TribeCommunityUrlShape.Bettermode;

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
    public void AnonymousPage_LinksLogInAndSignUpToThePartner_WithThePageToReturnTo()
    {
        var page = _simulator.Handle("GET", "/spaces/general?tab=new");

        page.StatusCode.Should().Be(200);
        Text(page, "signed-out").Should().StartWith("You are not signed in.");
        page.Body.Should().Contain("<a id=\"log-in\" href=\"https://partner.example/community/sso?redirect=%2Fspaces%2Fgeneral%3Ftab%3Dnew\">Log in</a>");
        page.Body.Should().Contain("<a id=\"sign-up\" href=\"https://partner.example/community/sign-up?source=community&amp;redirect=%2Fspaces%2Fgeneral%3Ftab%3Dnew\">Sign up</a>");
    }

    [Test]
    public void RedirectParameter_CanBeRedirectUri()
    {
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions { AuthorizationUrl = new Uri("https://partner.example/sso"), RedirectParameterName = "redirect_uri" });

        simulator.Handle("GET", "/").Body.Should().Contain("href=\"https://partner.example/sso?redirect_uri=%2F\"");
    }

    [TestCase("next")]
    [TestCase("")]
    [TestCase("Redirect")]
    [TestCase("redirect ")]
    public void RedirectParameter_OtherThanTheTwoTribeUses_IsRefused(string name)
    {
        var act = () => new TribeCommunitySimulatorOptions { RedirectParameterName = name };

        act.Should().Throw<ArgumentException>().WithMessage("RedirectParameterName must be redirect or redirect_uri, the two names Tribe uses for the page to return to.");
    }

    [Test]
    public void PartnerUrlsWithAUnicodeHost_AreWrittenInAscii()
    {
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions
        {
            AuthorizationUrl = new Uri("https://bücher.example/sso/ü"),
            SignUpUrl = new Uri("http://BÜCHER.example:8080/sign-up?from=ü"),
            LogoutUrl = new Uri("http://bücher.example/logout"),
        });

        var page = simulator.Handle("GET", "/");
        var logOut = simulator.Handle("GET", "/auth/logout");

        page.Body.Should().Contain("<a id=\"log-in\" href=\"https://xn--bcher-kva.example/sso/%C3%BC?redirect=%2F\">")
            .And.Contain("<a id=\"sign-up\" href=\"http://xn--bcher-kva.example:8080/sign-up?from=%C3%BC&amp;redirect=%2F\">");
        logOut.StatusCode.Should().Be(302);
        logOut.GetHeader("Location").Should().Be("http://xn--bcher-kva.example/logout");
    }

    [TestCase("https://partner.example/sso?", "https://partner.example/sso?redirect=%2F")]
    [TestCase("https://partner.example/sso?a=1&", "https://partner.example/sso?a=1&amp;redirect=%2F")]
    [TestCase("http://[::1]:5080/sso", "http://[::1]:5080/sso?redirect=%2F")]
    public void PartnerUrlWithAQuery_GetsThePageToReturnToAfterIt(string url, string href)
    {
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions { AuthorizationUrl = new Uri(url) });

        simulator.Handle("GET", "/").Body.Should().Contain("<a id=\"log-in\" href=\"" + href + "\">");
    }

    [TestCase("AuthorizationUrl", "https://partner.example/sso#top", "AuthorizationUrl must not carry user info or a fragment*")]
    [TestCase("SignUpUrl", "https://partner.example/sign-up#", "SignUpUrl must not carry user info or a fragment*")]
    [TestCase("LogoutUrl", "https://user:secret@partner.example/logout", "LogoutUrl must not carry user info or a fragment*")]
    [TestCase("AuthorizationUrl", "javascript:alert(1)", "AuthorizationUrl must be an absolute http or https URL*")]
    [TestCase("LogoutUrl", "ftp://partner.example/logout", "LogoutUrl must be an absolute http or https URL*")]
    [TestCase("SignUpUrl", "/sign-up", "SignUpUrl must be an absolute http or https URL*")]
    public void PartnerUrl_ThatABrowserCannotBeSentToAsIs_IsRefusedNamingTheOption(string option, string url, string message)
    {
        var options = new TribeCommunitySimulatorOptions();
        var uri = new Uri(url, UriKind.RelativeOrAbsolute);
        Action act = option switch
        {
            "AuthorizationUrl" => () => options.AuthorizationUrl = uri,
            "SignUpUrl" => () => options.SignUpUrl = uri,
            _ => () => options.LogoutUrl = uri,
        };

        act.Should().Throw<ArgumentException>().WithMessage(message).Which.Message.Should().NotContain("secret");
        options.AuthorizationUrl.Should().BeNull();
        options.SignUpUrl.Should().BeNull();
        options.LogoutUrl.Should().BeNull();
    }

    [Test]
    public void WithoutPartnerUrls_TheLinksSaySo()
    {
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary));

        var page = simulator.Handle("GET", "/");

        Text(page, "log-in").Should().Be("Log in (no URL set)");
        Text(page, "sign-up").Should().Be("Sign up (no URL set)");
        simulator.Handle("GET", "/auth/logout").GetHeader("Location").Should().Be("/");
    }

    [Test]
    public void LogOut_EndsTheCommunitySession_AndSendsTheBrowserToThePartnersLogoutUrl()
    {
        var session = Session(Get(_issuer.CreateLoginUrl(Issuers.Jane())));

        var response = _simulator.Handle("GET", "/auth/logout", session);

        response.StatusCode.Should().Be(302);
        response.GetHeader("Location").Should().Be("https://partner.example/community/logout");
        response.GetHeader("Set-Cookie").Should().Be("tribe_sim_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0");
        Text(_simulator.Handle("GET", "/", session), "signed-out").Should().NotBeEmpty("the session is gone even if the browser replays the cookie");
    }

    [Test]
    public void EmbedPage_ShowsTheSignedInMember_AndTheEmbedOptions()
    {
        var session = Session(Get(_issuer.CreateLoginUrl(Issuers.Jane(), "/embed/space/whats-new?readonly=false&header=true&composer=true&about=true")));

        var embed = _simulator.Handle("GET", "/embed/space/whats-new?readonly=false&header=true&composer=true&about=true", session);

        embed.StatusCode.Should().Be(200);
        Text(embed, "embed-name").Should().Be("Jane Doe");
        Text(embed, "embed-email").Should().Be("jane@example.com");
        Text(embed, "embed-page").Should().Be("space whats-new");
        Text(embed, "embed-options").Should().Be("readonly=false, header=true, composer=true, about=true");
        Text(embed, "embed-header").Should().Be("Simulated community");
        Text(embed, "embed-about").Should().StartWith("About:");
        Text(embed, "embed-composer").Should().Be("Write something, Jane Doe…");
    }

    [Test]
    public void EmbedOptions_ChangeThePage()
    {
        var session = Session(Get(_issuer.CreateLoginUrl(Issuers.Jane())));

        var embed = _simulator.Handle("GET", "/embed/space/whats-new?readonly=true&header=false&composer=true", session);

        embed.Body.Should().NotContain("id=\"embed-header\"").And.NotContain("id=\"embed-composer\"", "a read-only space has no composer").And.NotContain("id=\"embed-about\"");
        Text(embed, "embed-name").Should().Be("Jane Doe");
    }

    [TestCase("/embed", "the whole community")]
    [TestCase("/embed/post/7YLkAXyezVhHloA", "post 7YLkAXyezVhHloA")]
    public void EmbedPage_NamesWhatIsEmbedded(string path, string what)
        => Text(_simulator.Handle("GET", path), "embed-page").Should().Be(what);

    [Test]
    public void AnonymousEmbed_OffersLogInInTheTopWindow()
    {
        var embed = _simulator.Handle("GET", "/embed/space/whats-new");

        Text(embed, "embed-signed-out").Should().StartWith("Not signed in.");
        embed.Body.Should().Contain("<a id=\"embed-log-in\" href=\"https://partner.example/community/sso?redirect=%2Fembed%2Fspace%2Fwhats-new\" target=\"_top\">Log in</a>");
    }

    [Test]
    public void BasePath_PrefixesRedirectsLinksAndTheCookie_AndOtherAddressesAre404()
    {
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions { BasePath = "/community-sim", ReaderOptions = new TribeSsoTokenReaderOptions { TimeProvider = _clock } });
        var link = Issuers.WithClock(_clock, Options("http://127.0.0.1:5080/community-sim")).CreateLoginUrl(Issuers.Jane(), "/answers");

        var response = simulator.Handle("GET", link.ToUri().PathAndQuery);

        response.GetHeader("Location").Should().Be("/community-sim/answers");
        response.GetHeader("Set-Cookie").Should().Contain("; Path=/community-sim;");
        simulator.Handle("GET", "/community-sim", Session(response)).Body.Should().Contain("<a id=\"log-out\" href=\"/community-sim/auth/logout\">");
        simulator.Handle("GET", "/answers").StatusCode.Should().Be(404);
        simulator.Handle("GET", "/community-simulator").StatusCode.Should().Be(404);
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
    public void EverythingEchoed_IsHtmlEncoded()
    {
        var evil = TribeSsoUser.Create("<i>1</i>", "<script>alert(1)</script>", "x@example.com").WithRole(TribeRole.Member).Build();
        var session = Session(Get(_issuer.CreateLoginUrl(evil)));

        var page = _simulator.Handle("GET", "/search%3Cscript%3E?q=%22%3E%3Cimg%20src=x%3E", session);
        var embed = _simulator.Handle("GET", "/embed/space/%3Cb%3E?x=%3Cscript%3E", session);

        page.Body.Should().NotContain("<script>alert").And.NotContain("<i>1").And.NotContain("<img").And.NotContain("<script>?");
        page.Body.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;").And.Contain("/search&lt;script&gt;");
        embed.Body.Should().NotContain("<b>").And.NotContain("=<script>").And.Contain("space &lt;b&gt;").And.Contain("x=&lt;script&gt;");
    }

    [Test]
    public void Pages_NeverShowTheToken()
    {
        var link = _issuer.CreateLoginUrl(Issuers.Jane(), "/answers");
        var token = _issuer.CreateToken(Issuers.Jane());
        var other = Issuers.WithClock(_clock, Issuers.Options(TestKeys.Other)).CreateLoginUrl(Issuers.Jane());

        var bodies = new[] { Get(link).Body, Get(other).Body, _simulator.Handle("GET", "/answers").Body, _simulator.Handle("GET", "/_simulator/sign-ins").Body };

        bodies.Should().AllSatisfy(b => b.Should().NotContain("eyJ").And.NotContain(token.Split('.')[2]));
    }

    [TestCase("/auth/sso/?jwt=")]
    [TestCase("/Auth/SSO?jwt=")]
    [TestCase("/API/AUTH/SSO?jwt=")]
    [TestCase("/api/auth/sso/?redirect_uri=%2Fanswers&jwt=")]
    [TestCase("/auth/ssox?jwt=")]
    [TestCase("/auth/Logout?jwt=")]
    [TestCase("/auth%2Fsso?jwt=")]
    [TestCase("/api?jwt=")]
    public void MistypedSsoAddress_Is404_WithoutEchoingTheToken(string address)
    {
        var token = _issuer.CreateToken(Issuers.Jane());

        var response = _simulator.Handle("GET", address + token);

        response.StatusCode.Should().Be(404);
        Text(response, "no-such-sso-address").Should().Be("no such SSO address; this community has the tribe URL shape: /auth/sso?jwt=…&redirect=… (/api/auth/sso with redirect_uri is the bettermode shape)");
        response.Body.Should().NotContain(token.Split('.')[2]).And.NotContain("eyJ");
        _simulator.SignIns.Should().BeEmpty();
    }

    [Test]
    public void Page_MasksEveryTokenParameter_InTheHeadingAndThePageToReturnTo()
    {
        var token = _issuer.CreateToken(Issuers.Jane());

        var page = _simulator.Handle("GET", "/spaces/general?JWT=" + token + "&tab=new&ssoToken=" + token + "&Token=" + token + "&j%77t=" + token);

        page.StatusCode.Should().Be(200);
        Text(page, "page").Should().Be("/spaces/general?JWT=…&tab=new&ssoToken=…&Token=…&j%77t=…".Replace("%77", "w"));
        page.Body.Should().Contain("<a id=\"log-in\" href=\"https://partner.example/community/sso?redirect=%2Fspaces%2Fgeneral%3FJWT%3D%25E2%2580%25A6%26tab%3Dnew%26ssoToken%3D%25E2%2580%25A6%26Token%3D%25E2%2580%25A6%26j%2577t%3D%25E2%2580%25A6\">");
        page.Body.Should().NotContain(token.Split('.')[2]).And.NotContain("eyJ");
    }

    [Test]
    public void Page_MasksTheConfiguredTokenParameter_AndEmbedsMaskTokensToo()
    {
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions
        {
            AuthorizationUrl = new Uri("https://partner.example/sso"),
            ReaderOptions = new TribeSsoTokenReaderOptions { TimeProvider = _clock, TokenParameterName = "sso_jwt" },
        });
        var token = _issuer.CreateToken(Issuers.Jane());

        var page = simulator.Handle("GET", "/answers?SSO_JWT=" + token);
        var embed = simulator.Handle("GET", "/embed/space/x?readonly=true&jwt=" + token);

        Text(page, "page").Should().Be("/answers?SSO_JWT=…");
        Text(embed, "embed-options").Should().Be("readonly=true, jwt=…");
        new[] { page.Body, embed.Body }.Should().AllSatisfy(b => b.Should().NotContain(token.Split('.')[2]).And.NotContain("eyJ"));
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

    [TestCase("POST", "/")]
    [TestCase("PUT", "/auth/sso")]
    [TestCase("DELETE", "/spaces/general")]
    public void OtherMethodsOnPages_Are405(string method, string path)
        => _simulator.Handle(method, path).StatusCode.Should().Be(405);

    [TestCase("/community-sim/")]
    [TestCase("community")]
    [TestCase("/community?x")]
    [TestCase("/community#x")]
    public void BadBasePath_IsRefused(string basePath)
    {
        var act = () => new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions { BasePath = basePath });

        act.Should().Throw<ArgumentException>().WithMessage("BasePath must be empty or a path without a trailing '/', such as /community-sim.*");
    }

    [TestCase("", "/spaces/general")]
    [TestCase("/community-sim", "/community-sim/spaces/general")]
    [TestCase("/a/b", "/a/b/spaces/general")]
    public void GoodBasePath_ServesPagesUnderIt(string basePath, string address)
    {
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions { BasePath = basePath });

        var page = simulator.Handle("GET", address);

        page.StatusCode.Should().Be(200);
        Text(page, "page").Should().Be("/spaces/general");
    }

    private static TribeSsoOptions Options(string community)
    {
        var options = Issuers.Options();
        options.CommunityUrl = new Uri(community);
        return options;
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
