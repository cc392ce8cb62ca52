using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Tribe.Sso.Testing;

/// <summary>
/// Stage 2 of a read: the payload's claims, typed, with the names and values of <see cref="ClaimNames"/> and
/// <see cref="ClaimValues"/> that the issuer writes with. A value that cannot be read as its type is null, and a finding
/// says why.
/// </summary>
internal static class ClaimsReader
{
    /// <summary>The range of <see cref="DateTimeOffset"/> in Unix seconds; a NumericDate outside it is refused.</summary>
    private static readonly double MinSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();
    private static readonly double MaxSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    public static TribeSsoClaims Read(JsonElement payload, FindingsCollector findings)
    {
        var claims = new TribeSsoClaims
        {
            Subject = RequiredString(payload, ClaimNames.Subject, findings),
            Name = RequiredString(payload, ClaimNames.Name, findings),
            Email = RequiredString(payload, ClaimNames.Email, findings),
            Audience = ReadAudience(payload, findings, out var audiences),
            Role = ReadRole(payload, findings),
            Picture = ReadPicture(payload, findings),
            Audiences = audiences,
        };
        foreach (var claim in UserClaims.TextNames)
        {
            claims.SetText(claim, OptionalString(payload, claim, findings));
        }

        claims.IssuedAt = NumericDate(payload, ClaimNames.IssuedAt, findings);
        claims.ExpiresAt = NumericDate(payload, ClaimNames.Expires, findings);
        claims.NotBefore = NumericDate(payload, ClaimNames.NotBefore, findings);
        claims.UnknownClaims = payload.EnumerateObject().Select(p => p.Name).Where(n => !ClaimNames.Known.Contains(n)).ToList().AsReadOnly();
        GroupsReader.Read(payload, claims, findings);
        foreach (var unknown in claims.UnknownClaims)
        {
            findings.Add(TribeSsoFindingCode.UnknownClaim, unknown, "claim " + FindingsCollector.Quote(unknown) + " is not a Tribe SSO claim; the community ignores it");
        }

        return claims;
    }

    /// <summary>The JSON type of a value in words: "a number", "an array", "null".</summary>
    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static string? RequiredString(JsonElement payload, string claim, FindingsCollector findings)
    {
        if (!payload.TryGetProperty(claim, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            findings.Add(TribeSsoFindingCode.ClaimMissing, claim, "no " + claim + ": the community requires sub, name and email and fails without them");
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            findings.Add(TribeSsoFindingCode.ClaimInvalid, claim, claim + " is " + Kind(value) + ", not a string");
            return null;
        }

        var text = value.GetString()!;
        if (text.Trim().Length == 0)
        {
            findings.Add(TribeSsoFindingCode.ClaimMissing, claim, claim + " is empty: the community requires sub, name and email and fails without them");
            return null;
        }

        return text;
    }

    private static string? OptionalString(JsonElement payload, string claim, FindingsCollector findings)
    {
        if (!payload.TryGetProperty(claim, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            findings.Add(TribeSsoFindingCode.ClaimIgnored, claim, claim + " is " + Kind(value) + ", not a string; the community ignores it");
            return null;
        }

        return value.GetString();
    }

    private static string? ReadAudience(JsonElement payload, FindingsCollector findings, out IReadOnlyList<string> all)
    {
        all = Array.Empty<string>();
        if (!payload.TryGetProperty(ClaimNames.Audience, out var aud))
        {
            return null;
        }

        if (aud.ValueKind == JsonValueKind.String)
        {
            all = new[] { aud.GetString()! };
        }
        else if (aud.ValueKind == JsonValueKind.Array && aud.EnumerateArray().All(a => a.ValueKind == JsonValueKind.String))
        {
            all = aud.EnumerateArray().Select(a => a.GetString()!).ToList().AsReadOnly();
        }
        else
        {
            findings.Add(TribeSsoFindingCode.ClaimInvalid, ClaimNames.Audience, "aud is " + Kind(aud) + ", not a string or an array of strings");
        }

        return all.Count == 0 ? null : all[0];
    }

    private static TribeRole? ReadRole(JsonElement payload, FindingsCollector findings)
    {
        if (!payload.TryGetProperty(ClaimNames.Role, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && ClaimValues.TryParseRole(value.GetString(), out var role))
        {
            return role;
        }

        var shown = value.ValueKind == JsonValueKind.String ? " " + FindingsCollector.Quote(value.GetString()!) : " (" + Kind(value) + ")";
        findings.Add(TribeSsoFindingCode.RoleInvalid, ClaimNames.Role, "role" + shown + " is not member, moderator or admin");
        return null;
    }

    private static Uri? ReadPicture(JsonElement payload, FindingsCollector findings)
    {
        var text = OptionalString(payload, ClaimNames.Picture, findings);
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp))
        {
            return uri;
        }

        findings.Add(TribeSsoFindingCode.PictureNotHttp, ClaimNames.Picture, "picture is not an absolute http or https URL; the community stores it without checking and browsers will not show it");
        return uri;
    }

    /// <summary>A NumericDate: a JSON number of seconds since 1970. Null, strings and booleans are refused, as the strict verifiers do.</summary>
    private static DateTimeOffset? NumericDate(JsonElement payload, string claim, FindingsCollector findings)
    {
        if (!payload.TryGetProperty(claim, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && seconds >= MinSeconds && seconds <= MaxSeconds)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(seconds * 1000));
        }

        var why = value.ValueKind == JsonValueKind.Number ? " " + FindingsCollector.Quote(value.GetRawText()) + " is outside the years 1 to 9999" : " is " + Kind(value);
        findings.Add(TribeSsoFindingCode.ClaimInvalid, claim, claim + why + ", not a NumericDate (seconds since 1970 as a JSON number)");
        return null;
    }
}
