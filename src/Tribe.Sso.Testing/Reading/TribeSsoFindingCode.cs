namespace Tribe.Sso.Testing;

/// <summary>What a <see cref="TribeSsoFinding"/> is about; stable, for assertions and scripts.</summary>
public enum TribeSsoFindingCode
{
    /// <summary>Not a compact JWT: not three segments, bad base64url, or a header or payload that is not a JSON object.</summary>
    Malformed,

    /// <summary>The header has no <c>alg</c>.</summary>
    AlgorithmMissing,

    /// <summary>The header's <c>alg</c> is not <c>HS256</c> (for example <c>none</c>, <c>HS384</c> or <c>RS256</c>).</summary>
    AlgorithmNotAllowed,

    /// <summary>The signature does not match: another key signed it, the key has surrounding whitespace, or the token was altered.</summary>
    SignatureInvalid,

    /// <summary>No key was given, so the signature was not checked.</summary>
    SignatureNotChecked,

    /// <summary>The token expired (<c>exp</c> plus the leeway is in the past).</summary>
    Expired,

    /// <summary>The token is not valid yet (<c>nbf</c> minus the leeway is in the future).</summary>
    NotYetValid,

    /// <summary><c>iat</c> is in the future beyond the leeway: the issuer's clock is ahead.</summary>
    IssuedInFuture,

    /// <summary>No <c>exp</c>: the token is valid forever.</summary>
    NoExpiry,

    /// <summary><c>exp</c> − <c>iat</c> is longer than 10 minutes.</summary>
    LifetimeTooLong,

    /// <summary>A required claim (<c>sub</c>, <c>name</c>, <c>email</c>) is missing or empty.</summary>
    ClaimMissing,

    /// <summary>A claim has the wrong JSON type or an unusable value.</summary>
    ClaimInvalid,

    /// <summary><c>role</c> is not <c>member</c>, <c>moderator</c> or <c>admin</c>.</summary>
    RoleInvalid,

    /// <summary><c>groups</c> is not an array of group ids or <c>{group, role, status}</c> objects.</summary>
    GroupsInvalid,

    /// <summary><c>groupsOperation</c> is present but not <c>"add"</c>.</summary>
    GroupsOperationInvalid,

    /// <summary><c>aud</c> does not match the expected audience.</summary>
    AudienceMismatch,

    /// <summary>A claim the community does not know; it is ignored.</summary>
    UnknownClaim,

    /// <summary><c>picture</c> is not an absolute http or https URL; the community stores it but browsers will not show it.</summary>
    PictureNotHttp,

    /// <summary>The link's redirect target is not a safe path on the community.</summary>
    RedirectUnsafe,
}
