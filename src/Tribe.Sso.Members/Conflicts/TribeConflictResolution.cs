using System.Collections.Generic;
using System.Linq;

namespace Tribe.Sso.Members;

/// <summary>What <see cref="TribeMembersClient.ResolveConflictAsync"/> found and did. Immutable.</summary>
/// <remarks><see cref="ToString"/> names member ids and external ids, never an email.</remarks>
public sealed class TribeConflictResolution
{
    internal TribeConflictResolution(TribeConflictOutcome outcome, TribeConflictReason reason, string userId, IReadOnlyList<string> memberIds, string? previousExternalId = null, TribeMemberStatus? memberStatus = null)
    {
        Outcome = outcome;
        Reason = reason;
        UserId = userId;
        MemberIds = memberIds;
        PreviousExternalId = previousExternalId;
        MemberStatus = memberStatus;
    }

    /// <summary>Nothing to do, relinked, or refused.</summary>
    public TribeConflictOutcome Outcome { get; }

    /// <summary>Why: what the client found.</summary>
    public TribeConflictReason Reason { get; }

    /// <summary>The partner's user id (<c>sub</c>) the resolution was for.</summary>
    public string UserId { get; }

    /// <summary>The member the resolution is about (the one linked, relinked or refused), or null when no member was found.</summary>
    public string? MemberId => MemberIds.Count == 1 ? MemberIds[0] : null;

    /// <summary>Every member id involved: one, none (no member), or several (<see cref="TribeConflictReason.AmbiguousEmail"/>).</summary>
    public IReadOnlyList<string> MemberIds { get; }

    /// <summary>The <c>externalId</c> the member held before it was relinked, or null.</summary>
    public string? PreviousExternalId { get; }

    /// <summary>The status of the member when it was refused as <see cref="TribeConflictReason.MemberNotActive"/>, or null.</summary>
    public TribeMemberStatus? MemberStatus { get; }

    /// <summary>A sentence saying what was found and done, with ids only.</summary>
    /// <returns>For example <c>Relinked: member m1 held externalId 7 and now holds 42.</c></returns>
    public override string ToString() => Reason switch
    {
        TribeConflictReason.AlreadyLinked => "NothingToDo: member " + MemberId + " already holds externalId " + UserId + ".",
        TribeConflictReason.NotLinkedYet => "NothingToDo: member " + MemberId + " has the user's email and no externalId; the next sign-in links it to " + UserId + ".",
        TribeConflictReason.LinkedToAnotherId => "Relinked: member " + MemberId + " held externalId " + PreviousExternalId + " and now holds " + UserId + ".",
        TribeConflictReason.NoMemberWithEmail => "Refused: no member has the user's email or externalId " + UserId + "; there is no conflict to fix, and the next sign-in creates the member.",
        TribeConflictReason.AmbiguousEmail => "Refused: members " + string.Join(", ", MemberIds) + " all have the user's email (in different letter case); fix them by id with UpdateAsync.",
        _ => "Refused: member " + MemberId + " has the user's email but is " + MemberStatus + "; it was not relinked to " + UserId + ". Restore the member in the community first, or give the user another email.",
    };

    internal static TribeConflictResolution Refused(TribeConflictReason reason, string userId, IEnumerable<string> memberIds, TribeMemberStatus? status = null)
        => new(TribeConflictOutcome.Refused, reason, userId, memberIds.ToArray(), memberStatus: status);
}
