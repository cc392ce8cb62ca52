using System;

namespace Tribe.Sso.Tests.Links;

/// <summary>docs/protocol.md#links: every natural way of turning the link into text gives the exact ASCII link.</summary>
public class TribeSsoLinkTests
{
    private const string CafeSuffix = "&redirect=/caf%C3%A9";

    [Test]
    public void EveryTextForm_OfALinkToCafe_IsTheExactEscapedLink()
    {
        var link = Issuers.AtFixedClock().CreateLoginUrl(Issuers.Jane(), "/café");
        var expected = "https://community.example.com/auth/sso?jwt=" + GoldenVectors.MinimalToken + CafeSuffix;

        link.AbsoluteUri.Should().Be(expected);
        link.ToString().Should().Be(expected);
        $"{link}".Should().Be(expected);
        string.Concat("", link).Should().Be(expected);
        string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0}", link).Should().Be(expected);
    }

    [Test]
    public void ToUri_ReadsTheSameLink_ButUriToStringUnescapes_WhichIsWhyTheLinkIsNotAUri()
    {
        var link = Issuers.AtFixedClock().CreateLoginUrl(Issuers.Jane(), "/café");

        var uri = link.ToUri();

        uri.IsAbsoluteUri.Should().BeTrue();
        uri.AbsoluteUri.Should().Be(link.AbsoluteUri);
        uri.ToString().Should().EndWith("&redirect=/café", "System.Uri.ToString() unescapes, the trap TribeSsoLink avoids");
        link.ToString().Should().EndWith(CafeSuffix);
    }

    [Test]
    public void Equality_IsByExactText()
    {
        var issuer = Issuers.AtFixedClock();
        var first = issuer.CreateLoginUrl(Issuers.Jane(), "/answers");
        var same = issuer.CreateLoginUrl(Issuers.Jane(), "/answers");
        var other = issuer.CreateLoginUrl(Issuers.Jane(), "/Answers");

        first.Should().NotBeSameAs(same);
        (first == same).Should().BeTrue();
        first.Equals(same).Should().BeTrue();
        first.Equals((object)same).Should().BeTrue();
        first.GetHashCode().Should().Be(same.GetHashCode());
        (first != other).Should().BeTrue();
        first.Equals(other).Should().BeFalse("paths are case-sensitive, so the comparison is ordinal");
        first.Equals((object)first.AbsoluteUri).Should().BeFalse("a link is not equal to a string");
        (first == null).Should().BeFalse();
        (null == first).Should().BeFalse();
        ((TribeSsoLink?)null == null).Should().BeTrue();
    }

    [Test]
    public void Link_IsPrintableAscii_ForAnyAcceptedTarget()
    {
        var options = Issuers.Options();
        options.CommunityUrl = new Uri("https://bücher.example/fórum");

        var link = Issuers.AtFixedClock(options).CreateLoginUrl(Issuers.Jane(), "/漢字?q=😀#ü");

        link.AbsoluteUri.Should().MatchRegex("^[\\x21-\\x7E]+$");
        link.AbsoluteUri.Should().StartWith("https://xn--bcher-kva.example/f%C3%B3rum/auth/sso?jwt=")
            .And.EndWith("&redirect=/%E6%BC%A2%E5%AD%97%3Fq%3D%F0%9F%98%80%23%C3%BC");
    }
}
