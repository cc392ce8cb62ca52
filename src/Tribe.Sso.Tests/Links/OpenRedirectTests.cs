
namespace Tribe.Sso.Tests.Links;

/// <summary>docs/protocol.md#redirect-targets: the redirect target is a path on the community; everything else is refused.</summary>
public class OpenRedirectTests
{
    [TestCase("", "is empty")]
    [TestCase("answers", "does not start with '/'")]
    [TestCase("https://evil.example", "does not start with '/'")]
    [TestCase("javascript:alert(1)", "does not start with '/'")]
    [TestCase("//evil.example", "starts with '//'")]
    [TestCase("///evil.example", "starts with '//'")]
    [TestCase("/\\evil.example", "starts with '/\\'")]
    [TestCase("\\\\evil.example", "does not start with '/'")]
    [TestCase("\\evil.example", "does not start with '/'")]
    [TestCase("/a\\b", "backslash")]
    [TestCase("/%2Fevil.example", "starts with '//' (percent-encoded)")]
    [TestCase("/%2fevil.example", "starts with '//' (percent-encoded)")]
    [TestCase("/%5Cevil.example", "starts with '/\\' (percent-encoded)")]
    [TestCase("/%5cevil.example", "starts with '/\\' (percent-encoded)")]
    [TestCase("/%252Fevil.example", "starts with '//' (percent-encoded)")]
    [TestCase("/a%5Cb", "backslash (percent-encoded)")]
    [TestCase("/a b", "whitespace")]
    [TestCase("/a\tb", "whitespace")]
    [TestCase("/\t/evil.example", "whitespace")]
    [TestCase("/%09/evil.example", "whitespace or a control character (U+0009) (percent-encoded)")]
    [TestCase("/a%0d%0aSet-Cookie=x", "whitespace or a control character (U+000D) (percent-encoded)")]
    [TestCase("/a%0D%0A", "whitespace or a control character (U+000D) (percent-encoded)")]
    [TestCase("/a%20b", "whitespace")]
    [TestCase("/a%00", "control character (U+0000)")]
    [TestCase("/a\u0000", "control character (U+0000)")]
    [TestCase("/a\u00A0b", "whitespace")]
    [TestCase("/a\u2028b", "whitespace")]
    [TestCase("/a%E2%80%A8b", "whitespace or a control character (U+2028) (percent-encoded)")]
    [TestCase("/https://evil.example", "':' in its path")]
    [TestCase("/javascript:alert(1)", "':' in its path")]
    [TestCase("/x?next=javascript:alert(1)", "'javascript:'")]
    [TestCase("/x?u=data:text/html,hi", "'data:'")]
    [TestCase("/a%", "'%' that is not followed by two hexadecimal digits")]
    [TestCase("/a%zz", "'%' that is not followed by two hexadecimal digits")]
    [TestCase("/a%2", "'%' that is not followed by two hexadecimal digits")]
    [TestCase("/%25252525252Fx", "more than three times")]
    [TestCase("/a/..//evil.example", "has a '.' or '..' segment, which browsers resolve and could turn into another host")]
    [TestCase("/.//evil.example", "has a '.' or '..' segment, which browsers resolve")]
    [TestCase("/..//evil.example", "'..' segment")]
    [TestCase("/a/b/../..//evil.example", "'..' segment")]
    [TestCase("/a/./b", "'..' segment")]
    [TestCase("/a/..", "'..' segment")]
    [TestCase("/.", "'..' segment")]
    [TestCase("/a/.?q=1", "'..' segment")]
    [TestCase("/%2e%2e/", "has a '.' or '..' segment (percent-encoded), which browsers resolve and could turn into another host")]
    [TestCase("/a/%2E%2E//evil", "'..' segment (percent-encoded)")]
    [TestCase("/a/.%2e//evil", "'..' segment (percent-encoded)")]
    [TestCase("/a%2F..%2F%2Fevil.example", "'..' segment (percent-encoded)")]
    [TestCase("/a/%252e%252e//evil", "'..' segment (percent-encoded)")]
    [TestCase("/\u202Etxt.exe", "contains an invisible or direction-changing character (U+202E), which makes one page look like another")]
    [TestCase("/%E2%80%AEtxt.exe", "contains an invisible or direction-changing character (U+202E) (percent-encoded), which makes one page look like another")]
    [TestCase("/%25E2%2580%25AEtxt.exe", "contains an invisible or direction-changing character (U+202E) (percent-encoded)")]
    [TestCase("/ad\u200Bmin", "contains an invisible or direction-changing character (U+200B)")]
    [TestCase("/ad%E2%80%8Bmin", "(U+200B) (percent-encoded)")]
    [TestCase("/\uFEFFanswers", "(U+FEFF)")]
    [TestCase("/%EF%BB%BFanswers", "(U+FEFF) (percent-encoded)")]
    [TestCase("/an\u00ADswers", "(U+00AD)")]
    [TestCase("/an%C2%ADswers", "(U+00AD) (percent-encoded)")]
    [TestCase("/x?q=\u2066a\u2069", "(U+2066)")]
    [TestCase("/x#\u200D", "(U+200D)")]
    [TestCase("/%F3%A0%81%81", "(U+E0041) (percent-encoded)")]
    public void CreateLoginUrl_UnsafeTarget_IsRefusedWithTheReason(string target, string reason)
    {
        var act = () => Issuers.AtFixedClock().CreateLoginUrl(Issuers.Jane(), target);

        var message = act.Should().Throw<TribeSsoRedirectException>().Which.Message;
        message.Should().StartWith("The redirect target ").And.Contain(reason)
            .And.EndWith("Pass a path on the community that starts with a single '/', such as /answers or /search?q=sso.")
            .And.NotContain(TestKeys.Primary);
    }

    [TestCase("/a.b")]
    [TestCase("/..foo")]
    [TestCase("/foo..")]
    [TestCase("/.well-known/x")]
    [TestCase("/a/.../b")]
    [TestCase("/a/%2e%2ex")]
    [TestCase("/search?q=../..")]
    [TestCase("/page#/../x")]
    public void FindProblem_DotsThatAreNotAWholeSegment_AreAllowed(string target)
    {
        TribeSsoRedirectPath.FindProblem(target).Should().BeNull();
    }

    [Test]
    public void CreateLoginUrl_LoneSurrogate_IsRefused()
    {
        // Built at run time: a lone surrogate cannot survive in attribute metadata.
        var target = "/a" + (char)0xD800;

        var act = () => Issuers.AtFixedClock().CreateLoginUrl(Issuers.Jane(), target);

        act.Should().Throw<TribeSsoRedirectException>().WithMessage("*unpaired UTF-16 surrogate*");
    }

    [Test]
    public void FindProblem_InvisibleCharacter_HasTheExactMessage()
    {
        TribeSsoRedirectPath.FindProblem("/%E2%80%AEgpj.exe").Should().Be("contains an invisible or direction-changing character (U+202E) (percent-encoded), which makes one page look like another");
        TribeSsoRedirectPath.FindProblem("/emoji/\U0001F469\u200D\U0001F4BB").Should().Be("contains an invisible or direction-changing character (U+200D), which makes one page look like another");
        TribeSsoRedirectPath.FindProblem("/emoji/\U0001F469\U0001F4BB").Should().BeNull("a surrogate pair is not invisible");
    }

    [Test]
    public void CreateLoginUrl_OverlongTarget_IsRefused()
    {
        var act = () => Issuers.AtFixedClock().CreateLoginUrl(Issuers.Jane(), "/" + new string('a', 2048));

        act.Should().Throw<TribeSsoRedirectException>().WithMessage("*longer than 2048 characters*");
    }
}
