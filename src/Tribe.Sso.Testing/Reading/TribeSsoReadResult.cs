using System;
using System.Collections.Generic;
using System.Linq;

namespace Tribe.Sso.Testing;

/// <summary>What <see cref="TribeSsoTokenReader"/> found in a token or SSO link.</summary>
public sealed class TribeSsoReadResult
{
    internal TribeSsoReadResult()
    {
    }

    /// <summary>Gets a value indicating whether the community would accept the token: no finding is <see cref="TribeSsoFindingSeverity.Rejected"/>.</summary>
    /// <remarks>Without a key the signature is not checked, so this only says the rest of the token is acceptable.</remarks>
    public bool IsAccepted => Findings.All(f => f.Severity != TribeSsoFindingSeverity.Rejected);

    /// <summary>Gets the first finding that makes the community refuse the token, or null.</summary>
    public TribeSsoFinding? Rejection => Findings.FirstOrDefault(f => f.Severity == TribeSsoFindingSeverity.Rejected);

    /// <summary>Gets the compact token that was read (empty when a link carried none).</summary>
    public string Token { get; internal set; } = string.Empty;

    /// <summary>Gets the decoded header JSON, or null when it could not be decoded.</summary>
    public string? HeaderJson { get; internal set; }

    /// <summary>Gets the decoded payload JSON, or null when it could not be decoded.</summary>
    public string? PayloadJson { get; internal set; }

    /// <summary>Gets the header's <c>alg</c>, or null.</summary>
    public string? Algorithm { get; internal set; }

    /// <summary>Gets the outcome of the signature check.</summary>
    public TribeSsoSignatureStatus SignatureStatus { get; internal set; }

    /// <summary>Gets the typed claims, or null when the payload could not be decoded.</summary>
    public TribeSsoClaims? Claims { get; internal set; }

    /// <summary>Gets the user as a <see cref="TribeSsoUser"/> when the claims meet every rule of the SDK, otherwise null.</summary>
    public TribeSsoUser? User { get; internal set; }

    /// <summary>Gets the redirect target carried by the link (<c>redirect</c> or <c>redirect_uri</c>), decoded, or null.</summary>
    public string? RedirectPath { get; internal set; }

    /// <summary>Gets everything the reader noticed, most serious first.</summary>
    public IReadOnlyList<TribeSsoFinding> Findings { get; internal set; } = Array.Empty<TribeSsoFinding>();
}
