using System;
using System.Linq;

namespace Tribe.Sso.Members;

/// <summary>
/// What <see cref="TribeMembersClient.UpdateAsync"/> changes on a member: only the properties that are set are sent.
/// Each value must pass the rule of the SSO claim it corresponds to (<c>sub</c>, <c>email</c>, <c>name</c>,
/// <c>tagline</c>, <c>locale</c>), so a member is never given a value its next sign-in could not carry.
/// </summary>
/// <example><code>new TribeMemberChanges { ExternalId = "42" }</code></example>
public sealed class TribeMemberChanges
{
    private const string PlaceholderId = "placeholder";
    private const string PlaceholderName = "Placeholder";
    private const string PlaceholderEmail = "placeholder@example.org";

    private readonly string? _externalId;
    private readonly string? _email;
    private readonly string? _name;
    private readonly string? _tagline;
    private readonly string? _locale;

    /// <summary>The partner's user id to link the member to (<c>externalId</c>; the SSO token's <c>sub</c>).</summary>
    /// <exception cref="TribeSsoClaimException">The value breaks the <c>sub</c> rule: empty, over 255 characters, control or invisible characters.</exception>
    public string? ExternalId
    {
        get => _externalId;
        init => _externalId = Check(nameof(ExternalId), value, v => TribeSsoUser.Create(v, PlaceholderName, PlaceholderEmail));
    }

    /// <summary>The member's new email, sent exactly as given. Send only an address the user verified.</summary>
    /// <exception cref="TribeSsoClaimException">The value is not a single address the SSO builder accepts.</exception>
    public string? Email
    {
        get => _email;
        init => _email = Check(nameof(Email), value, v => TribeSsoUser.Create(PlaceholderId, PlaceholderName, v));
    }

    /// <summary>The member's new display name.</summary>
    /// <exception cref="TribeSsoClaimException">The value breaks the <c>name</c> rule: empty, over 255 characters, control or bidi control characters.</exception>
    public string? Name
    {
        get => _name;
        init => _name = Check(nameof(Name), value, v => TribeSsoUser.Create(PlaceholderId, v, PlaceholderEmail));
    }

    /// <summary>The member's new tagline.</summary>
    /// <exception cref="TribeSsoClaimException">The value breaks the <c>tagline</c> rule: empty, over 255 characters, control or bidi control characters.</exception>
    public string? Tagline
    {
        get => _tagline;
        init => _tagline = Check(nameof(Tagline), value, v => Placeholder().WithTagline(v));
    }

    /// <summary>The member's new locale, a BCP 47 tag such as <c>en</c> or <c>fr-CA</c>.</summary>
    /// <exception cref="TribeSsoClaimException">The value is not a BCP 47 language tag.</exception>
    public string? Locale
    {
        get => _locale;
        init => _locale = Check(nameof(Locale), value, v => Placeholder().WithLocale(v));
    }

    /// <summary>Whether no property is set (such changes are refused by <see cref="TribeMembersClient.UpdateAsync"/>).</summary>
    public bool IsEmpty => _externalId is null && _email is null && _name is null && _tagline is null && _locale is null;

    /// <summary>Names the properties that are set, without their values (an email or a name is personal data).</summary>
    /// <returns>For example <c>TribeMemberChanges { ExternalId, Email }</c>.</returns>
    public override string ToString()
    {
        var set = string.Join(", ", new[]
        {
            _externalId is null ? null : nameof(ExternalId),
            _email is null ? null : nameof(Email),
            _name is null ? null : nameof(Name),
            _tagline is null ? null : nameof(Tagline),
            _locale is null ? null : nameof(Locale),
        }.Where(n => n is not null));
        return "TribeMemberChanges { " + set + " }";
    }

    private static TribeSsoUserBuilder Placeholder() => TribeSsoUser.Create(PlaceholderId, PlaceholderName, PlaceholderEmail);

    /// <summary>Applies the SSO builder's rule for the claim, and names the property in the message.</summary>
    private static string? Check(string property, string? value, Func<string, TribeSsoUserBuilder> rule)
    {
        if (value is null)
        {
            return null;
        }

        try
        {
            rule(value).Build();
            return value;
        }
        catch (TribeSsoClaimException e)
        {
            throw new TribeSsoClaimException(e.ClaimName, "TribeMemberChanges." + property + " is refused: " + e.Message);
        }
    }
}
