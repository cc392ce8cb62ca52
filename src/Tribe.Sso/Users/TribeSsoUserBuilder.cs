using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace Tribe.Sso;

/// <summary>
/// Describes a <see cref="TribeSsoUser"/> claim by claim. Every method validates its input at once and returns a new
/// builder, so a builder can be shared and extended without one branch changing another.
/// </summary>
/// <remarks>
/// Groups come in two explicit shapes: <see cref="ReplaceGroups(TribeGroup[])"/> (the user's groups become exactly these)
/// and <see cref="AddToGroups(TribeGroup[])"/> (these are added, <c>groupsOperation: "add"</c>). They cannot be mixed.
/// Removing a user from every group takes the deliberate <see cref="RemoveFromAllGroups"/>; an empty list is refused.
/// </remarks>
public sealed class TribeSsoUserBuilder
{
    private readonly string _id;
    private readonly string _name;
    private readonly string _email;
    private TribeRole? _role;
    private TribeProfile _profile = TribeProfile.Empty;
    private TribeGroup[]? _groups;
    private TribeGroupsOperation? _groupsOperation;

    internal TribeSsoUserBuilder(string id, string name, string email)
    {
        _id = ClaimRules.Subject(id);
        _name = ClaimRules.Name(name);
        _email = ClaimRules.Email(email);
    }

    /// <summary>Sets the community role (<c>role</c>).</summary>
    /// <param name="role">The role.</param>
    /// <returns>A new builder with the role set.</returns>
    /// <exception cref="TribeSsoClaimException">The value is not a defined <see cref="TribeRole"/>.</exception>
    public TribeSsoUserBuilder WithRole(TribeRole role)
    {
        var validated = ClaimRules.Role(role);
        return Copy(b => b._role = validated);
    }

    /// <summary>Sets the profile picture (<c>picture</c>), an absolute http or https URL.</summary>
    /// <param name="picture">The picture URL.</param>
    /// <returns>A new builder with the picture set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="picture"/> is null.</exception>
    /// <exception cref="TribeSsoClaimException">The URL is relative, has no host, is not http or https, or is longer than 2,048 characters.</exception>
    public TribeSsoUserBuilder WithPicture(Uri picture)
    {
        var validated = ClaimRules.Picture(picture);
        return Copy(b => b._profile = b._profile with { Picture = validated });
    }

    /// <summary>Sets the marketing source (<c>source</c>), like <c>utm_source</c>.</summary>
    /// <param name="source">The source; not empty, at most 255 characters, no control or bidi control characters.</param>
    /// <returns>A new builder with the source set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="source"/> is null.</exception>
    /// <exception cref="TribeSsoClaimException">The value is empty, longer than 255 characters, or contains control characters, bidi controls (U+202A–U+202E, U+2066–U+2069) or lone surrogates.</exception>
    public TribeSsoUserBuilder WithSource(string source)
    {
        var validated = ClaimRules.ShortText(ClaimNames.Source, source);
        return Copy(b => b._profile = b._profile with { Source = validated });
    }

    /// <summary>Sets the profile title (<c>title</c>).</summary>
    /// <param name="title">The title; not empty, at most 255 characters, no control or bidi control characters.</param>
    /// <returns>A new builder with the title set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="title"/> is null.</exception>
    /// <exception cref="TribeSsoClaimException">The value is empty, longer than 255 characters, or contains control characters, bidi controls (U+202A–U+202E, U+2066–U+2069) or lone surrogates.</exception>
    public TribeSsoUserBuilder WithTitle(string title)
    {
        var validated = ClaimRules.ShortText(ClaimNames.Title, title);
        return Copy(b => b._profile = b._profile with { Title = validated });
    }

    /// <summary>Sets the short description (<c>bio</c>). Simple HTML is passed through as is (the community renders it); line breaks and tabs are allowed.</summary>
    /// <param name="bio">The description; not empty, at most 4,000 characters, no control characters other than CR, LF and TAB.</param>
    /// <returns>A new builder with the bio set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="bio"/> is null.</exception>
    /// <exception cref="TribeSsoClaimException">The value is empty, longer than 4,000 characters, or contains control characters or lone surrogates.</exception>
    public TribeSsoUserBuilder WithBio(string bio)
    {
        var validated = ClaimRules.Bio(bio);
        return Copy(b => b._profile = b._profile with { Bio = validated });
    }

    /// <summary>Sets the locale (<c>locale</c>), a BCP 47 tag such as <c>en</c> or <c>fr-CA</c>. Enterprise communities only.</summary>
    /// <param name="locale">The language tag.</param>
    /// <returns>A new builder with the locale set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="locale"/> is null.</exception>
    /// <exception cref="TribeSsoClaimException">The value is not a well-formed BCP 47 tag.</exception>
    public TribeSsoUserBuilder WithLocale(string locale)
    {
        var validated = ClaimRules.Locale(locale);
        return Copy(b => b._profile = b._profile with { Locale = validated });
    }

    /// <summary>Sets the tagline (<c>tagline</c>).</summary>
    /// <param name="tagline">The tagline; not empty, at most 255 characters, no control or bidi control characters.</param>
    /// <returns>A new builder with the tagline set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tagline"/> is null.</exception>
    /// <exception cref="TribeSsoClaimException">The value is empty, longer than 255 characters, or contains control characters, bidi controls (U+202A–U+202E, U+2066–U+2069) or lone surrogates.</exception>
    public TribeSsoUserBuilder WithTagline(string tagline)
    {
        var validated = ClaimRules.ShortText(ClaimNames.Tagline, tagline);
        return Copy(b => b._profile = b._profile with { Tagline = validated });
    }

    /// <summary>The user's groups become exactly <paramref name="groups"/> (no <c>groupsOperation</c> claim).</summary>
    /// <param name="groups">At least one group and at most 100, each id once.</param>
    /// <returns>A new builder with the groups set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> or one of its items is null.</exception>
    /// <exception cref="TribeSsoClaimException">The list is empty, has more than 100 entries, names a group twice, or groups were already set.</exception>
    public TribeSsoUserBuilder ReplaceGroups(params TribeGroup[] groups) => ReplaceGroups((IEnumerable<TribeGroup>)groups);

    /// <inheritdoc cref="ReplaceGroups(TribeGroup[])"/>
    public TribeSsoUserBuilder ReplaceGroups(IEnumerable<TribeGroup> groups)
    {
        if (_groupsOperation is not null)
        {
            throw ClaimRules.Fail(ClaimNames.Groups, "was already set by " + CallThatSetGroups() + "; ReplaceGroups can be called once, and not together with AddToGroups or RemoveFromAllGroups. Pass every group in a single ReplaceGroups call");
        }

        var copy = CopyGroups(groups, nameof(groups));
        if (copy.Length == 0)
        {
            throw ClaimRules.Fail(ClaimNames.Groups, "would be an empty list, which removes the user from every group. Call RemoveFromAllGroups() if that is what you mean, or leave the call out to keep the user's groups");
        }

        ClaimRules.Groups(copy);
        return Copy(b => b.SetGroups(copy, TribeGroupsOperation.Replace));
    }

    /// <summary>Adds <paramref name="groups"/> to the user's groups (<c>"groupsOperation": "add"</c>). May be called more than once; the groups accumulate.</summary>
    /// <param name="groups">At least one group, each id once and at most 100 across all calls.</param>
    /// <returns>A new builder with the groups added.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> or one of its items is null.</exception>
    /// <exception cref="TribeSsoClaimException">The list is empty, names a group twice, brings the total over 100, or groups are being replaced.</exception>
    public TribeSsoUserBuilder AddToGroups(params TribeGroup[] groups) => AddToGroups((IEnumerable<TribeGroup>)groups);

    /// <inheritdoc cref="AddToGroups(TribeGroup[])"/>
    public TribeSsoUserBuilder AddToGroups(IEnumerable<TribeGroup> groups)
    {
        if (_groupsOperation == TribeGroupsOperation.Replace)
        {
            throw ClaimRules.Fail(ClaimNames.Groups, "was already set by " + CallThatSetGroups() + "; the community either replaces the user's groups or adds to them, not both. Use ReplaceGroups or AddToGroups, not both");
        }

        var added = CopyGroups(groups, nameof(groups));
        if (added.Length == 0)
        {
            throw ClaimRules.Fail(ClaimNames.Groups, "would add no group. Pass at least one group, or leave the call out");
        }

        var all = _groups is null ? added : _groups.Concat(added).ToArray();
        ClaimRules.Groups(all);
        return Copy(b => b.SetGroups(all, TribeGroupsOperation.Add));
    }

    /// <summary>Removes the user from every group: writes <c>"groups": []</c>, which the community applies as "replace with nothing".</summary>
    /// <returns>A new builder that removes the user from all groups.</returns>
    /// <exception cref="TribeSsoClaimException">Groups were already set.</exception>
    public TribeSsoUserBuilder RemoveFromAllGroups()
    {
        if (_groupsOperation is not null)
        {
            throw ClaimRules.Fail(ClaimNames.Groups, "was already set by " + CallThatSetGroups() + "; RemoveFromAllGroups cannot be combined with other group calls. Keep only one of them");
        }

        return Copy(b => b.SetGroups(Array.Empty<TribeGroup>(), TribeGroupsOperation.Replace));
    }

    /// <summary>Finishes the user. Every value was validated when it was set, so this cannot fail.</summary>
    /// <returns>The immutable user.</returns>
    public TribeSsoUser Build() => new(
        _id,
        _name,
        _email,
        _role,
        _profile,
        _groups is null ? null : new ReadOnlyCollection<TribeGroup>(_groups),
        _groupsOperation);

    /// <summary>Returns the user id only: names and email addresses are personal data and stay out of logs.</summary>
    /// <returns>For example <c>TribeSsoUserBuilder 42</c>.</returns>
    public override string ToString() => "TribeSsoUserBuilder " + _id;

    private static TribeGroup[] CopyGroups(IEnumerable<TribeGroup> groups, string parameterName)
    {
        Guard.NotNull(groups, parameterName);
        var copy = groups.ToArray();
        if (Array.IndexOf(copy, null) >= 0)
        {
            throw new ArgumentNullException(parameterName, "The group list contains null. Pass TribeGroup values created with TribeGroup.FromId, Joined or Unapproved.");
        }

        return copy;
    }

    private string CallThatSetGroups() => _groupsOperation == TribeGroupsOperation.Add
        ? "AddToGroups"
        : _groups!.Length == 0 ? "RemoveFromAllGroups" : "ReplaceGroups";

    private void SetGroups(TribeGroup[] groups, TribeGroupsOperation operation)
    {
        _groups = groups;
        _groupsOperation = operation;
    }

    private TribeSsoUserBuilder Copy(Action<TribeSsoUserBuilder> change)
    {
        var copy = (TribeSsoUserBuilder)MemberwiseClone();
        change(copy);
        return copy;
    }
}
