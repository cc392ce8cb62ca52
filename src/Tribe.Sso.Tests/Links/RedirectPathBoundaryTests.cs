using System;

namespace Tribe.Sso.Tests.Links;

/// <summary>
/// The redirect rule at its edges: the length limit at 2,048 and 2,049 characters, the number of decoding rounds (three
/// are undone, a fourth is refused), where a ':' counts, the surrogate pair step, the hexadecimal digits of an escape,
/// and the exact reason for every refusal, since that reason is what a partner reads.
/// </summary>
public class RedirectPathBoundaryTests
{
    private const string Advice = ". Pass a path on the community that starts with a single '/', such as /answers or /search?q=sso.";

    [Test]
    public void FindProblem_AtTheLengthLimit_IsAccepted()
    {
        TribeSsoRedirectPath.FindProblem("/" + new string('a', 2047)).Should().BeNull("2,048 characters is the limit itself");
    }

    [Test]
    public void FindProblem_OneCharacterOverTheLengthLimit_IsRefused()
    {
        TribeSsoRedirectPath.FindProblem("/" + new string('a', 2048)).Should().Be("is longer than 2048 characters");
    }

    [Test]
    public void Validate_OneCharacterOverTheLengthLimit_ThrowsTheWholeMessage()
    {
        var act = () => TribeSsoRedirectPath.Validate("/" + new string('a', 2048));

        act.Should().Throw<TribeSsoRedirectException>().Which.Message.Should().Be("The redirect target is longer than 2048 characters" + Advice);
    }

    [Test]
    public void Validate_ASafePath_ReturnsItUnchanged()
    {
        const string Path = "/search?q=sso&tab=new#top";

        TribeSsoRedirectPath.Validate(Path).Should().BeSameAs(Path);
    }

    [TestCase("/a%41", TestName = "once encoded")]
    [TestCase("/a%2541", TestName = "twice encoded")]
    [TestCase("/a%252541", TestName = "three times encoded")]
    public void FindProblem_UpToThreeLayersOfEncoding_AreUndoneAndAccepted(string path)
    {
        TribeSsoRedirectPath.FindProblem(path).Should().BeNull();
    }

    [TestCase("/a%25252541", TestName = "four times encoded, harmless")]
    [TestCase("/%2525252Fevil.example", TestName = "four times encoded '//'")]
    public void FindProblem_FourLayersOfEncoding_AreRefused(string path)
    {
        TribeSsoRedirectPath.FindProblem(path).Should().Be("is percent-encoded more than three times over");
    }

    [Test]
    public void FindProblem_ThreeLayersHidingAnotherHost_IsFoundInTheLastRound()
    {
        TribeSsoRedirectPath.FindProblem("/%25252Fevil.example").Should().Be("starts with '//' (percent-encoded), which browsers read as another host");
    }

    [TestCase("/100%25", TestName = "a literal percent sign")]
    [TestCase("/a%25zz", TestName = "an escaped percent before letters")]
    [TestCase("/a%2525zz", TestName = "a twice escaped percent before letters")]
    public void FindProblem_APercentThatOnlyAppearsOnceDecoded_IsALiteralPercent(string path)
    {
        TribeSsoRedirectPath.FindProblem(path).Should().BeNull();
    }

    [TestCase("/a%")]
    [TestCase("/a%4")]
    [TestCase("/a%4g")]
    [TestCase("/a%g4")]
    [TestCase("/a%4G")]
    [TestCase("/a?%4:")]
    [TestCase("/a%4/")]
    [TestCase("/a%4@")]
    [TestCase("/a%4`")]
    [TestCase("/a%%41")]
    public void FindProblem_APercentWithoutTwoHexadecimalDigits_IsRefused(string path)
    {
        TribeSsoRedirectPath.FindProblem(path).Should().Be("has a '%' that is not followed by two hexadecimal digits (write %25 for a literal '%')");
    }

    [TestCase("/x%30", TestName = "0")]
    [TestCase("/x%39", TestName = "9")]
    [TestCase("/x%6a", TestName = "lower-case a")]
    [TestCase("/x%6f", TestName = "lower-case f")]
    [TestCase("/x%6A", TestName = "upper-case A")]
    [TestCase("/x%6F", TestName = "upper-case F")]
    [TestCase("/x%e2%82%ac", TestName = "lower-case escapes of the euro sign")]
    public void FindProblem_EveryKindOfHexadecimalDigit_Decodes(string path)
    {
        TribeSsoRedirectPath.FindProblem(path).Should().BeNull();
    }

    [TestCase("/a%3a", TestName = "lower-case escape of ':'")]
    [TestCase("/a%3A", TestName = "upper-case escape of ':'")]
    public void FindProblem_AnEscapedColon_IsDecodedBeforeTheColonRule(string path)
    {
        TribeSsoRedirectPath.FindProblem(path).Should().Be("has a ':' in its path (percent-encoded), which can make it read as a scheme such as https: or javascript:");
    }

    [TestCase("/a:b")]
    [TestCase("/a:")]
    [TestCase("/a:b?c")]
    [TestCase("/a:b#c")]
    [TestCase("/a:?b")]
    [TestCase("/:", TestName = "a colon right after the leading '/'")]
    [TestCase("/:a?b", TestName = "a colon right after the leading '/', then a query")]
    public void FindProblem_AColonBeforeTheQueryAndFragment_IsRefused(string path)
    {
        TribeSsoRedirectPath.FindProblem(path).Should().Be("has a ':' in its path, which can make it read as a scheme such as https: or javascript:");
    }

    [TestCase("/a?b:c")]
    [TestCase("/a?:")]
    [TestCase("/?:")]
    [TestCase("/a#b:c")]
    [TestCase("/a#:")]
    [TestCase("/a?b#c:d")]
    [TestCase("/a#b?c:d")]
    public void FindProblem_AColonInTheQueryOrFragment_IsAccepted(string path)
    {
        TribeSsoRedirectPath.FindProblem(path).Should().BeNull();
    }

    [TestCase("/")]
    [TestCase("/a")]
    [TestCase("/\U0001F600")]
    [TestCase("/\U0001F600/\U0001F469\U0001F4BB?q=\U0001F600#\U0001F600")]
    [TestCase("/\U0001F600%41")]
    public void FindProblem_ShortPathsAndSurrogatePairs_AreAccepted(string path)
    {
        TribeSsoRedirectPath.FindProblem(path).Should().BeNull();
    }

    [Test]
    public void FindProblem_AHighSurrogateAtTheEnd_IsRefused()
    {
        TribeSsoRedirectPath.FindProblem("/a" + (char)0xD800).Should().Be("contains an unpaired UTF-16 surrogate");
    }

    [Test]
    public void FindProblem_ALowSurrogateAlone_IsRefused()
    {
        TribeSsoRedirectPath.FindProblem("/a" + (char)0xDC00 + "b").Should().Be("contains an unpaired UTF-16 surrogate");
    }

    [Test]
    public void FindProblem_AHighSurrogateBeforeALetter_IsRefused()
    {
        TribeSsoRedirectPath.FindProblem("/" + (char)0xD800 + "b").Should().Be("contains an unpaired UTF-16 surrogate");
    }

    [TestCase("/\uFFFF ", "U+0020", TestName = "after U+FFFF, one UTF-16 unit")]
    [TestCase("/\U0001F600 ", "U+0020", TestName = "after a surrogate pair")]
    public void FindProblem_TheCharacterAfterAnotherIsStillRead(string path, string codePoint)
    {
        TribeSsoRedirectPath.FindProblem(path).Should().Be($"contains whitespace or a control character ({codePoint})");
    }

    [Test]
    public void FindProblem_AnInvisibleCharacterAfterTheLastBmpCodePoint_IsFound()
    {
        TribeSsoRedirectPath.FindProblem("/\uFFFF\u200B").Should().Be("contains an invisible or direction-changing character (U+200B), which makes one page look like another");
    }

    [TestCase("", "is empty; pass null to let the community choose (its home page)")]
    [TestCase("answers", "does not start with '/'; only a path on the community is accepted, such as /answers")]
    [TestCase("//evil.example", "starts with '//', which browsers read as another host")]
    [TestCase("/\\evil.example", "starts with '/\\', which browsers read as another host")]
    [TestCase("/%2Fevil.example", "starts with '//' (percent-encoded), which browsers read as another host")]
    [TestCase("/%5Cevil.example", "starts with '/\\' (percent-encoded), which browsers read as another host")]
    [TestCase("/a\\b", "contains a backslash, which browsers may read as '/'")]
    [TestCase("/a%5Cb", "contains a backslash (percent-encoded), which browsers may read as '/'")]
    [TestCase("/a b", "contains whitespace or a control character (U+0020)")]
    [TestCase("/a%20b", "contains whitespace or a control character (U+0020) (percent-encoded)")]
    [TestCase("/a\u007F", "contains whitespace or a control character (U+007F)")]
    [TestCase("/a\u0085", "contains whitespace or a control character (U+0085)")]
    [TestCase("/a\u3000", "contains whitespace or a control character (U+3000)")]
    [TestCase("/ad\u200Bmin", "contains an invisible or direction-changing character (U+200B), which makes one page look like another")]
    [TestCase("/ad%E2%80%8Bmin", "contains an invisible or direction-changing character (U+200B) (percent-encoded), which makes one page look like another")]
    [TestCase("/a/../b", "has a '.' or '..' segment, which browsers resolve and could turn into another host")]
    [TestCase("/a/%2E%2E/b", "has a '.' or '..' segment (percent-encoded), which browsers resolve and could turn into another host")]
    [TestCase("/a%3Ab", "has a ':' in its path (percent-encoded), which can make it read as a scheme such as https: or javascript:")]
    [TestCase("/x?next=javascript:alert(1)", "contains the scheme 'javascript:'")]
    [TestCase("/x?next=JavaScript:alert(1)", "contains the scheme 'javascript:'")]
    [TestCase("/x?u=data:text/html,hi", "contains the scheme 'data:'")]
    [TestCase("/x?u=vbscript:msgbox", "contains the scheme 'vbscript:'")]
    [TestCase("/x?u=file:///etc/passwd", "contains the scheme 'file:'")]
    [TestCase("/x?u=FILE:x", "contains the scheme 'file:'")]
    [TestCase("/x?u=%64ata:x", "contains the scheme 'data:' (percent-encoded)")]
    [TestCase("/x?u=javascript%3Ax", "contains the scheme 'javascript:' (percent-encoded)")]
    [TestCase("/a%", "has a '%' that is not followed by two hexadecimal digits (write %25 for a literal '%')")]
    public void FindProblem_EachRefusal_HasItsExactReason(string path, string reason)
    {
        TribeSsoRedirectPath.FindProblem(path).Should().Be(reason);

        var act = () => TribeSsoRedirectPath.Validate(path);
        act.Should().Throw<TribeSsoRedirectException>().Which.Message.Should().Be("The redirect target " + reason + Advice);
    }

    [TestCase("/.")]
    [TestCase("/..")]
    [TestCase("/a/.")]
    [TestCase("/a/..")]
    [TestCase("/./a")]
    [TestCase("/../a")]
    [TestCase("/a/./")]
    [TestCase("/a/.?x")]
    [TestCase("/a/..#x")]
    [TestCase("/a//..")]
    public void FindProblem_ADotSegmentAnywhereInThePath_IsRefused(string path)
    {
        TribeSsoRedirectPath.FindProblem(path).Should().Be("has a '.' or '..' segment, which browsers resolve and could turn into another host");
    }

    [TestCase("/...")]
    [TestCase("/.a")]
    [TestCase("/a.")]
    [TestCase("/..a")]
    [TestCase("/a..")]
    [TestCase("/a/.b/c")]
    [TestCase("/a?/./..")]
    [TestCase("/a#/..")]
    [TestCase("/a?.")]
    public void FindProblem_DotsThatAreNotAWholeSegmentOfThePath_AreAccepted(string path)
    {
        TribeSsoRedirectPath.FindProblem(path).Should().BeNull();
    }

    [Test]
    public void FindProblem_Null_ThrowsArgumentNullException()
    {
        var act = () => TribeSsoRedirectPath.FindProblem(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("path");
    }
}
