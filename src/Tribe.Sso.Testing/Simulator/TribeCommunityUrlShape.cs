namespace Tribe.Sso.Testing;

/// <summary>The URL shape a <see cref="TribeCommunitySimulator"/> serves: a real community serves one.</summary>
public enum TribeCommunityUrlShape
{
    /// <summary>The source document's shape: <c>/auth/sso?jwt=…&amp;redirect=…</c>.</summary>
    Tribe = 0,

    /// <summary>The newer Tribe/Bettermode docs' shape: <c>/api/auth/sso?jwt=…&amp;redirect_uri=…</c>.</summary>
    Bettermode = 1,
}
