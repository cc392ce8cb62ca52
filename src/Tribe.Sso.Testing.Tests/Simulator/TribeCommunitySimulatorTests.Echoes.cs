using System;

namespace Tribe.Sso.Testing.Tests.Simulator;

// What the pages echo: HTML-encoded, and never a token.
public partial class TribeCommunitySimulatorTests
{
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
    public void Page_NeverReadsThePathAsAParameter_EvenWhenATokenNameCouldMatchIt()
    {
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions
        {
            ReaderOptions = new TribeSsoTokenReaderOptions { TimeProvider = _clock, TokenParameterName = "/secret" },
        });

        var page = simulator.Handle("GET", "/secret=abc?%2Fsecret=xyz");

        Text(page, "page").Should().Be("/secret=abc?/secret=…", "only a parameter, after the '?', carries a token");
    }
}
