using System;
using System.Collections.Generic;
using System.Linq;

namespace Tribe.Sso;

/// <summary>
/// The one mapping from claims to <see cref="TribeSsoUserBuilder"/>: which builder method sets each optional claim, how a
/// group entry and the groups operation become builder calls. Shared source: the token reader (would the SDK sign these
/// claims?), the CLI (its claim options) and the simulated community's API (an update under the sign-in rules) build
/// users through it, so a claim the builder learns is mapped here once.
/// </summary>
internal static class UserClaims
{
    /// <summary>The optional text claims, in the order the issuer writes them, each with the builder method that sets it.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, Func<TribeSsoUserBuilder, string, TribeSsoUserBuilder>>> Text = new[]
    {
        Setter(ClaimNames.Source, (builder, value) => builder.WithSource(value)),
        Setter(ClaimNames.Title, (builder, value) => builder.WithTitle(value)),
        Setter(ClaimNames.Bio, (builder, value) => builder.WithBio(value)),
        Setter(ClaimNames.Locale, (builder, value) => builder.WithLocale(value)),
        Setter(ClaimNames.Tagline, (builder, value) => builder.WithTagline(value)),
    };

    /// <summary>
    /// Builds the user the claims describe, under every rule of the SDK. <paramref name="text"/> gives an optional text
    /// claim's value by its name (null: not given); <paramref name="groups"/> null leaves groups alone, and empty without
    /// <see cref="TribeGroupsOperation.Add"/> removes the user from every group, as the community reads a token.
    /// </summary>
    /// <exception cref="TribeSsoClaimException">A value breaks a claim rule; the exception names the claim, never the value.</exception>
    public static TribeSsoUser Build(
        string id,
        string name,
        string email,
        TribeRole? role,
        Uri? picture,
        Func<string, string?> text,
        IReadOnlyCollection<TribeGroup>? groups,
        TribeGroupsOperation? groupsOperation)
    {
        var builder = TribeSsoUser.Create(id, name, email);
        builder = role is { } r ? builder.WithRole(r) : builder;
        builder = picture is not null ? builder.WithPicture(picture) : builder;
        foreach (var claim in Text)
        {
            builder = text(claim.Key) is { } value ? claim.Value(builder, value) : builder;
        }

        if (groups is not null)
        {
            builder = groupsOperation == TribeGroupsOperation.Add ? builder.AddToGroups(groups)
                : groups.Count == 0 ? builder.RemoveFromAllGroups() : builder.ReplaceGroups(groups);
        }

        return builder.Build();
    }

    /// <summary>
    /// A group entry as a token spells it: a bare id (<paramref name="role"/> null), or an object with a role and a status.
    /// </summary>
    /// <exception cref="TribeSsoClaimException">The id breaks the group id rule.</exception>
    public static TribeGroup Group(string id, TribeGroupRole? role, TribeGroupStatus status) => role switch
    {
        null => TribeGroup.FromId(id),
        { } r when status == TribeGroupStatus.Joined => TribeGroup.Joined(id, r),
        { } r => TribeGroup.Unapproved(id, r),
    };

    /// <summary>The names of the optional text claims, in order.</summary>
    public static IEnumerable<string> TextNames => Text.Select(claim => claim.Key);

    private static KeyValuePair<string, Func<TribeSsoUserBuilder, string, TribeSsoUserBuilder>> Setter(
        string claim, Func<TribeSsoUserBuilder, string, TribeSsoUserBuilder> set) => new(claim, set);
}
