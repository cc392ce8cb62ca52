namespace Tribe.Sso.Testing;

/// <summary>What the community did with an SSO sign-in.</summary>
public enum TribeSsoSignInOutcome
{
    /// <summary>No user matched <c>sub</c> or <c>email</c>: a new user was created and signed in.</summary>
    Created,

    /// <summary>A user with <c>externalId == sub</c> was found, updated (email included) and signed in.</summary>
    Updated,

    /// <summary>No user had <c>externalId == sub</c>; the user with that email and no externalId was linked (<c>externalId = sub</c>), updated and signed in.</summary>
    Linked,

    /// <summary>
    /// The user with that email already has a different externalId (or the new email belongs to another user): the
    /// community answers with a conflict error and nobody is signed in.
    /// </summary>
    Conflict,

    /// <summary>The token was refused (bad signature, expired, missing claims…); see <see cref="TribeSsoSignInResult.Rejection"/>.</summary>
    Rejected,
}
