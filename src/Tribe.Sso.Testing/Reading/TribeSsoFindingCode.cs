namespace Tribe.Sso.Testing;

/// <summary>
/// What a <see cref="TribeSsoFinding"/> is about; stable, for assertions and scripts. Each code has one meaning and
/// always the same <see cref="TribeSsoFindingSeverity"/>, given in its description. See docs/protocol.md#what-the-reader-checks.
/// </summary>
public enum TribeSsoFindingCode
{
    /// <summary>Rejected: not a compact JWT (not three segments, not canonical base64url, not a JSON object, an escaped lone surrogate), or not a usable link.</summary>
    Malformed,

    /// <summary>Rejected: the header has no <c>alg</c>.</summary>
    AlgorithmMissing,

    /// <summary>Rejected: the header's <c>alg</c> is not <c>HS256</c> (for example <c>none</c>, <c>HS384</c> or <c>RS256</c>).</summary>
    AlgorithmNotAllowed,

    /// <summary>Rejected: the signature does not match: another key signed it, the key has surrounding whitespace, or the token was altered.</summary>
    SignatureInvalid,

    /// <summary>Warning: no key was given, so the signature was not checked.</summary>
    SignatureNotChecked,

    /// <summary>Rejected: the token expired (<c>exp</c> plus the leeway is in the past).</summary>
    Expired,

    /// <summary>Rejected: the token is not valid yet (<c>nbf</c> minus the leeway is in the future).</summary>
    NotYetValid,

    /// <summary>Warning: <c>iat</c> is in the future beyond the leeway: the issuer's clock is ahead.</summary>
    IssuedInFuture,

    /// <summary>Warning: no <c>exp</c>: the token is valid forever.</summary>
    NoExpiry,

    /// <summary>Warning: <c>exp</c> − <c>iat</c> is longer than 10 minutes.</summary>
    LifetimeTooLong,

    /// <summary>Rejected: a required claim (<c>sub</c>, <c>name</c>, <c>email</c>) is missing or empty.</summary>
    ClaimMissing,

    /// <summary>Rejected: a claim the community reads has the wrong JSON type or value (a required claim that is not a string, <c>aud</c>, or <c>exp</c>, <c>iat</c>, <c>nbf</c> that are not numbers).</summary>
    ClaimInvalid,

    /// <summary>Rejected: <c>role</c> is not <c>member</c>, <c>moderator</c> or <c>admin</c>.</summary>
    RoleInvalid,

    /// <summary>Rejected: <c>groups</c> is not an array of group ids or <c>{group, role, status}</c> objects.</summary>
    GroupsInvalid,

    /// <summary>Rejected: <c>groupsOperation</c> is present but not <c>"add"</c>.</summary>
    GroupsOperationInvalid,

    /// <summary>Rejected: <c>aud</c> does not match the expected audience.</summary>
    AudienceMismatch,

    /// <summary>Ignored: a claim the community does not know.</summary>
    UnknownClaim,

    /// <summary>Ignored: <c>picture</c> is not an absolute http or https URL; the community stores it but browsers will not show it.</summary>
    PictureNotHttp,

    /// <summary>Warning: the link's redirect target is not a safe path on the community.</summary>
    RedirectUnsafe,

    /// <summary>Ignored: an optional claim has the wrong JSON type, so the community ignores it.</summary>
    ClaimIgnored,

    /// <summary>Ignored: <c>groupsOperation</c> without <c>groups</c>.</summary>
    GroupsOperationIgnored,

    /// <summary>Warning: <c>groups</c> is empty without <c>groupsOperation: "add"</c>: the user leaves every group.</summary>
    GroupsRemoveAll,

    /// <summary>Warning: the community accepts the claims, but the SDK would refuse to sign them (for example a control character in a name).</summary>
    RefusedBySdk,

    /// <summary>Rejected: the link repeats a parameter or is ambiguous (<c>jwt</c> twice, <c>redirect</c> twice, <c>redirect</c> together with <c>redirect_uri</c>).</summary>
    LinkAmbiguous,
}
