using System;

namespace Tribe.Sso.Tests.Users;

/// <summary>
/// The syntax rules of a language tag and of an address at their ends: the longest tag, language subtag and later
/// subtag accepted and one character more refused, and the character classes of an address where ASCII stops.
/// </summary>
public class LocaleAndEmailRuleBoundaryTests
{
    private const string TooLong = "it is longer than 35 characters";
    private const string Language = "the language subtag must be 2–3 letters, such as en or fr";
    private const string Subtag = "each subtag after the language must be 1–8 letters or digits";

    [TestCase("en-abcdefgh-abcdefgh-abcdefgh-abcde", null, TestName = "35 characters: the longest tag")]
    [TestCase("en-abcdefgh-abcdefgh-abcdefgh-abcdef", TooLong, TestName = "36 characters: one more")]
    [TestCase("abcdefgh", null, TestName = "an 8-letter language subtag: the longest")]
    [TestCase("abcdefghi", Language, TestName = "a 9-letter language subtag")]
    [TestCase("abcd", Language, TestName = "a 4-letter language subtag, reserved")]
    [TestCase("en-abcdefgh", null, TestName = "an 8-character later subtag: the longest")]
    [TestCase("en-abcdefghi", Subtag, TestName = "a 9-character later subtag")]
    [TestCase("en-a1", null, TestName = "letters and digits in a later subtag")]
    [TestCase("en-a!", Subtag, TestName = "a punctuation mark in a later subtag")]
    [TestCase("en-", Subtag, TestName = "an empty later subtag")]
    public void LocaleRules_FindProblem_AtTheEndsOfEachLength(string tag, string? problem)
    {
        LocaleRules.FindProblem(tag).Should().Be(problem);
    }

    [Test]
    public void WithLocale_ALineBreak_IsRefusedAsAControlCharacterBeforeTheTagRules()
    {
        var act = () => TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").WithLocale("en\nUS");

        act.Should().Throw<TribeSsoClaimException>().Which.Message.Should().Be(
            "Claim 'locale' contains a control character (U+000A) at index 2. Remove control characters such as tabs, line breaks and NUL before signing.");
    }

    [TestCase("j\u007Fane@example.com", "the part before '@' contains a character that needs quoting (such as <, >, \", comma or ':')", TestName = "U+007F before '@': the last ASCII code point needs quoting")]
    [TestCase("j\u0080ane@example.com", null, TestName = "U+0080 before '@': the first non-ASCII code point is left to the character rules")]
    [TestCase("jane@exa\u007Fmple.com", "the domain contains a character that is not a letter, digit, '-' or '.'", TestName = "U+007F in the domain: the last ASCII code point is refused")]
    [TestCase("jane@exa\u0080mple.com", null, TestName = "U+0080 in the domain: the first non-ASCII code point is left to the character rules")]
    [TestCase("@@example.com", "it has more than one '@'", TestName = "a second '@' right after the first at index 0")]
    [TestCase("j@@example.com", "it has more than one '@'", TestName = "a second '@' right after the first")]
    public void EmailRules_FindProblem_WhereAsciiEnds(string email, string? problem)
    {
        EmailRules.FindProblem(email).Should().Be(problem);
    }

    [Test]
    public void RemoveFromAllGroups_AfterReplaceGroups_NamesReplaceGroups()
    {
        var act = () => TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").ReplaceGroups(new[] { TribeGroup.FromId("g1") }).RemoveFromAllGroups();

        act.Should().Throw<TribeSsoClaimException>().Which.Message.Should().Be(
            "Claim 'groups' was already set by ReplaceGroups; RemoveFromAllGroups cannot be combined with other group calls. Keep only one of them.");
    }

    [Test]
    public void ReplaceGroups_AfterRemoveFromAllGroups_NamesRemoveFromAllGroups()
    {
        var act = () => TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").RemoveFromAllGroups().ReplaceGroups(new[] { TribeGroup.FromId("g1") });

        act.Should().Throw<TribeSsoClaimException>().Which.Message.Should().Be(
            "Claim 'groups' was already set by RemoveFromAllGroups; ReplaceGroups can be called once, and not together with AddToGroups or RemoveFromAllGroups. Pass every group in a single ReplaceGroups call.");
    }

    [Test]
    public void ReplaceGroups_NullAsTheFirstGroup_IsRefusedWithTheFix()
    {
        var act = () => TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").ReplaceGroups(new[] { null!, TribeGroup.FromId("g1") });

        var exception = act.Should().Throw<ArgumentNullException>().Which;
        exception.ParamName.Should().Be("groups");
        exception.Message.Should().StartWith("The group list contains null. Pass TribeGroup values created with TribeGroup.FromId, Joined or Unapproved.");
    }
}
