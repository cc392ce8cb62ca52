namespace Tribe.Sso;

/// <summary>The user's role in the community (the <c>role</c> claim).</summary>
public enum TribeRole
{
    /// <summary><c>member</c>: the community's default role.</summary>
    Member = 0,

    /// <summary><c>moderator</c>.</summary>
    Moderator = 1,

    /// <summary><c>admin</c>.</summary>
    Admin = 2,
}
