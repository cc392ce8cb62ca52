using System;
using System.Linq;
using System.Text;

namespace Tribe.Sso.Tests.Wire;

/// <summary>The one writer of URL text: parameters appended in the right place, values and Location headers in ASCII.</summary>
public class UrlTextTests
{
    [TestCase("/register", "/register?ReturnUrl=%2Fx")]
    [TestCase("/account?step=new", "/account?step=new&ReturnUrl=%2Fx")]
    [TestCase("/account?", "/account?ReturnUrl=%2Fx")]
    [TestCase("/account?a=1&", "/account?a=1&ReturnUrl=%2Fx")]
    [TestCase("/account/register#top", "/account/register?ReturnUrl=%2Fx#top")]
    [TestCase("/a?x=1#top", "/a?x=1&ReturnUrl=%2Fx#top")]
    [TestCase("/a#frag?not-a-query", "/a?ReturnUrl=%2Fx#frag?not-a-query")]
    [TestCase("https://partner.example/back", "https://partner.example/back?ReturnUrl=%2Fx")]
    [TestCase("#top", "?ReturnUrl=%2Fx#top")]
    [TestCase("?step=new", "?step=new&ReturnUrl=%2Fx")]
    public void WithQueryParameter_PutsTheParameterInTheQueryBeforeAnyFragment(string url, string expected)
        => UrlText.WithQueryParameter(url, "ReturnUrl", UrlText.EscapeValue("/x")).Should().Be(expected);

    [TestCase("/a", "/a")]
    [TestCase("/a?redirect=/x", "/a?")]
    [TestCase("/a?redirect=/x&q=1#top", "/a?q=1#top")]
    [TestCase("/a?q=1&re%64irect=/x&redirect&r=2", "/a?q=1&r=2")]
    [TestCase("/a?&q=1&&redirects=/x", "/a?&q=1&&redirects=/x")]
    [TestCase("/a#top?redirect=/x", "/a#top?redirect=/x")]
    [TestCase("#top?redirect=/x", "#top?redirect=/x")]
    [TestCase("?redirect=/x&q=1", "?q=1")]
    [TestCase("/a&redirect=/x", "/a&redirect=/x")]
    public void WithoutQueryParameter_DropsEveryParameterOfThatName_AndKeepsTheRest(string url, string expected)
        => UrlText.WithoutQueryParameter(url, "redirect").Should().Be(expected);

    [TestCase("/spaces/general", false, "%2Fspaces%2Fgeneral")]
    [TestCase("/spaces/general", true, "/spaces/general")]
    [TestCase("/search?q=a&b=c#top", true, "/search%3Fq%3Da%26b%3Dc%23top")]
    [TestCase("/caf\u00e9", true, "/caf%C3%A9")]
    [TestCase("/100%25", true, "/100%2525")]
    [TestCase("a b+c", false, "a%20b%2Bc")]
    [TestCase("-._~", false, "-._~")]
    public void EscapeValue_KeepsOnlyUnreservedCharacters(string value, bool keepSlash, string expected)
        => UrlText.EscapeValue(value, keepSlash).Should().Be(expected);

    [TestCase("/search?q=a&b=c#top")]
    [TestCase("/caf\u00e9/\U0001F600")]
    [TestCase("/a b")]
    public void EscapeValue_IsWhatUriEscapeDataStringWrites(string value)
        => UrlText.EscapeValue(value).Should().Be(Uri.EscapeDataString(value));

    [TestCase("/caf\u00e9/\U0001F600")]
    [TestCase("/search?q=a&b=c#top")]
    public void WriteEscapedValue_WritesTheSameBytesAsEscapeValue(string value)
    {
        var buffer = new byte[UrlText.GetMaxEscapedLength(value)];

        var written = UrlText.WriteEscapedValue(value, keepSlash: true, buffer);

        Encoding.ASCII.GetString(buffer, 0, written).Should().Be(UrlText.EscapeValue(value, keepSlash: true));
    }

    [TestCase("/register", "/register")]
    [TestCase("/inscription/caf\u00e9", "/inscription/caf%C3%A9")]
    [TestCase("/already%C3%A9ncoded?x=%2F", "/already%C3%A9ncoded?x=%2F")]
    [TestCase("/a b", "/a%20b")]
    [TestCase("/a\r\nb", "/a%0D%0Ab")]
    [TestCase("\r\n", "%0D%0A")]
    [TestCase(" ", "%20")]
    [TestCase("\u00e9", "%C3%A9")]
    [TestCase("/a\u007F", "/a%7F")]
    [TestCase("!~", "!~")]
    public void AsciiLocation_PercentEncodesEverythingAHeaderCannotCarry_AndLeavesEscapesAlone(string text, string expected)
        => UrlText.AsciiLocation(text).Should().Be(expected);

    [TestCase("https://b\u00fccher.example/", "https://xn--bcher-kva.example")]
    [TestCase("https://example.com/community/", "https://example.com/community")]
    [TestCase("https://example.com:8443", "https://example.com:8443")]
    [TestCase("http://[::1]:5000/", "http://[::1]:5000")]
    [TestCase("http://127.0.0.1/", "http://127.0.0.1")]
    public void CommunityBase_IsAscii_WithoutATrailingSlash(string url, string expected)
        => UrlText.CommunityBase(new Uri(url)).Should().Be(expected);

    [Test]
    public void AsciiUrl_WritesAnInternationalisedPartnerInAscii()
        => UrlText.AsciiUrl(new Uri("https://b\u00fccher.example/r\u00fcck?x=\u00e9")).Should().Be("https://xn--bcher-kva.example/r%C3%BCck?x=%C3%A9");

    [TestCase("ReturnUrl", true)]
    [TestCase("return_url-2.x", true)]
    [TestCase("azAZ09_-.", true)]
    [TestCase("a/b", false)]
    [TestCase("a@b", false)]
    [TestCase("a[b", false)]
    [TestCase("a`b", false)]
    [TestCase("a{b", false)]
    [TestCase("a:b", false)]
    [TestCase("", false)]
    [TestCase("r\r\nSet-Cookie: x=1", false)]
    [TestCase("a&ReturnUrl=//evil.example&b", false)]
    [TestCase("return url", false)]
    [TestCase("r\u00e9tour", false)]
    [TestCase("a=b", false)]
    [TestCase(null, false)]
    public void IsToken_AcceptsOnlyPlainParameterNames(string? name, bool expected)
        => UrlText.IsToken(name).Should().Be(expected);

    [Test]
    public void WithoutQueryParameter_AParameterWithAnEmptyName_IsNamedEmpty()
        => UrlText.WithoutQueryParameter("/a?=x&q=1", string.Empty).Should().Be("/a?q=1", "the name of \"=x\" is what comes before its '=': nothing");

    [Test]
    public void IsToken_RefusesANameOverTheLimit()
    {
        UrlText.IsToken(new string('a', UrlText.MaxTokenLength)).Should().BeTrue();
        UrlText.IsToken(new string('a', UrlText.MaxTokenLength + 1)).Should().BeFalse();
    }

    [Test]
    public void LinkFormat_WritesThePrefixTheReaderParses()
    {
        var prefix = LinkFormat.Prefix("https://community.example.com", "/auth/sso", LinkFormat.TokenParameter) + "t" + LinkFormat.RedirectSeparator(LinkFormat.RedirectParameter) + "/answers";

        var query = LinkFormat.ParseQuery(prefix[prefix.IndexOf('?', StringComparison.Ordinal)..]);

        query.Select(p => p.Key + "=" + p.Value).Should().Equal("jwt=t", "redirect=/answers");
    }

    [Test]
    public void PublicParameterConstants_AreTheWireNames()
    {
        TribeSsoOptions.DefaultTokenParameterName.Should().Be(LinkFormat.TokenParameter);
        TribeSsoOptions.DefaultRedirectParameterName.Should().Be(LinkFormat.RedirectParameter);
        TribeSsoOptions.BettermodeRedirectParameterName.Should().Be(LinkFormat.RedirectUriParameter);
        LinkFormat.RedirectParameters.Should().Equal(LinkFormat.RedirectParameter, LinkFormat.RedirectUriParameter);
    }
}
