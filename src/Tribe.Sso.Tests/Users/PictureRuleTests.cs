using System;

namespace Tribe.Sso.Tests.Users;

/// <summary>
/// <c>picture</c>: an absolute http or https URL the community can show, at most 2,048 characters as it is sent (its
/// percent-encoded <see cref="Uri.AbsoluteUri"/>, not the text it was created from).
/// </summary>
public class PictureRuleTests
{
    private const string Fix = " Pass an absolute http or https URL, such as https://cdn.example.com/jane.png.";
    private const string Base = "https://cdn.example.com/";

    [TestCase("https://cdn.example.com/jane.png")]
    [TestCase("http://cdn.example.com/jane.png")]
    [TestCase("HTTPS://CDN.EXAMPLE.COM/jane.png")]
    [TestCase("https://127.0.0.1:8443/a.png")]
    [TestCase("https://[2001:db8::1]/a.png")]
    public void WithPicture_AnAbsoluteHttpOrHttpsUrl_IsAccepted(string url)
    {
        Jane().WithPicture(new Uri(url)).Build().Profile.Picture.Should().Be(new Uri(url));
    }

    [Test]
    public void WithPicture_ARelativeUrl_IsRefused()
    {
        Refusal(new Uri("/jane.png", UriKind.Relative)).Should().Be("Claim 'picture' is a relative URL; the community needs a full URL." + Fix);
    }

    [TestCase("ftp://cdn.example.com/jane.png", "ftp")]
    [TestCase("javascript:alert(1)", "javascript")]
    [TestCase("data:image/png;base64,AAAA", "data")]
    [TestCase("file:///etc/passwd", "file")]
    [TestCase("wss://cdn.example.com/jane.png", "wss")]
    [TestCase("httpx://cdn.example.com/jane.png", "httpx")]
    public void WithPicture_AnotherScheme_IsRefused(string url, string scheme)
    {
        Refusal(new Uri(url)).Should().Be("Claim 'picture' uses the scheme '" + scheme + "'; only http and https are shown by the community." + Fix);
    }

    [Test]
    public void WithPicture_At2048Characters_IsAccepted()
    {
        var url = new Uri(Base + new string('p', 2048 - Base.Length));

        Jane().WithPicture(url).Build().Profile.Picture!.AbsoluteUri.Should().HaveLength(2048);
    }

    [Test]
    public void WithPicture_At2049Characters_IsRefused()
    {
        Refusal(new Uri(Base + new string('p', 2049 - Base.Length))).Should().Be(
            "Claim 'picture' is 2049 characters long; at most 2048 are accepted, so that the link stays under 8,000 bytes. Shorten it.");
    }

    [Test]
    public void WithPicture_TheLimitCountsThePercentEncodedUrl()
    {
        // "é" is sent as %C3%A9: six characters, not one.
        var atLimit = new Uri(Base + new string('p', 2048 - Base.Length - 6) + "\u00E9");
        var overLimit = new Uri(Base + new string('p', 2049 - Base.Length - 6) + "\u00E9");

        Jane().WithPicture(atLimit).Build().Profile.Picture!.AbsoluteUri.Should().HaveLength(2048);
        Refusal(overLimit).Should().StartWith("Claim 'picture' is 2049 characters long;");
    }

    [Test]
    public void WithPicture_Null_ThrowsArgumentNullException()
    {
        var act = () => Jane().WithPicture(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("picture");
    }

    private static TribeSsoUserBuilder Jane() => TribeSsoUser.Create("42", "Jane Doe", "jane@example.com");

    private static string Refusal(Uri picture)
    {
        var exception = Jane().Invoking(b => b.WithPicture(picture)).Should().Throw<TribeSsoClaimException>().Which;
        exception.ClaimName.Should().Be("picture");
        return exception.Message;
    }
}
