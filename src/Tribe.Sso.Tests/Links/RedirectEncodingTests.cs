namespace Tribe.Sso.Tests.Links;

/// <summary>
/// How a redirect target is written into the link's redirect parameter: letters, digits, '-', '.', '_', '~' and '/' stay
/// as they are; every other byte of its UTF-8 is percent-encoded with upper-case hexadecimal digits, so that '?', '&amp;',
/// '#' and '%' in the target cannot end the parameter or the URL.
/// </summary>
public class RedirectEncodingTests
{
    [TestCase("/azAZ09-._~/", "/azAZ09-._~/", TestName = "the unreserved characters and '/' stay")]
    [TestCase("/a?b", "/a%3Fb", TestName = "'?' is encoded")]
    [TestCase("/a#b", "/a%23b", TestName = "'#' is encoded")]
    [TestCase("/a?b=1&c=2", "/a%3Fb%3D1%26c%3D2", TestName = "'=' and '&' are encoded")]
    [TestCase("/100%25", "/100%2525", TestName = "'%' is encoded")]
    [TestCase("/a?q=a+b", "/a%3Fq%3Da%2Bb", TestName = "'+' is encoded, so it is not read as a space")]
    [TestCase("/a?b:c", "/a%3Fb%3Ac", TestName = "':' is encoded")]
    [TestCase("/!$'()*,;@", "/%21%24%27%28%29%2A%2C%3B%40", TestName = "the sub-delimiters and '@' are encoded")]
    [TestCase("/a[b]`{|}^\"<>", "/a%5Bb%5D%60%7B%7C%7D%5E%22%3C%3E", TestName = "the ASCII neighbours of the letters are encoded")]
    [TestCase("/\u00A1", "/%C2%A1", TestName = "U+00A1, the first two-byte character that is allowed")]
    [TestCase("/\u00E9t\u00E9", "/%C3%A9t%C3%A9", TestName = "accented letters")]
    [TestCase("/\u07FF", "/%DF%BF", TestName = "U+07FF, the last two-byte character")]
    [TestCase("/\u0800", "/%E0%A0%80", TestName = "U+0800, the first three-byte character")]
    [TestCase("/\u20AC", "/%E2%82%AC", TestName = "the euro sign")]
    [TestCase("/\uFFFD", "/%EF%BF%BD", TestName = "U+FFFD")]
    [TestCase("/\U0001F600", "/%F0%9F%98%80", TestName = "an emoji, a surrogate pair, is four bytes")]
    public void CreateLoginUrl_TheRedirectParameter_IsTheUtf8OfTheTargetPercentEncoded(string target, string encoded)
    {
        var link = Issuers.AtFixedClock().CreateLoginUrl(Issuers.Jane(), target);

        link.AbsoluteUri.Should().EndWith("&redirect=" + encoded);
    }
}
