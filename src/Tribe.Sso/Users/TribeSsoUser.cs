using System;
using System.Collections.Generic;

namespace Tribe.Sso;

/// <summary>
/// A validated, immutable description of the signed-in user, which <see cref="TribeSsoIssuer"/> turns into token claims.
/// Start with <see cref="Create"/>, add optional claims with the builder's methods, and finish with
/// <see cref="TribeSsoUserBuilder.Build"/>.
/// </summary>
/// <example>
/// <code>
/// var user = TribeSsoUser.Create(id: "42", name: "Jane Doe", email: "jane@example.com")
///     .WithRole(TribeRole.Moderator)
///     .Build();
/// </code>
/// </example>
public sealed class TribeSsoUser
{
    internal TribeSsoUser(
        string id,
        string name,
        string email,
        TribeRole? role,
        TribeProfile profile,
        IReadOnlyList<TribeGroup>? groups,
        TribeGroupsOperation? groupsOperation)
    {
        Id = id;
        Name = name;
        Email = email;
        Role = role;
        Profile = profile;
        Groups = groups;
        GroupsOperation = groupsOperation;
    }

    /// <summary>Gets the partner's user id: the <c>sub</c> claim, stored by the community as <c>externalId</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the display name (<c>name</c>).</summary>
    public string Name { get; }

    /// <summary>Gets the email address, exactly as given (<c>email</c>); the community trusts it as verified.</summary>
    public string Email { get; }

    /// <summary>Gets the community role (<c>role</c>), or null to leave the community's choice (member for new users).</summary>
    public TribeRole? Role { get; }

    /// <summary>
    /// Gets the optional profile claims (<c>picture</c>, <c>source</c>, <c>title</c>, <c>bio</c>, <c>locale</c>,
    /// <c>tagline</c>), each checked when the builder set it; <see cref="TribeProfile.Empty"/> when none was set.
    /// </summary>
    public TribeProfile Profile { get; }

    /// <summary>
    /// Gets the groups (<c>groups</c>), or null when the token leaves the user's groups alone. An empty list means
    /// "remove the user from every group" and only comes from <see cref="TribeSsoUserBuilder.RemoveFromAllGroups"/>.
    /// </summary>
    public IReadOnlyList<TribeGroup>? Groups { get; }

    /// <summary>Gets what the community does with <see cref="Groups"/>, or null when there are no groups.</summary>
    public TribeGroupsOperation? GroupsOperation { get; }

    /// <summary>Starts describing a user with the three claims the community requires.</summary>
    /// <param name="id">The partner's stable user id (<c>sub</c>): non-empty, at most 255 characters, no control, invisible or bidi characters.</param>
    /// <param name="name">The display name (<c>name</c>): not blank, at most 255 characters, no control or bidi control characters (ZWJ and ZWNJ are fine).</param>
    /// <param name="email">The verified email address (<c>email</c>): a bare <c>local@domain</c>, at most 254 characters, no invisible or bidi characters. Sent exactly as given.</param>
    /// <returns>A builder for the optional claims; call <see cref="TribeSsoUserBuilder.Build"/> to finish.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="TribeSsoClaimException">An argument breaks the rule of its claim.</exception>
    public static TribeSsoUserBuilder Create(string id, string name, string email) => new(id, name, email);

    /// <summary>Returns the user id only: names and email addresses are personal data and stay out of logs.</summary>
    /// <returns>For example <c>TribeSsoUser 42</c>.</returns>
    public override string ToString() => "TribeSsoUser " + Id;
}
