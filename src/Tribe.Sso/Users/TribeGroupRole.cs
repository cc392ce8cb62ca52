namespace Tribe.Sso;

/// <summary>The user's role inside one group (the <c>role</c> field of a <c>groups</c> entry).</summary>
public enum TribeGroupRole
{
    /// <summary><c>member</c>.</summary>
    Member = 0,

    /// <summary><c>admin</c>: a group admin.</summary>
    Admin = 1,
}
