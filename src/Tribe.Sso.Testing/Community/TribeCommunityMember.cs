using System;
using System.Collections.Generic;

namespace Tribe.Sso.Testing;

/// <summary>An immutable snapshot of a user of an <see cref="InMemoryTribeCommunity"/>.</summary>
public sealed class TribeCommunityMember
{
    internal TribeCommunityMember(
        string id,
        string? externalId,
        string email,
        string name,
        TribeRole role,
        TribeProfile profile,
        IReadOnlyList<TribeCommunityGroupMembership> groups,
        DateTimeOffset createdAt,
        DateTimeOffset updatedAt)
    {
        Id = id;
        ExternalId = externalId;
        Email = email;
        Name = name;
        Role = role;
        Profile = profile;
        Groups = groups;
        CreatedAt = createdAt;
        UpdatedAt = updatedAt;
    }

    /// <summary>Gets the community's own id: 24 hexadecimal characters (<c>_id</c>).</summary>
    public string Id { get; }

    /// <summary>Gets the partner's id (<c>externalId</c>, from <c>sub</c>), or null for a member who never signed in through SSO.</summary>
    public string? ExternalId { get; }

    /// <summary>Gets the email address.</summary>
    public string Email { get; }

    /// <summary>Gets the display name.</summary>
    public string Name { get; }

    /// <summary>Gets the community role.</summary>
    public TribeRole Role { get; }

    /// <summary>
    /// Gets the profile the community stored: the last value each sign-in or API change gave, which the community took
    /// even where the SDK's builder would refuse it. <see cref="TribeProfile.Empty"/> until something is set.
    /// </summary>
    public TribeProfile Profile { get; }

    /// <summary>Gets the group memberships, in the order they were made.</summary>
    public IReadOnlyList<TribeCommunityGroupMembership> Groups { get; }

    /// <summary>Gets when the member joined: first signed in, was seeded or registered, on the community's clock.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Gets when the member last changed: a sign-in or a change through the API.</summary>
    public DateTimeOffset UpdatedAt { get; }

    /// <summary>Returns the ids only: names and email addresses are personal data.</summary>
    /// <returns>For example <c>TribeCommunityMember 000000000000000000000001 (external 42)</c>.</returns>
    public override string ToString() => "TribeCommunityMember " + Id + (ExternalId is null ? string.Empty : " (external " + ExternalId + ")");
}
