using System;
using System.Linq;

namespace Tribe.Sso.Tests.Issuing;

public class TribeSsoIssuerLoginUrlTests
{
    [Test]
    public void CreateLoginUrl_SourceDocumentShape_IsGolden()
    {
        var link = Issuers.AtFixedClock().CreateLoginUrl(Issuers.Jane(), redirectPath: "/answers");

        link.AbsoluteUri.Should().Be(GoldenVectors.JaneAnswersLink);
        link.AbsoluteUri.Should().Be("https://community.example.com/auth/sso?jwt=" + GoldenVectors.MinimalToken + "&redirect=/answers");
    }

    [Test]
    public void CreateLoginUrl_BettermodePresetWithBasePath_KeepsTheBasePathAndEncodesQueryAndFragment()
    {
        var options = Issuers.Options();
        options.CommunityUrl = new Uri("https://example.com/community/");
        options.UseBettermodeUrlShape();

        var link = Issuers.AtFixedClock(options).CreateLoginUrl(Issuers.Jane(), "/search?q=sso&tab=new#top");

        link.AbsoluteUri.Should().Be(GoldenVectors.BettermodeWithBasePathLink);
        link.AbsoluteUri.Should().EndWith("/api/auth/sso?jwt=" + GoldenVectors.MinimalToken + "&redirect_uri=/search%3Fq%3Dsso%26tab%3Dnew%23top");
        link.ToUri().Fragment.Should().BeEmpty("a fragment in the target must not become the outer URL's fragment");
    }

    [Test]
    public void CreateLoginUrl_WithoutRedirect_HasOnlyTheJwtParameter()
    {
        var link = Issuers.AtFixedClock().CreateLoginUrl(Issuers.Jane());

        link.AbsoluteUri.Should().Be("https://community.example.com/auth/sso?jwt=" + GoldenVectors.MinimalToken);
    }

    [TestCase("/", "/")]
    [TestCase("/answers", "/answers")]
    [TestCase("/a/b-c_d.e~f", "/a/b-c_d.e~f")]
    [TestCase("/search?q=a+b", "/search%3Fq%3Da%2Bb")]
    [TestCase("/posts?id=1&ref=mail", "/posts%3Fid%3D1%26ref%3Dmail")]
    [TestCase("/über", "/%C3%BCber")]
    [TestCase("/100%25", "/100%2525")]
    [TestCase("/a%2Fb", "/a%252Fb")]
    [TestCase("/page#comments", "/page%23comments")]
    public void CreateLoginUrl_AcceptedTargets_ArePercentEncodedIntoOneParameter(string target, string encoded)
    {
        var link = Issuers.AtFixedClock().CreateLoginUrl(Issuers.Jane(), target);

        link.AbsoluteUri.Should().EndWith("&redirect=" + encoded);
        var parameter = link.ToUri().Query.TrimStart('?').Split('&').Single(p => p.StartsWith("redirect=", StringComparison.Ordinal));
        Uri.UnescapeDataString(parameter["redirect=".Length..]).Should().Be(target, "the community decodes exactly the target that was passed");
    }

    [TestCase("http://localhost:3000", "http://localhost:3000/auth/sso?jwt=")]
    [TestCase("http://127.0.0.1:8080/", "http://127.0.0.1:8080/auth/sso?jwt=")]
    [TestCase("http://[::1]:5000", "http://[::1]:5000/auth/sso?jwt=")]
    [TestCase("https://example.com/a/b", "https://example.com/a/b/auth/sso?jwt=")]
    [TestCase("https://Community.Example.COM:8443", "https://community.example.com:8443/auth/sso?jwt=")]
    public void CreateLoginUrl_CommunityUrls_ComposeWithTheSsoPath(string community, string prefix)
    {
        var options = Issuers.Options();
        options.CommunityUrl = new Uri(community);

        Issuers.AtFixedClock(options).CreateLoginUrl(Issuers.Jane()).AbsoluteUri.Should().StartWith(prefix);
    }

    [Test]
    public void CreateLoginUrl_OptionsChangedAfterConstruction_DoNotAffectTheIssuer()
    {
        var options = Issuers.Options();
        var issuer = Issuers.AtFixedClock(options);
        options.CommunityUrl = new Uri("https://evil.example.net");
        options.SsoPath = "/other";

        issuer.CreateLoginUrl(Issuers.Jane()).ToUri().Host.Should().Be("community.example.com");
    }

    [TestCase("https://bücher.example", "https://xn--bcher-kva.example/auth/sso?jwt=")]
    [TestCase("https://bücher.example/forum", "https://xn--bcher-kva.example/forum/auth/sso?jwt=")]
    [TestCase("https://BÜCHER.example:8443/Forum/", "https://xn--bcher-kva.example:8443/Forum/auth/sso?jwt=")]
    [TestCase("https://example.com/fórum", "https://example.com/f%C3%B3rum/auth/sso?jwt=")]
    [TestCase("https://例え.テスト", "https://xn--r8jz45g.xn--zckzah/auth/sso?jwt=")]
    public void CreateLoginUrl_InternationalisedCommunityUrl_IsWrittenInAscii(string community, string prefix)
    {
        var options = Issuers.Options();
        options.CommunityUrl = new Uri(community);
        var issuer = Issuers.AtFixedClock(options);

        var link = issuer.CreateLoginUrl(Issuers.Jane(), "/answers");

        link.AbsoluteUri.Should().Be(prefix + GoldenVectors.MinimalToken + "&redirect=/answers");
        link.ToString().Should().Be(link.AbsoluteUri);
        link.ToUri().AbsoluteUri.Should().Be(link.AbsoluteUri, "System.Uri reads the ASCII link back unchanged");
        issuer.CommunityUrl.IdnHost.Should().Be(link.ToUri().IdnHost);
    }
}
