using System;
using System.Globalization;
using System.Linq;
using CsCheck;

namespace Tribe.Sso.Tests.Links;

/// <summary>
/// Redirect targets are untrusted input: for any text, <see cref="TribeSsoRedirectPath.FindProblem"/> answers without
/// throwing, and a target it accepts is, in every percent-decoded form, a path on the community with nothing invisible in
/// it, which the link carries exactly. The oracle below decodes with System.Uri, independently of the SDK.
/// </summary>
public class RedirectPathFuzzTests
{
    private static readonly string[] Atoms =
    {
        "/", "//", "\\", "a", "Z", "0", "-", "_", ".", "~", "?", "#", "&", "=", "+", ":", "@", "%", "%2", "%2F", "%2f", "%5C", "%25", "%3A", "%00", "%09",
        "%0D%0A", "%20", "%E2%80%AE", "%E2%80%8B", "%EF%BB%BF", "%C2%AD", "%ED%A0%80", "%C3%A9", "%F0%9F%98%80", "é", "😀", "漢字", " ", "\t", "\u0000",
        "\u001B", "\u0085", "\u00A0", "\u00AD", "\u200B", "\u200D", "\u202E", "\u2066", "\uFEFF", "\u2028", "\uD800", "\uDC00", "javascript:", "JaVaScRiPt:",
        "data:", "https:", "evil.example", "..", "%2e", "%2E%2E", "%252e",
    };

    private static readonly Gen<string> Targets = Gen.Frequency(
        (3, Gen.OneOf(Atoms).Array[1, 10].Select(parts => "/" + string.Concat(parts))),
        (1, Gen.OneOf(Atoms).Array[0, 10].Select(string.Concat)));

    [Test]
    public void AnyTarget_IsJudgedWithoutThrowing_AndAnAcceptedOneIsSafeInEveryDecodedForm()
    {
        var issuer = Issuers.AtFixedClock();
        var user = Issuers.Jane();
        var accepted = 0;

        var inputs = Fuzz.Run(Targets, target =>
        {
            if (TribeSsoRedirectPath.FindProblem(target) is { } problem)
            {
                problem.Should().NotBeEmpty();
                var act = () => issuer.CreateLoginUrl(user, target);
                act.Should().Throw<TribeSsoRedirectException>().Which.Message.Should().Be("The redirect target " + problem + ". Pass a path on the community that starts with a single '/', such as /answers or /search?q=sso.");
                return;
            }

            accepted++;
            foreach (var form in DecodedForms(target))
            {
                form.Should().StartWith("/").And.NotStartWith("//").And.NotStartWith("/\\").And.NotContain("\\");
                form.Where(c => char.IsWhiteSpace(c) || char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format).Should().BeEmpty();
                var path = form.Split('?', '#')[0];
                path.Should().NotContain(":");
                path.Split('/').Should().NotContain(segment => segment == "." || segment == "..", "a browser resolves dot segments, which can make the path another host");
            }

            var link = issuer.CreateLoginUrl(user, target).AbsoluteUri;
            link.Should().MatchRegex("^[\\x21-\\x7E]+$");
            Uri.UnescapeDataString(link[(link.IndexOf("&redirect=", StringComparison.Ordinal) + "&redirect=".Length)..]).Should().Be(target);
        });

        accepted.Should().BePositive().And.BeLessThan(inputs);
    }

    /// <summary>The target and what it decodes to, round after round, as a browser or server might decode it.</summary>
    private static string[] DecodedForms(string target)
    {
        var forms = new System.Collections.Generic.List<string> { target };
        for (var round = 0; round < 4; round++)
        {
            var decoded = Uri.UnescapeDataString(forms[^1]);
            if (decoded == forms[^1])
            {
                break;
            }

            forms.Add(decoded);
        }

        return forms.ToArray();
    }
}
