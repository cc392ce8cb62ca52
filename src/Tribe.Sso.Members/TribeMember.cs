using System;

namespace Tribe.Sso.Members;

/// <summary>A member of the community as its API describes it. Immutable.</summary>
/// <remarks><see cref="ToString"/> shows the ids and the status, never the email or the name.</remarks>
public sealed class TribeMember
{
    internal TribeMember(string id, string? externalId, string? email, string? name, TribeMemberStatus status)
    {
        Id = id;
        ExternalId = externalId;
        Email = email;
        Name = name;
        Status = status;
    }

    /// <summary>The community's id of the member (<c>Member.id</c>), the id <see cref="TribeMembersClient.UpdateAsync"/> and <see cref="TribeMembersClient.DeleteAsync"/> take.</summary>
    public string Id { get; }

    /// <summary>The partner's user id the member is linked to (<c>externalId</c>, the SSO token's <c>sub</c>), or null when not linked.</summary>
    public string? ExternalId { get; }

    /// <summary>The member's email, or null when the token may not read it. Personal data: never log it.</summary>
    public string? Email { get; }

    /// <summary>The member's name.</summary>
    public string? Name { get; }

    /// <summary>The member's status; <see cref="TribeMemberStatus.Unknown"/> for a value this client does not know.</summary>
    public TribeMemberStatus Status { get; }

    /// <summary>The member's username (<c>username</c>), or null.</summary>
    public string? Username { get; init; }

    /// <summary>The member's tagline, or null.</summary>
    public string? Tagline { get; init; }

    /// <summary>The member's locale, such as <c>en</c>, or null.</summary>
    public string? Locale { get; init; }

    /// <summary>The id of the member's community role (<c>roleId</c>), or null.</summary>
    public string? RoleId { get; init; }

    /// <summary>When the member was created, or null when the answer did not say.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the member was last updated, or null when the answer did not say.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Whether the member is verified or unverified: not blocked, suspended, deleted, removed or of an unknown status.</summary>
    public bool IsActive => Status is TribeMemberStatus.Verified or TribeMemberStatus.Unverified;

    /// <summary>Describes the member by its ids and status, without the email or the name.</summary>
    /// <returns>For example <c>TribeMember { Id = m1, ExternalId = 42, Status = Verified }</c>.</returns>
    public override string ToString() => "TribeMember { Id = " + Id + ", ExternalId = " + (ExternalId ?? "null") + ", Status = " + Status + " }";
}
