using System;

namespace Tribe.Sso.Testing.Tests.Simulator;

// The partner's Authorization, Sign-up and Logout URLs: how the simulated community links and redirects to them.
public partial class TribeCommunitySimulatorTests
{
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
}
