namespace Tribe.Sso.Tests.Links;

/// <summary>
/// What decoding does to the text between escapes: it is kept as it is, surrogate pairs included, so a harmful form
/// hidden behind text, an emoji or several escapes is still found, and a harmless one is still accepted.
/// </summary>
public class RedirectPathDecodingTests
{
    [TestCase("/\U0001F600/%2E%2E/x", TestName = "an encoded '..' segment after an emoji")]
    [TestCase("/a/%2e%2E/x", TestName = "an encoded '..' segment after text")]
    [TestCase("/a/%2E./x", TestName = "one dot encoded, one not")]
    [TestCase("/a/.%2E/x", TestName = "one dot not encoded, one encoded")]
    [TestCase("/\U0001F600%2F%2E%2E/x", TestName = "an encoded '/..' after an emoji")]
    public void FindProblem_AnEncodedDotSegmentBetweenOtherText_IsFound(string path)
    {
        TribeSsoRedirectPath.FindProblem(path).Should().Be(
            "has a '.' or '..' segment (percent-encoded), which browsers resolve and could turn into another host");
    }

    [TestCase("/a%3A\U0001F600", TestName = "an encoded ':' before an emoji")]
    [TestCase("/\U0001F600%3Ab", TestName = "an encoded ':' after an emoji")]
    public void FindProblem_AnEncodedColonBesideAnEmoji_IsFound(string path)
    {
        TribeSsoRedirectPath.FindProblem(path).Should().Be(
            "has a ':' in its path (percent-encoded), which can make it read as a scheme such as https: or javascript:");
    }

    [TestCase("/%41\U0001F600%42", TestName = "an emoji between two escapes")]
    [TestCase("/x%41y%42z", TestName = "text between and after escapes")]
    [TestCase("/%F0%9F%98%80", TestName = "an emoji written as four escapes")]
    public void FindProblem_HarmlessTextBetweenEscapes_IsAccepted(string path)
    {
        TribeSsoRedirectPath.FindProblem(path).Should().BeNull();
    }

    [TestCase("%2F/evil.example")]
    [TestCase("a/b")]
    [TestCase("https://evil.example")]
    public void FindProblem_NoLeadingSlash_IsRefusedInTheTextAsGiven(string path)
    {
        TribeSsoRedirectPath.FindProblem(path).Should().Be(
            "does not start with '/'; only a path on the community is accepted, such as /answers");
    }
}
