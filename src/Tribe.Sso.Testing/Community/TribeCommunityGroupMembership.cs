namespace Tribe.Sso.Testing;

/// <summary>A member's membership of one group in an <see cref="InMemoryTribeCommunity"/>.</summary>
public sealed class TribeCommunityGroupMembership
{
    /// <summary>Creates a membership.</summary>
    /// <param name="groupId">The group id.</param>
    /// <param name="role">The member's role in the group.</param>
    /// <param name="status">Joined, or waiting for approval.</param>
    public TribeCommunityGroupMembership(string groupId, TribeGroupRole role = TribeGroupRole.Member, TribeGroupStatus status = TribeGroupStatus.Joined)
    {
        GroupId = Guard.NotNull(groupId, nameof(groupId));
        Role = role;
        Status = status;
    }

    /// <summary>Gets the group id.</summary>
    public string GroupId { get; }

    /// <summary>Gets the member's role in the group.</summary>
    public TribeGroupRole Role { get; }

    /// <summary>Gets the membership status.</summary>
    public TribeGroupStatus Status { get; }

    /// <summary>Describes the membership.</summary>
    /// <returns>For example <c>g1 (member, joined)</c>.</returns>
    public override string ToString() => GroupId + " (" + ClaimValues.Of(Role) + ", " + ClaimValues.Of(Status) + ")";
}
