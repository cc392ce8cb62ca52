namespace Tribe.Sso.Testing;

/// <summary>One entry of a decoded <c>groups</c> claim.</summary>
public sealed class TribeSsoGroupClaim
{
    internal TribeSsoGroupClaim(string groupId, TribeGroupRole role, TribeGroupStatus status, bool isBareId)
    {
        GroupId = groupId;
        Role = role;
        Status = status;
        IsBareId = isBareId;
    }

    /// <summary>Gets the group id.</summary>
    public string GroupId { get; }

    /// <summary>Gets the role in the group (<see cref="TribeGroupRole.Member"/> for a bare id).</summary>
    public TribeGroupRole Role { get; }

    /// <summary>Gets the membership status (<see cref="TribeGroupStatus.Joined"/> for a bare id).</summary>
    public TribeGroupStatus Status { get; }

    /// <summary>Gets a value indicating whether the entry was a bare id string.</summary>
    public bool IsBareId { get; }
}
