namespace Tribe.Sso.Members;

/// <summary>What <see cref="TribeMembersClient.ResolveConflictAsync"/> did.</summary>
public enum TribeConflictOutcome
{
    /// <summary>Nothing needed changing: the user's next sign-in succeeds as things are.</summary>
    NothingToDo = 0,

    /// <summary>The member holding the user's email was linked to the user's id; the next sign-in succeeds.</summary>
    Relinked,

    /// <summary>The client changed nothing because relinking would be wrong or impossible; <see cref="TribeConflictResolution.Reason"/> says why.</summary>
    Refused,
}
