using System;

namespace Tribe.Sso;

/// <summary>The rules each claim value must meet before it is signed (docs/protocol.md#claims). Each check throws a <see cref="TribeSsoClaimException"/> that names the claim, the rule and the fix, without echoing the value.</summary>
internal static class ClaimRules
{
    public const int MaxSubjectLength = 255;
    public const int MaxEmailLength = 254;
    public const int MaxGroupIdLength = 255;

    public static string Subject(string id)
    {
        Guard.NotNull(id, nameof(id));
        RequireText(ClaimNames.Subject, id, "the user's id", "Pass the partner's stable user id, such as the primary key of your users table");
        if (id.Length > MaxSubjectLength)
        {
            throw Fail(ClaimNames.Subject, TextRules.Invariant($"is {id.Length} characters long; the community stores it as externalId and accepts at most {MaxSubjectLength}. Use a shorter stable id, such as a database key or a hash of it"));
        }

        return id;
    }

    public static string Name(string name)
    {
        Guard.NotNull(name, nameof(name));
        RequireText(ClaimNames.Name, name, "the display name", "Pass the name the community should show, for example \"Jane Doe\"");
        return name;
    }

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

        var forbidden = TextRules.FindForbiddenCharacter(email, allowLineBreaks: false);
        if (forbidden is not null)
        {
            throw Fail(ClaimNames.Email, "contains " + forbidden);
        }

        var problem = EmailRules.FindProblem(email);
        if (problem is not null)
        {
            throw Fail(ClaimNames.Email, "is not a single address of the form local@domain: " + problem + ". Pass the bare address the user verified, such as user@example.org, with no display name, spaces or angle brackets");
        }

        return email;
    }

    public static string OptionalText(string claim, string value, bool allowLineBreaks)
    {
        Guard.NotNull(value, claim);
        if (value.Length == 0)
        {
            throw Fail(claim, "is empty. Leave the With… call out to omit the claim");
        }

        var forbidden = TextRules.FindForbiddenCharacter(value, allowLineBreaks);
        if (forbidden is not null)
        {
            throw Fail(claim, "contains " + forbidden);
        }

        return value;
    }

    public static TribeRole Role(TribeRole role) => role is TribeRole.Member or TribeRole.Moderator or TribeRole.Admin
        ? role
        : throw Fail(ClaimNames.Role, TextRules.Invariant($"has the undefined value {(int)role}. Use TribeRole.Member, TribeRole.Moderator or TribeRole.Admin"));

    public static Uri Picture(Uri picture)
    {
        Guard.NotNull(picture, nameof(picture));
        if (!picture.IsAbsoluteUri)
        {
            throw Fail(ClaimNames.Picture, "is a relative URL; the community needs a full URL. Pass an absolute http or https URL, such as https://cdn.example.com/jane.png");
        }

        if (picture.Scheme != Uri.UriSchemeHttps && picture.Scheme != Uri.UriSchemeHttp)
        {
            throw Fail(ClaimNames.Picture, "uses the scheme '" + picture.Scheme + "'; only http and https are shown by the community. Pass an absolute http or https URL, such as https://cdn.example.com/jane.png");
        }

        if (picture.Host.Length == 0)
        {
            throw Fail(ClaimNames.Picture, "has no host. Pass an absolute http or https URL, such as https://cdn.example.com/jane.png");
        }

        return picture;
    }

    public static string Locale(string locale)
    {
        OptionalText(ClaimNames.Locale, locale, allowLineBreaks: false);
        var problem = LocaleRules.FindProblem(locale);
        return problem is null
            ? locale
            : throw Fail(ClaimNames.Locale, "is not a BCP 47 language tag: " + problem + ". Pass a tag such as en, fr-CA or zh-Hant-TW");
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
}
