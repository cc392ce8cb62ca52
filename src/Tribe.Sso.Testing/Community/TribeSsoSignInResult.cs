namespace Tribe.Sso.Testing;

/// <summary>The result of <see cref="InMemoryTribeCommunity.SignIn(string)"/>.</summary>
public sealed class TribeSsoSignInResult
{
    internal TribeSsoSignInResult(TribeSsoSignInOutcome outcome, TribeCommunityMember? member, string? redirectPath, TribeSsoReadResult readResult, string? conflictReason = null)
    {
        Outcome = outcome;
        Member = member;
        RedirectPath = redirectPath;
        ReadResult = readResult;
        ConflictReason = conflictReason;
    }

    /// <summary>Gets what the community did.</summary>
    public TribeSsoSignInOutcome Outcome { get; }

    /// <summary>Gets a value indicating whether a user is now signed in (created, updated or linked).</summary>
    public bool IsSignedIn => Outcome is TribeSsoSignInOutcome.Created or TribeSsoSignInOutcome.Updated or TribeSsoSignInOutcome.Linked;

    /// <summary>Gets the signed-in user as stored after the sign-in, or null when nobody was signed in.</summary>
    public TribeCommunityMember? Member { get; }

    /// <summary>Gets where the community sends the browser: the link's redirect path when it is a safe path, otherwise <c>/</c> (the home page). Null when nobody was signed in.</summary>
    public string? RedirectPath { get; }

    /// <summary>Gets everything the token reader found.</summary>
    public TribeSsoReadResult ReadResult { get; }

    /// <summary>Gets the first finding that made the community refuse the token, or null.</summary>
    public TribeSsoFinding? Rejection => ReadResult.Rejection;

    /// <summary>Gets why a <see cref="TribeSsoSignInOutcome.Conflict"/> happened, or null.</summary>
    public string? ConflictReason { get; }

    /// <summary>Describes the outcome.</summary>
    /// <returns>For example <c>Created TribeCommunityMember 0000… (external 42)</c>.</returns>
    public override string ToString() => Outcome + (Member is null ? string.Empty : " " + Member) + (Rejection is null ? string.Empty : ": " + Rejection.Message) + (ConflictReason is null ? string.Empty : ": " + ConflictReason);
}
