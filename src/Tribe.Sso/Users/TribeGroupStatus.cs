namespace Tribe.Sso;

/// <summary>The user's membership status in one group (the <c>status</c> field of a <c>groups</c> entry).</summary>
public enum TribeGroupStatus
{
    /// <summary><c>joined</c>: the user is a member of the group.</summary>
    Joined = 0,

    /// <summary><c>unapproved</c>: the membership waits for a group admin's approval.</summary>
    Unapproved = 1,
}
