using System;
using System.Linq;

namespace Tribe.Sso.Tests.Users;

/// <summary>
/// Each claim's limit at <c>max</c> (accepted) and <c>max + 1</c> (refused), and the exact refusal a partner reads: the
/// message names the claim, the rule and the fix, and is the product as much as the check is.
/// </summary>
public class ClaimRulesBoundaryTests
{
    private const string Id = "42";
    private const string Name = "Jane Doe";
    private const string Email = "jane@example.com";

    [Test]
    public void Create_SubAt255Characters_IsAccepted()
    {
        TribeSsoUser.Create(new string('1', 255), Name, Email).Build().Id.Should().HaveLength(255);
    }

    [Test]
    public void Create_SubAt256Characters_IsRefused()
    {
        Refusal(() => TribeSsoUser.Create(new string('1', 256), Name, Email)).Should().Be(
            "Claim 'sub' is 256 characters long; the community stores it as externalId and accepts at most 255. Use a shorter stable id, such as a database key or a hash of it.");
    }

    [TestCase("")]
    [TestCase(" \t ")]
    public void Create_EmptySub_IsRefusedWithTheFix(string id)
    {
        Refusal(() => TribeSsoUser.Create(id, Name, Email)).Should().Be(
            "Claim 'sub' (the user's id) is empty or only whitespace; the community fails without it. Pass the partner's stable user id, such as the primary key of your users table.");
    }

    [Test]
    public void Create_SubWithAControlCharacter_NamesItsPosition()
    {
        Refusal(() => TribeSsoUser.Create("4\n2", Name, Email)).Should().Be(
            "Claim 'sub' (the user's id) contains a control character (U+000A) at index 1. Remove control characters such as tabs, line breaks and NUL before signing.");
    }

    [Test]
    public void Create_SubWithAnInvisibleCharacter_NamesItsPosition()
    {
        Refusal(() => TribeSsoUser.Create("4\u200B2", Name, Email)).Should().Be(
            "Claim 'sub' contains an invisible or direction-changing character (U+200B) at index 1; it makes one value look like another. Remove it.");
    }

    [Test]
    public void Create_NameAt255Characters_IsAccepted()
    {
        TribeSsoUser.Create(Id, new string('n', 255), Email).Build().Name.Should().HaveLength(255);
    }

    [Test]
    public void Create_NameAt256Characters_IsRefused()
    {
        Refusal(() => TribeSsoUser.Create(Id, new string('n', 256), Email)).Should().Be("Claim 'name' is 256 characters long" + Shorten(255));
    }

    [Test]
    public void Create_EmptyName_IsRefusedWithTheFix()
    {
        Refusal(() => TribeSsoUser.Create(Id, " ", Email)).Should().Be(
            "Claim 'name' (the display name) is empty or only whitespace; the community fails without it. Pass the name the community should show, for example \"Jane Doe\".");
    }

    [Test]
    public void Create_NameWithABidiOverride_NamesItsPosition()
    {
        Refusal(() => TribeSsoUser.Create(Id, "Jane\u202E", Email)).Should().Be(
            "Claim 'name' contains a bidi control character (U+202E) at index 4; it makes the text around it read in another order. Remove embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).");
    }

    [Test]
    public void Create_EmailAt254Characters_IsAccepted()
    {
        var email = Email254();

        TribeSsoUser.Create(Id, Name, email).Build().Email.Should().Be(email).And.HaveLength(254);
    }

    [Test]
    public void Create_EmailAt255Characters_IsRefused()
    {
        var email = Email254().Replace("@", "@e", StringComparison.Ordinal);

        Refusal(() => TribeSsoUser.Create(Id, Name, email)).Should().Be(
            "Claim 'email' is 255 characters long; an address has at most 254. Pass the bare address, such as user@example.org.");
    }

    [Test]
    public void Create_EmptyEmail_IsRefusedWithTheFix()
    {
        Refusal(() => TribeSsoUser.Create(Id, Name, string.Empty)).Should().Be(
            "Claim 'email' is empty. Pass the address the user verified on your site; the community trusts it as verified.");
    }

    [Test]
    public void Create_EmailThatIsNotAnAddress_SaysWhatIsWrongAndTheFix()
    {
        Refusal(() => TribeSsoUser.Create(Id, Name, "jane.example.com")).Should().Be(
            "Claim 'email' is not a single address of the form local@domain: it has no '@'. Pass the bare address the user verified, such as user@example.org, with no display name, spaces or angle brackets.");
    }

    [Test]
    public void Create_EmailWithAControlCharacter_NamesItsPosition()
    {
        Refusal(() => TribeSsoUser.Create(Id, Name, "jane@example.com\r")).Should().Be(
            "Claim 'email' contains a control character (U+000D) at index 16. Remove control characters such as tabs, line breaks and NUL before signing.");
    }

    [Test]
    public void Create_EmailWithAnInvisibleCharacter_NamesItsPosition()
    {
        Refusal(() => TribeSsoUser.Create(Id, Name, "jane@exa\u00ADmple.com")).Should().Be(
            "Claim 'email' contains an invisible or direction-changing character (U+00AD) at index 8; it makes one value look like another. Remove it.");
    }

    [TestCase("source")]
    [TestCase("title")]
    [TestCase("tagline")]
    public void ShortText_At255Characters_IsAccepted(string claim)
    {
        var act = () => With(claim, new string('t', 255));

        act.Should().NotThrow();
    }

    [TestCase("source")]
    [TestCase("title")]
    [TestCase("tagline")]
    public void ShortText_At256Characters_IsRefused(string claim)
    {
        Refusal(() => With(claim, new string('t', 256))).Should().Be("Claim '" + claim + "' is 256 characters long" + Shorten(255));
    }

    [TestCase("source")]
    [TestCase("title")]
    [TestCase("tagline")]
    [TestCase("bio")]
    [TestCase("locale")]
    public void OptionalText_Empty_SaysToLeaveTheCallOut(string claim)
    {
        Refusal(() => With(claim, string.Empty)).Should().Be("Claim '" + claim + "' is empty. Leave the With… call out to omit the claim.");
    }

    [TestCase("source")]
    [TestCase("title")]
    [TestCase("tagline")]
    public void ShortText_WithALineBreak_IsRefused(string claim)
    {
        Refusal(() => With(claim, "a\nb")).Should().Be(
            "Claim '" + claim + "' contains a control character (U+000A) at index 1. Remove control characters such as tabs, line breaks and NUL before signing.");
    }

    [TestCase("source")]
    [TestCase("title")]
    [TestCase("tagline")]
    public void ShortText_WithABidiIsolate_IsRefused(string claim)
    {
        Refusal(() => With(claim, "ab\u2067")).Should().Be(
            "Claim '" + claim + "' contains a bidi control character (U+2067) at index 2; it makes the text around it read in another order. Remove embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).");
    }

    [Test]
    public void WithBio_At4000Characters_IsAccepted()
    {
        TribeSsoUser.Create(Id, Name, Email).WithBio(new string('b', 4000)).Build().Profile.Bio.Should().HaveLength(4000);
    }

    [Test]
    public void WithBio_At4001Characters_IsRefused()
    {
        Refusal(() => With("bio", new string('b', 4001))).Should().Be("Claim 'bio' is 4001 characters long" + Shorten(4000));
    }

    [Test]
    public void WithBio_LineBreaksTabsAndBidiControls_AreAccepted()
    {
        const string Bio = "<p>Line one\r\nLine two\tand \u202Bעברית\u202C</p>";

        TribeSsoUser.Create(Id, Name, Email).WithBio(Bio).Build().Profile.Bio.Should().Be(Bio);
    }

    [Test]
    public void WithBio_AVerticalTab_IsRefused()
    {
        Refusal(() => With("bio", "a\u000Bb")).Should().Be(
            "Claim 'bio' contains a control character (U+000B) at index 1. Remove control characters such as tabs, line breaks and NUL before signing.");
    }

    [TestCase(TribeRole.Member)]
    [TestCase(TribeRole.Moderator)]
    [TestCase(TribeRole.Admin)]
    public void WithRole_EachDefinedRole_IsAccepted(TribeRole role)
    {
        TribeSsoUser.Create(Id, Name, Email).WithRole(role).Build().Role.Should().Be(role);
    }

    [TestCase(-1)]
    [TestCase(3)]
    public void WithRole_AnUndefinedValue_IsRefused(int value)
    {
        Refusal(() => TribeSsoUser.Create(Id, Name, Email).WithRole((TribeRole)value)).Should().Be(
            $"Claim 'role' has the undefined value {value}. Use TribeRole.Member, TribeRole.Moderator or TribeRole.Admin.");
    }

    [Test]
    public void WithLocale_NotATag_SaysWhatIsWrongAndTheFix()
    {
        Refusal(() => With("locale", "fr_CA")).Should().Be(
            "Claim 'locale' is not a BCP 47 language tag: subtags are separated by '_' (write fr-CA, not fr_CA). Pass a tag such as en, fr-CA or zh-Hant-TW.");
    }

    [Test]
    public void WithLocale_WithAControlCharacter_IsRefusedBeforeTheTagRules()
    {
        Refusal(() => With("locale", "en\u0000")).Should().Be(
            "Claim 'locale' contains a control character (U+0000) at index 2. Remove control characters such as tabs, line breaks and NUL before signing.");
    }

    [Test]
    public void ReplaceGroups_100Groups_AreAccepted()
    {
        var groups = Enumerable.Range(1, 100).Select(i => TribeGroup.FromId("g" + i)).ToArray();

        TribeSsoUser.Create(Id, Name, Email).ReplaceGroups(groups).Build().Groups.Should().HaveCount(100);
    }

    [Test]
    public void ReplaceGroups_101Groups_AreRefused()
    {
        var groups = Enumerable.Range(1, 101).Select(i => TribeGroup.FromId("g" + i)).ToArray();

        Refusal(() => TribeSsoUser.Create(Id, Name, Email).ReplaceGroups(groups)).Should().Be(
            "Claim 'groups' would have 101 entries; at most 100 are accepted, because the whole link must stay under 8,000 bytes. Send the groups that changed, with AddToGroups.");
    }

    [Test]
    public void AddToGroups_ADuplicateId_NamesTheEntry()
    {
        Refusal(() => TribeSsoUser.Create(Id, Name, Email).AddToGroups(TribeGroup.FromId("g1"), TribeGroup.FromId("g2"), TribeGroup.Joined("g1"))).Should().Be(
            "Claim 'groups' names the same group id twice (entry 2). Name each group once.");
    }

    [Test]
    public void AddToGroups_IdsThatDifferOnlyInCase_AreDifferentGroups()
    {
        TribeSsoUser.Create(Id, Name, Email).AddToGroups(TribeGroup.FromId("g1"), TribeGroup.FromId("G1")).Build().Groups.Should().HaveCount(2);
    }

    private static string Shorten(int max) => $"; at most {max} are accepted, so that the link stays under 8,000 bytes. Shorten it.";

    /// <summary>64 + 1 + 63 + 1 + 63 + 1 + 57 + 4 = 254 characters: every part at its own limit.</summary>
    private static string Email254() => new string('j', 64) + "@" + new string('a', 63) + "." + new string('b', 63) + "." + new string('c', 57) + ".com";

    private static TribeSsoUserBuilder With(string claim, string value)
    {
        var builder = TribeSsoUser.Create(Id, Name, Email);
        return claim switch
        {
            "source" => builder.WithSource(value),
            "title" => builder.WithTitle(value),
            "tagline" => builder.WithTagline(value),
            "bio" => builder.WithBio(value),
            "locale" => builder.WithLocale(value),
            _ => throw new ArgumentOutOfRangeException(nameof(claim), claim, "not an optional text claim"),
        };
    }

    private static string Refusal(Func<object> act) => act.Should().Throw<TribeSsoClaimException>().Which.Message;
}
