namespace Tribe.Sso.Members;

/// <summary>A member's status in the community (<c>Member.status</c>).</summary>
public enum TribeMemberStatus
{
    /// <summary>A status this version of the client does not know.</summary>
    Unknown = 0,

    /// <summary><c>VERIFIED</c>: an active member with a verified email (every member created by SSO).</summary>
    Verified,

    /// <summary><c>UNVERIFIED</c>: the member has not verified the email yet.</summary>
    Unverified,

    /// <summary><c>BLOCKED</c>: blocked by an admin.</summary>
    Blocked,

    /// <summary><c>Suspended</c>: suspended by an admin.</summary>
    Suspended,

    /// <summary><c>DELETED</c>: the account was deleted.</summary>
    Deleted,

    /// <summary><c>REMOVED</c>: removed from the community.</summary>
    Removed,
}
