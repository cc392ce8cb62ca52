using System;

namespace Tribe.Sso;

/// <summary>
/// One entry of the <c>groups</c> claim: either a bare group id (<see cref="FromId"/>), or a group with the user's role
/// and membership status (<see cref="Joined"/>, <see cref="Unapproved"/>).
/// </summary>
public sealed class TribeGroup : IEquatable<TribeGroup>
{
    private TribeGroup(string id, TribeGroupRole? role, TribeGroupStatus? status)
    {
        GroupId = id;
        Role = role;
        Status = status;
    }

    /// <summary>Gets the community's group id.</summary>
    public string GroupId { get; }

    /// <summary>Gets the user's role in the group, or null for a bare id entry.</summary>
    public TribeGroupRole? Role { get; }

    /// <summary>Gets the user's membership status, or null for a bare id entry.</summary>
    public TribeGroupStatus? Status { get; }

    /// <summary>Gets a value indicating whether the entry is written as a bare id string rather than an object.</summary>
    public bool IsBareId => Status is null;

    /// <summary>A bare group id: written as <c>"&lt;id&gt;"</c>, the community applies its defaults.</summary>
    /// <param name="groupId">The community's group id.</param>
    /// <returns>The group entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groupId"/> is null.</exception>
    /// <exception cref="TribeSsoClaimException">The id is empty, longer than 255 characters, or contains whitespace, control, invisible or bidi characters.</exception>
    public static TribeGroup FromId(string groupId) => new(ValidateId(groupId), role: null, status: null);

    /// <summary>The user joins the group: written as <c>{"group": id, "role": role, "status": "joined"}</c>.</summary>
    /// <param name="groupId">The community's group id.</param>
    /// <param name="role">The user's role in the group; <see cref="TribeGroupRole.Member"/> unless given.</param>
    /// <returns>The group entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groupId"/> is null.</exception>
    /// <exception cref="TribeSsoClaimException">The id is empty, longer than 255 characters, or contains whitespace, control, invisible or bidi characters, or the role is not defined.</exception>
    public static TribeGroup Joined(string groupId, TribeGroupRole role = TribeGroupRole.Member)
        => new(ValidateId(groupId), ValidateRole(role), TribeGroupStatus.Joined);

    /// <summary>The user asks to join the group and waits for approval: written with <c>"status": "unapproved"</c>.</summary>
    /// <param name="groupId">The community's group id.</param>
    /// <param name="role">The user's role in the group once approved; <see cref="TribeGroupRole.Member"/> unless given.</param>
    /// <returns>The group entry.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="groupId"/> is null.</exception>
    /// <exception cref="TribeSsoClaimException">The id is empty, longer than 255 characters, or contains whitespace, control, invisible or bidi characters, or the role is not defined.</exception>
    public static TribeGroup Unapproved(string groupId, TribeGroupRole role = TribeGroupRole.Member)
        => new(ValidateId(groupId), ValidateRole(role), TribeGroupStatus.Unapproved);

    /// <inheritdoc />
    public bool Equals(TribeGroup? other)
        => other is not null && string.Equals(GroupId, other.GroupId, StringComparison.Ordinal) && Role == other.Role && Status == other.Status;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TribeGroup);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(GroupId) ^ ((int?)Role ?? -1) ^ (((int?)Status ?? -1) << 4);

    /// <summary>Returns the entry as it is written into the token, for diagnostics.</summary>
    /// <returns>For example <c>5f1c0e8b (member, joined)</c>.</returns>
    public override string ToString()
        => IsBareId ? GroupId : TextRules.Invariant($"{GroupId} ({ClaimValues.Of(Role!.Value)}, {ClaimValues.Of(Status!.Value)})");

    private static string ValidateId(string groupId)
    {
        Guard.NotNull(groupId, nameof(groupId));
        if (groupId.Length == 0)
        {
            throw new TribeSsoClaimException(ClaimNames.Groups, "Claim 'groups' has an empty group id. Pass the id of the group as shown in the community (its admin panel or API).");
        }

        if (groupId.Length > ClaimRules.MaxGroupIdLength)
        {
            throw new TribeSsoClaimException(ClaimNames.Groups, TextRules.Invariant($"Claim 'groups' has a group id of {groupId.Length} characters; at most {ClaimRules.MaxGroupIdLength} are accepted. Pass the group's id, not its name or URL."));
        }

        foreach (var c in groupId)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || char.IsSurrogate(c))
            {
                throw new TribeSsoClaimException(ClaimNames.Groups, "Claim 'groups' has a group id that contains whitespace, a control character or a surrogate. Pass the group's id exactly as the community shows it, without spaces.");
            }
        }

        if (TextRules.FindInvisibleCharacter(groupId) is { } invisible)
        {
            throw new TribeSsoClaimException(ClaimNames.Groups, "Claim 'groups' has a group id that contains " + invisible + ".");
        }

        return groupId;
    }

    private static TribeGroupRole ValidateRole(TribeGroupRole role) => role is TribeGroupRole.Member or TribeGroupRole.Admin
        ? role
        : throw new TribeSsoClaimException(ClaimNames.Groups, TextRules.Invariant($"Claim 'groups' has an undefined group role ({(int)role}). Use TribeGroupRole.Member or TribeGroupRole.Admin."));
}
