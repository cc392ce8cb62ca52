namespace Tribe.Sso.Members;

/// <summary>Why <see cref="TribeMembersClient.ResolveConflictAsync"/> did what it did.</summary>
public enum TribeConflictReason
{
    /// <summary>A member already has <c>externalId</c> equal to the user's id: the sign-in finds it (<see cref="TribeConflictOutcome.NothingToDo"/>).</summary>
    AlreadyLinked = 0,

    /// <summary>The member with the user's email has no <c>externalId</c>: the sign-in links it (<see cref="TribeConflictOutcome.NothingToDo"/>).</summary>
    NotLinkedYet,

    /// <summary>The member with the user's email held another <c>externalId</c> and now holds the user's id (<see cref="TribeConflictOutcome.Relinked"/>).</summary>
    LinkedToAnotherId,

    /// <summary>No member has the user's email (nor the user's id): there is no conflict to fix; the next sign-in creates the member (<see cref="TribeConflictOutcome.Refused"/>).</summary>
    NoMemberWithEmail,

    /// <summary>Several members have the user's email, differing only in letter case: the client will not choose (<see cref="TribeConflictOutcome.Refused"/>).</summary>
    AmbiguousEmail,

    /// <summary>The member with the user's email is blocked, suspended, deleted, removed or of an unknown status: relinking would hand that account over (<see cref="TribeConflictOutcome.Refused"/>).</summary>
    MemberNotActive,
}
