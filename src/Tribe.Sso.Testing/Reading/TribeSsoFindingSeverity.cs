namespace Tribe.Sso.Testing;

/// <summary>How the community treats what a <see cref="TribeSsoFinding"/> describes.</summary>
public enum TribeSsoFindingSeverity
{
    /// <summary>The community refuses the token (or fails on it): the user is not signed in.</summary>
    Rejected = 0,

    /// <summary>The community accepts the token but silently ignores this part of it.</summary>
    Ignored = 1,

    /// <summary>The community accepts the token as it is, but it is risky or unusual.</summary>
    Warning = 2,
}
