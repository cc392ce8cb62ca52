using System;

namespace Tribe.Sso.Tests.Users;

/// <summary>
/// docs/protocol.md#characters-and-sizes: invisible and direction-changing characters are refused in
/// identifiers (sub, email, group ids) and bidi controls in display text; ZWJ and ZWNJ stay allowed in display text.
/// </summary>
public class CharacterRuleTests
{

    /// <summary>Each character an identifier refuses, with its code point as the message spells it.</summary>
    private static readonly (string Text, string CodePoint)[] Invisibles =
    {
        ("\u202E", "U+202E"), ("\u202A", "U+202A"), ("\u202D", "U+202D"), ("\u2066", "U+2066"), ("\u2069", "U+2069"),
        ("\u200E", "U+200E"), ("\u200F", "U+200F"), ("\u061C", "U+061C"), ("\u200B", "U+200B"), ("\uFEFF", "U+FEFF"),
        ("\u00AD", "U+00AD"), ("\u2060", "U+2060"), ("\u2064", "U+2064"), ("\u180E", "U+180E"), ("\u200C", "U+200C"),
        ("\u200D", "U+200D"), ("\u3164", "U+3164"), ("\u115F", "U+115F"), ("\u034F", "U+034F"), ("\uFE0F", "U+FE0F"),
        ("\U000E0041", "U+E0041"), ("\u2800", "U+2800"),
    };

    private static readonly string[] BidiControls = { "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069" };

    public static TestCaseData[] IdentifierCases()
    {
        var cases = new System.Collections.Generic.List<TestCaseData>();
        foreach (var (text, codePoint) in Invisibles)
        {
            cases.Add(new TestCaseData("sub", (Func<object>)(() => TribeSsoUser.Create("ad" + text + "min", "Jane", "jane@example.com")), "Claim 'sub'" + Invisible(codePoint, 2)).SetName("sub refuses " + codePoint));
            cases.Add(new TestCaseData("email", (Func<object>)(() => TribeSsoUser.Create("42", "Jane", "ja" + text + "ne@example.com")), "Claim 'email'" + Invisible(codePoint, 2)).SetName("email local part refuses " + codePoint));
            cases.Add(new TestCaseData("email", (Func<object>)(() => TribeSsoUser.Create("42", "Jane", "jane@exam" + text + "ple.com")), "Claim 'email'" + Invisible(codePoint, 9)).SetName("email domain refuses " + codePoint));
            if (text.Length == 1)
            {
                // A group id refuses every surrogate already, with its own message.
                cases.Add(new TestCaseData("groups", (Func<object>)(() => TribeGroup.Joined("g" + text + "1")), "Claim 'groups' has a group id that" + Invisible(codePoint, 1)).SetName("group id refuses " + codePoint));
            }
        }

        return cases.ToArray();
    }

    public static TestCaseData[] DisplayTextCases()
    {
        var cases = new System.Collections.Generic.List<TestCaseData>();
        foreach (var control in BidiControls)
        {
            var codePoint = "U+" + ((int)control[0]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
            cases.Add(new TestCaseData("name", (Func<object>)(() => TribeSsoUser.Create("42", "Jane" + control + "eoD", "jane@example.com")), "Claim 'name'" + Bidi(codePoint, 4)).SetName("name refuses " + codePoint));
            cases.Add(new TestCaseData("title", (Func<object>)(() => Jane().WithTitle("Boss" + control)), "Claim 'title'" + Bidi(codePoint, 4)).SetName("title refuses " + codePoint));
            cases.Add(new TestCaseData("tagline", (Func<object>)(() => Jane().WithTagline(control + "hi")), "Claim 'tagline'" + Bidi(codePoint, 0)).SetName("tagline refuses " + codePoint));
            cases.Add(new TestCaseData("source", (Func<object>)(() => Jane().WithSource("mail" + control)), "Claim 'source'" + Bidi(codePoint, 4)).SetName("source refuses " + codePoint));
        }

        return cases.ToArray();
    }

    [TestCaseSource(nameof(IdentifierCases))]
    [TestCaseSource(nameof(DisplayTextCases))]
    public void Claim_WithARefusedCharacter_ThrowsWithTheExactMessage(string claim, Func<object> act, string message)
    {
        var exception = act.Should().Throw<TribeSsoClaimException>().Which;

        exception.ClaimName.Should().Be(claim);
        exception.Message.Should().Be(message);
    }

    [TestCase("👩‍💻 Jane", TestName = "name keeps an emoji ZWJ sequence")]
    [TestCase("محمد‌رضا", TestName = "name keeps a Persian name with ZWNJ")]
    [TestCase("क्‍ष", TestName = "name keeps a Devanagari ZWJ")]
    [TestCase("\u200Fשלום Jane", TestName = "name keeps a right-to-left mark")]
    [TestCase("Jane\u00ADDoe", TestName = "name keeps a soft hyphen")]
    [TestCase("Jane\u200BDoe", TestName = "name keeps a zero-width space")]
    [TestCase("🏳️‍🌈", TestName = "name keeps a variation selector and ZWJ")]
    public void DisplayText_WithJoinersAndMarks_IsSignedExactly(string name)
    {
        var user = TribeSsoUser.Create("42", name, "jane@example.com").WithTitle(name).WithTagline(name).WithSource(name).Build();

        var payload = Jwt.Payload(Issuers.AtFixedClock().CreateToken(user));

        payload.GetProperty("name").GetString().Should().Be(name);
        payload.GetProperty("title").GetString().Should().Be(name);
        payload.GetProperty("tagline").GetString().Should().Be(name);
        payload.GetProperty("source").GetString().Should().Be(name);
    }

    [Test]
    public void Bio_KeepsBidiControls_BecauseItIsABlockOfItsOwn()
    {
        const string Bio = "<p>I write \u2067עברית\u2069 and \u202Bالعربية\u202C.</p>";

        var user = Jane().WithBio(Bio).Build();

        Jwt.Payload(Issuers.AtFixedClock().CreateToken(user)).GetProperty("bio").GetString().Should().Be(Bio);
    }

    [TestCase("jöran@bücher.example")]
    [TestCase("用户@例子.广告")]
    [TestCase("jane+tag@xn--bcher-kva.example")]
    public void Email_InternationalWithoutInvisibleCharacters_IsAccepted(string email)
    {
        TribeSsoUser.Create("42", "Jane", email).Build().Email.Should().Be(email);
    }

    private static string Invisible(string codePoint, int index)
        => FormattableString.Invariant($" contains an invisible or direction-changing character ({codePoint}) at index {index}; it makes one value look like another. Remove it.");

    private static string Bidi(string codePoint, int index)
        => FormattableString.Invariant($" contains a bidi control character ({codePoint}) at index {index}; it makes the text around it read in another order. Remove embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).");

    private static TribeSsoUserBuilder Jane() => TribeSsoUser.Create("42", "Jane Doe", "jane@example.com");
}
