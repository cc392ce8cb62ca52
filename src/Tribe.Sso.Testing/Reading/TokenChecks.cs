using System;
using System.Linq;

namespace Tribe.Sso.Testing;

/// <summary>
/// Stage 3 of a read: what the community checks once the token is decoded: the algorithm, the signature, the times and
/// the audience; and, as a warning, whether the SDK itself would sign these claims.
/// </summary>
internal static class TokenChecks
{
    public static string? Algorithm(CompactToken token, FindingsCollector findings)
    {
        if (token.Header is not { } header)
        {
            return null;
        }

        if (!header.TryGetProperty(ClaimNames.Algorithm, out var alg) || alg.ValueKind != System.Text.Json.JsonValueKind.String)
        {
            findings.Add(TribeSsoFindingCode.AlgorithmMissing, ClaimNames.Algorithm, "the header has no alg; the community accepts only HS256");
            return null;
        }

        var algorithm = alg.GetString()!;
        if (algorithm != ClaimValues.Hs256)
        {
            var unsigned = algorithm.Equals("none", StringComparison.OrdinalIgnoreCase) ? " (an unsigned token)" : string.Empty;
            findings.Add(TribeSsoFindingCode.AlgorithmNotAllowed, ClaimNames.Algorithm, "alg " + FindingsCollector.Quote(algorithm) + " is not HS256; the community accepts only HS256" + unsigned);
        }

        return algorithm;
    }

    public static TribeSsoSignatureStatus Signature(CompactToken token, string? algorithm, TribeSsoKey? key, FindingsCollector findings)
    {
        if (algorithm != ClaimValues.Hs256 || token.Signature is null)
        {
            return TribeSsoSignatureStatus.NotChecked;
        }

        if (key is null)
        {
            findings.Add(TribeSsoFindingCode.SignatureNotChecked, null, "signature not checked: no key was given");
            return TribeSsoSignatureStatus.NotChecked;
        }

        if (key.VerifySignature(token.SigningInput, token.Signature))
        {
            return TribeSsoSignatureStatus.Valid;
        }

        findings.Add(TribeSsoFindingCode.SignatureInvalid, null, "bad signature: signed with another key or the key has surrounding whitespace, or the token was altered");
        return TribeSsoSignatureStatus.Invalid;
    }

    /// <summary>Compares in seconds, so dates at the ends of the calendar never overflow when the leeway is applied.</summary>
    public static void Times(TribeSsoClaims claims, DateTimeOffset now, TimeSpan leeway, bool expiryAbsent, FindingsCollector findings)
    {
        var nowSeconds = Seconds(now);
        var leewaySeconds = leeway.TotalSeconds;
        if (claims.ExpiresAt is { } expires)
        {
            if (nowSeconds > Seconds(expires) + leewaySeconds)
            {
                findings.Add(TribeSsoFindingCode.Expired, ClaimNames.Expires, "expired " + Describe.Duration(now - expires) + " ago");
            }
        }
        else if (expiryAbsent)
        {
            findings.Add(TribeSsoFindingCode.NoExpiry, ClaimNames.Expires, "no exp: valid forever (anyone who sees the link can sign in as this user at any time)");
        }

        if (claims.NotBefore is { } notBefore && nowSeconds < Seconds(notBefore) - leewaySeconds)
        {
            findings.Add(TribeSsoFindingCode.NotYetValid, ClaimNames.NotBefore, "not valid for another " + Describe.Duration(notBefore - now));
        }

        if (claims.IssuedAt is { } issuedAt && Seconds(issuedAt) > nowSeconds + leewaySeconds)
        {
            findings.Add(TribeSsoFindingCode.IssuedInFuture, ClaimNames.IssuedAt, "issued " + Describe.Duration(issuedAt - now) + " in the future: the issuer's clock is ahead");
        }

        if (claims.IssuedAt is { } iat && claims.ExpiresAt is { } exp && Seconds(exp) - Seconds(iat) > TribeSsoOptions.MaximumTokenLifetime.TotalSeconds)
        {
            findings.Add(TribeSsoFindingCode.LifetimeTooLong, ClaimNames.Expires, "lifetime " + Describe.Duration(exp - iat) + " is over 10 minutes; tokens in URLs leak, keep it short (60 s is the default)");
        }
    }

    public static void Audience(TribeSsoClaims claims, string? expected, FindingsCollector findings)
    {
        if (expected is not null && !claims.Audiences.Contains(expected, StringComparer.Ordinal))
        {
            findings.Add(TribeSsoFindingCode.AudienceMismatch, ClaimNames.Audience, claims.Audience is null
                ? "no aud, but the community expects " + FindingsCollector.Quote(expected)
                : "aud " + FindingsCollector.Quote(claims.Audience) + " is not the expected " + FindingsCollector.Quote(expected));
        }
    }

    /// <summary>The claims as a <see cref="TribeSsoUser"/> when they meet every rule of the SDK; otherwise null and a warning.</summary>
    public static TribeSsoUser? SdkUser(TribeSsoClaims claims, FindingsCollector findings)
    {
        if (claims.Subject is null || claims.Name is null || claims.Email is null)
        {
            return null;
        }

        try
        {
            // A picture the reader took as absolute but not http(s) is the community's business, not an SDK refusal.
            var picture = claims.Picture is { } p && (p.Scheme == Uri.UriSchemeHttp || p.Scheme == Uri.UriSchemeHttps) ? p : null;
            var groups = claims.Groups?.Select(g => UserClaims.Group(g.GroupId, g.IsBareId ? null : g.Role, g.Status)).ToList();
            return UserClaims.Build(claims.Subject, claims.Name, claims.Email, claims.Role, picture, claims.Text, groups, claims.GroupsOperation);
        }
        catch (TribeSsoClaimException e)
        {
            findings.Add(TribeSsoFindingCode.RefusedBySdk, e.ClaimName, "the SDK would refuse to sign this token: " + e.Message);
            return null;
        }
    }

    private static double Seconds(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds() / 1000.0;
}
