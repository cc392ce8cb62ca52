using System;
using System.Collections.Generic;

namespace Tribe.Sso;

/// <summary>
/// The rules each claim value must meet before it is signed (docs/protocol.md#claims and #characters-and-sizes). Each
/// check throws a <see cref="TribeSsoClaimException"/> that names the claim, the rule and the fix, without echoing the value.
/// </summary>
internal static class ClaimRules
{
    public const int MaxSubjectLength = 255;
    public const int MaxNameLength = 255;
    public const int MaxEmailLength = 254;
    public const int MaxGroupIdLength = 255;
    public const int MaxGroups = 100;
    public const int MaxShortTextLength = 255;
    public const int MaxBioLength = 4000;
    public const int MaxPictureLength = 2048;

    /// <summary><c>sub</c> is an identifier: the community stores it as <c>externalId</c> and matches it exactly.</summary>
    public static string Subject(string id)
    {
        Guard.NotNull(id, nameof(id));
        RequireText(ClaimNames.Subject, id, "the user's id", "Pass the partner's stable user id, such as the primary key of your users table");
        if (id.Length > MaxSubjectLength)
        {
            throw Fail(ClaimNames.Subject, TextRules.Invariant($"is {id.Length} characters long; the community stores it as externalId and accepts at most {MaxSubjectLength}. Use a shorter stable id, such as a database key or a hash of it"));
        }

        Require(ClaimNames.Subject, TextRules.FindInvisibleCharacter(id));
        return id;
    }

    /// <summary><c>name</c> is display text: bidi controls are refused, ZWJ and ZWNJ (emoji, Persian and Indic names) are not.</summary>
    public static string Name(string name)
    {
        Guard.NotNull(name, nameof(name));
        RequireText(ClaimNames.Name, name, "the display name", "Pass the name the community should show, for example \"Jane Doe\"");
        RequireLength(ClaimNames.Name, name, MaxNameLength);
        Require(ClaimNames.Name, TextRules.FindBidiControl(name));
        return name;
    }

    /// <summary><c>email</c> is an identifier the community trusts as verified: no invisible or direction-changing character, in the local part or the domain.</summary>
    public static string Email(string email)
    {
        Guard.NotNull(email, nameof(email));
        if (email.Length == 0)
        {
            throw Fail(ClaimNames.Email, "is empty. Pass the address the user verified on your site; the community trusts it as verified");
        }

        if (email.Length > MaxEmailLength)
        {
            throw Fail(ClaimNames.Email, TextRules.Invariant($"is {email.Length} characters long; an address has at most {MaxEmailLength}. Pass the bare address, such as user@example.org"));
        }

        Require(ClaimNames.Email, TextRules.FindForbiddenCharacter(email, allowLineBreaks: false));
        Require(ClaimNames.Email, TextRules.FindInvisibleCharacter(email));
        var problem = EmailRules.FindProblem(email);
        if (problem is not null)
        {
            throw Fail(ClaimNames.Email, "is not a single address of the form local@domain: " + problem + ". Pass the bare address the user verified, such as user@example.org, with no display name, spaces or angle brackets");
        }

        return email;
    }

    /// <summary><c>source</c>, <c>title</c> and <c>tagline</c>: one line of display text, at most 255 characters, no bidi controls.</summary>
    public static string ShortText(string claim, string value)
    {
        RequireOptionalText(claim, value, MaxShortTextLength, allowLineBreaks: false);
        Require(claim, TextRules.FindBidiControl(value));
        return value;
    }

    /// <summary>
    /// <c>bio</c>: free-form text and simple HTML, at most 4,000 characters, with CR, LF and TAB. Bidi controls are
    /// allowed: a bio is a block of its own (the community renders it as HTML, where mixed-direction paragraphs need them),
    /// never an identifier, and text around it is not part of the same line.
    /// </summary>
    public static string Bio(string bio)
    {
        RequireOptionalText(ClaimNames.Bio, bio, MaxBioLength, allowLineBreaks: true);
        return bio;
    }

    public static TribeRole Role(TribeRole role) => role is TribeRole.Member or TribeRole.Moderator or TribeRole.Admin
        ? role
        : throw Fail(ClaimNames.Role, TextRules.Invariant($"has the undefined value {(int)role}. Use TribeRole.Member, TribeRole.Moderator or TribeRole.Admin"));

    public static Uri Picture(Uri picture)
    {
        const string Fix = "Pass an absolute http or https URL, such as https://cdn.example.com/jane.png";
        Guard.NotNull(picture, nameof(picture));
        if (!picture.IsAbsoluteUri)
        {
            throw Fail(ClaimNames.Picture, "is a relative URL; the community needs a full URL. " + Fix);
        }

        if (picture.Scheme != Uri.UriSchemeHttps && picture.Scheme != Uri.UriSchemeHttp)
        {
            throw Fail(ClaimNames.Picture, "uses the scheme '" + picture.Scheme + "'; only http and https are shown by the community. " + Fix);
        }

        if (picture.Host.Length == 0)
        {
            throw Fail(ClaimNames.Picture, "has no host. " + Fix);
        }

        RequireLength(ClaimNames.Picture, picture.AbsoluteUri, MaxPictureLength);
        return picture;
    }

    public static string Locale(string locale)
    {
        RequireOptionalText(ClaimNames.Locale, locale, int.MaxValue, allowLineBreaks: false);
        var problem = LocaleRules.FindProblem(locale);
        return problem is null
            ? locale
            : throw Fail(ClaimNames.Locale, "is not a BCP 47 language tag: " + problem + ". Pass a tag such as en, fr-CA or zh-Hant-TW");
    }

    /// <summary>The whole <c>groups</c> list: at most 100 entries, each group id once.</summary>
    public static void Groups(TribeGroup[] groups)
    {
        if (groups.Length > MaxGroups)
        {
            throw Fail(ClaimNames.Groups, TextRules.Invariant($"would have {groups.Length} entries; at most {MaxGroups} are accepted, because the whole link must stay under 8,000 bytes. Send the groups that changed, with AddToGroups"));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < groups.Length; i++)
        {
            if (!seen.Add(groups[i].GroupId))
            {
                throw Fail(ClaimNames.Groups, TextRules.Invariant($"names the same group id twice (entry {i}). Name each group once"));
            }
        }
    }

    public static TribeSsoClaimException Fail(string claim, string ruleAndFix)
        => new(claim, "Claim '" + claim + "' " + ruleAndFix + ".");

    private static void RequireText(string claim, string value, string what, string fix)
    {
        if (value.Trim().Length == 0)
        {
            throw Fail(claim, TextRules.Invariant($"({what}) is empty or only whitespace; the community fails without it. {fix}"));
        }

        var forbidden = TextRules.FindForbiddenCharacter(value, allowLineBreaks: false);
        if (forbidden is not null)
        {
            throw Fail(claim, TextRules.Invariant($"({what}) contains {forbidden}"));
        }
    }

    private static void RequireOptionalText(string claim, string value, int maxLength, bool allowLineBreaks)
    {
        Guard.NotNull(value, claim);
        if (value.Length == 0)
        {
            throw Fail(claim, "is empty. Leave the With… call out to omit the claim");
        }

        RequireLength(claim, value, maxLength);
        Require(claim, TextRules.FindForbiddenCharacter(value, allowLineBreaks));
    }

    private static void RequireLength(string claim, string value, int maxLength)
    {
        if (value.Length > maxLength)
        {
            throw Fail(claim, TextRules.Invariant($"is {value.Length} characters long; at most {maxLength} are accepted, so that the link stays under 8,000 bytes. Shorten it"));
        }
    }

    private static void Require(string claim, string? problem)
    {
        if (problem is not null)
        {
            throw Fail(claim, "contains " + problem);
        }
    }
}
