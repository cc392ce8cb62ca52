using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Tribe.Sso.Testing.Internal;

namespace Tribe.Sso.Testing;

/// <summary>
/// Reads a token, or a whole SSO link, the way the community does: HS256 only, signature checked in constant time,
/// <c>exp</c> with a leeway, the required claims, <c>role</c> and <c>groups</c> shapes, and what the community would
/// silently ignore. Immutable and thread-safe.
/// </summary>
/// <example>
/// <code>
/// var reader = new TribeSsoTokenReader(TribeSsoKey.FromString(key));
/// var result = reader.Read(link);
/// Console.WriteLine(result.IsAccepted ? result.Claims!.Email : result.Rejection!.Message);
/// </code>
/// </example>
public sealed class TribeSsoTokenReader
{
    private const int MaxTokenLifetimeSeconds = 600;

    private static readonly HashSet<string> KnownClaims = new(StringComparer.Ordinal)
    {
        ClaimNames.Subject, ClaimNames.Name, ClaimNames.Email, ClaimNames.Audience, ClaimNames.Role, ClaimNames.Picture,
        ClaimNames.Source, ClaimNames.Title, ClaimNames.Bio, ClaimNames.Locale, ClaimNames.Tagline, ClaimNames.Groups,
        ClaimNames.GroupsOperation, ClaimNames.IssuedAt, ClaimNames.Expires, "nbf",
    };

    private readonly JwsSigner? _signer;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _leeway;
    private readonly string? _expectedAudience;

    /// <summary>Creates a reader.</summary>
    /// <param name="key">The community's SSO key, or null to decode without checking the signature.</param>
    /// <param name="options">Leeway, expected audience and clock; defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The leeway is negative or over 5 minutes.</exception>
    public TribeSsoTokenReader(TribeSsoKey? key, TribeSsoTokenReaderOptions? options = null)
    {
        options ??= new TribeSsoTokenReaderOptions();
        if (options.Leeway < TimeSpan.Zero || options.Leeway > TimeSpan.FromMinutes(5))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Leeway, "Leeway must be from 0 to 5 minutes; 30 seconds is the default.");
        }

        _signer = key is null ? null : new JwsSigner(key);
        _timeProvider = options.TimeProvider ?? TimeProvider.System;
        _leeway = options.Leeway;
        _expectedAudience = options.ExpectedAudience;
    }

    /// <summary>Reads an SSO link: its <c>jwt</c> and redirect parameters.</summary>
    /// <param name="link">The link.</param>
    /// <returns>What was found.</returns>
    public TribeSsoTokenReadResult Read(Uri link) => Read(Guard.NotNull(link, nameof(link)).AbsoluteUri);

    /// <summary>Reads a compact token, or an SSO link (anything containing <c>://</c>).</summary>
    /// <param name="tokenOrLink">The token or link; surrounding whitespace is ignored.</param>
    /// <returns>What was found.</returns>
    public TribeSsoTokenReadResult Read(string tokenOrLink)
    {
        Guard.NotNull(tokenOrLink, nameof(tokenOrLink));
        var findings = new List<TribeSsoFinding>();
        var link = SsoLink.Parse(tokenOrLink);
        if (link.Redirect is not null && RedirectRules.FindProblem(link.Redirect) is { } redirectProblem)
        {
            findings.Add(new(TribeSsoFindingCode.RedirectUnsafe, TribeSsoFindingSeverity.Warning, null, "the redirect target " + redirectProblem + "; the SDK refuses to build such a link"));
        }

        if (link.Token is null)
        {
            findings.Add(Malformed(link.Problem!));
            return Result(string.Empty, null, null, null, TribeSsoSignatureStatus.NotChecked, null, link.Redirect, findings);
        }

        var token = link.Token;
        var segments = token.Split('.');
        if (segments.Length != 3)
        {
            findings.Add(Malformed(segments.Length + (segments.Length == 1 ? " segment" : " segments") + "; a signed JWT has 3 (header.payload.signature)"));
            return Result(token, null, null, null, TribeSsoSignatureStatus.NotChecked, null, link.Redirect, findings);
        }

        var headerJson = DecodeJsonObject(segments[0], "header", findings, out var header);
        var payloadJson = DecodeJsonObject(segments[1], "payload", findings, out var payload);
        string? algorithm = null;
        if (header is { } h)
        {
            algorithm = ReadAlgorithm(h, findings);
        }

        var signature = algorithm == "HS256" ? CheckSignature(token, segments, findings) : TribeSsoSignatureStatus.NotChecked;
        TribeSsoClaims? claims = null;
        TribeSsoUser? user = null;
        if (payload is { } p)
        {
            claims = ReadClaims(p, findings);
            CheckTimes(claims, findings);
            user = ToUser(claims, findings);
        }

        return Result(token, headerJson, payloadJson, algorithm, signature, claims, link.Redirect, findings, user);
    }

    private static TribeSsoTokenReadResult Result(
        string token,
        string? headerJson,
        string? payloadJson,
        string? algorithm,
        TribeSsoSignatureStatus signature,
        TribeSsoClaims? claims,
        string? redirect,
        List<TribeSsoFinding> findings,
        TribeSsoUser? user = null)
        => new(token, headerJson, payloadJson, algorithm, signature, claims, user, redirect, findings.OrderBy(f => f.Severity).ToList().AsReadOnly());

    private static TribeSsoFinding Malformed(string why) => new(TribeSsoFindingCode.Malformed, TribeSsoFindingSeverity.Rejected, null, "not a JWT: " + why);

    private static string? DecodeJsonObject(string segment, string part, List<TribeSsoFinding> findings, out JsonElement? element)
    {
        element = null;
        string json;
        try
        {
            json = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(segment.AsSpan()));
        }
        catch (FormatException)
        {
            findings.Add(Malformed("the " + part + " is not base64url"));
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                findings.Add(Malformed("the " + part + " is JSON but not an object"));
                return json;
            }

            element = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            findings.Add(Malformed("the " + part + " is not JSON"));
        }

        return json;
    }

    private static string? ReadAlgorithm(JsonElement header, List<TribeSsoFinding> findings)
    {
        if (!header.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String)
        {
            findings.Add(new(TribeSsoFindingCode.AlgorithmMissing, TribeSsoFindingSeverity.Rejected, "alg", "the header has no alg; the community accepts only HS256"));
            return null;
        }

        var algorithm = alg.GetString()!;
        if (algorithm != "HS256")
        {
            findings.Add(new(TribeSsoFindingCode.AlgorithmNotAllowed, TribeSsoFindingSeverity.Rejected, "alg", "alg '" + algorithm + "' is not HS256; the community accepts only HS256" + (algorithm.Equals("none", StringComparison.OrdinalIgnoreCase) ? " (an unsigned token)" : string.Empty)));
        }

        return algorithm;
    }

    private TribeSsoSignatureStatus CheckSignature(string token, string[] segments, List<TribeSsoFinding> findings)
    {
        if (_signer is null)
        {
            findings.Add(new(TribeSsoFindingCode.SignatureNotChecked, TribeSsoFindingSeverity.Warning, null, "signature not checked: no key was given"));
            return TribeSsoSignatureStatus.NotChecked;
        }

        byte[] signature;
        try
        {
            signature = Base64Url.DecodeFromChars(segments[2].AsSpan());
        }
        catch (FormatException)
        {
            signature = Array.Empty<byte>();
        }

        var signingInput = Encoding.ASCII.GetBytes(token.Substring(0, segments[0].Length + 1 + segments[1].Length));
        if (_signer.Verify(signingInput, signingInput.Length, signature))
        {
            return TribeSsoSignatureStatus.Valid;
        }

        findings.Add(new(TribeSsoFindingCode.SignatureInvalid, TribeSsoFindingSeverity.Rejected, null, "bad signature: signed with another key or the key has surrounding whitespace, or the token was altered"));
        return TribeSsoSignatureStatus.Invalid;
    }

    private TribeSsoClaims ReadClaims(JsonElement payload, List<TribeSsoFinding> findings)
    {
        var claims = new TribeSsoClaims
        {
            Subject = RequiredString(payload, ClaimNames.Subject, findings),
            Name = RequiredString(payload, ClaimNames.Name, findings),
            Email = RequiredString(payload, ClaimNames.Email, findings),
            Audience = ReadAudience(payload, findings),
            Role = ReadRole(payload, findings),
            Picture = ReadPicture(payload, findings),
            Source = OptionalString(payload, ClaimNames.Source, findings),
            Title = OptionalString(payload, ClaimNames.Title, findings),
            Bio = OptionalString(payload, ClaimNames.Bio, findings),
            Locale = OptionalString(payload, ClaimNames.Locale, findings),
            Tagline = OptionalString(payload, ClaimNames.Tagline, findings),
            IssuedAt = NumericDate(payload, ClaimNames.IssuedAt, findings),
            ExpiresAt = NumericDate(payload, ClaimNames.Expires, findings),
            NotBefore = NumericDate(payload, "nbf", findings),
            UnknownClaims = payload.EnumerateObject().Select(p => p.Name).Where(n => !KnownClaims.Contains(n)).ToList().AsReadOnly(),
        };
        ReadGroups(payload, claims, findings);
        foreach (var unknown in claims.UnknownClaims)
        {
            findings.Add(new(TribeSsoFindingCode.UnknownClaim, TribeSsoFindingSeverity.Ignored, unknown, "claim '" + unknown + "' is not a Tribe SSO claim; the community ignores it"));
        }

        return claims;
    }

    private void CheckTimes(TribeSsoClaims claims, List<TribeSsoFinding> findings)
    {
        var now = _timeProvider.GetUtcNow();
        if (claims.ExpiresAt is not { } expires)
        {
            findings.Add(new(TribeSsoFindingCode.NoExpiry, TribeSsoFindingSeverity.Warning, ClaimNames.Expires, "no exp: valid forever (anyone who sees the link can sign in as this user at any time)"));
        }
        else if (now > expires + _leeway)
        {
            findings.Add(new(TribeSsoFindingCode.Expired, TribeSsoFindingSeverity.Rejected, ClaimNames.Expires, "expired " + Describe.Duration(now - expires) + " ago"));
        }

        if (claims.NotBefore is { } notBefore && now < notBefore - _leeway)
        {
            findings.Add(new(TribeSsoFindingCode.NotYetValid, TribeSsoFindingSeverity.Rejected, "nbf", "not valid for another " + Describe.Duration(notBefore - now)));
        }

        if (claims.IssuedAt is { } issuedAt && issuedAt > now + _leeway)
        {
            findings.Add(new(TribeSsoFindingCode.IssuedInFuture, TribeSsoFindingSeverity.Warning, ClaimNames.IssuedAt, "issued " + Describe.Duration(issuedAt - now) + " in the future: the issuer's clock is ahead"));
        }

        if (claims.IssuedAt is { } iat && claims.ExpiresAt is { } exp && (exp - iat).TotalSeconds > MaxTokenLifetimeSeconds)
        {
            findings.Add(new(TribeSsoFindingCode.LifetimeTooLong, TribeSsoFindingSeverity.Warning, ClaimNames.Expires, "lifetime " + Describe.Duration(exp - iat) + " is over 10 minutes; tokens in URLs leak, keep it short (60 s is the default)"));
        }
    }

    private static TribeSsoUser? ToUser(TribeSsoClaims claims, List<TribeSsoFinding> findings)
    {
        if (claims.Subject is null || claims.Name is null || claims.Email is null)
        {
            return null;
        }

        try
        {
            var builder = TribeSsoUser.Create(claims.Subject, claims.Name, claims.Email);
            builder = claims.Role is { } role ? builder.WithRole(role) : builder;
            builder = claims.Picture is { } picture && (picture.Scheme == Uri.UriSchemeHttp || picture.Scheme == Uri.UriSchemeHttps) ? builder.WithPicture(picture) : builder;
            builder = claims.Source is { } source ? builder.WithSource(source) : builder;
            builder = claims.Title is { } title ? builder.WithTitle(title) : builder;
            builder = claims.Bio is { } bio ? builder.WithBio(bio) : builder;
            builder = claims.Locale is { } locale ? builder.WithLocale(locale) : builder;
            builder = claims.Tagline is { } tagline ? builder.WithTagline(tagline) : builder;
            if (claims.Groups is { } groups)
            {
                var entries = groups.Select(g => g.IsBareId ? TribeGroup.FromId(g.GroupId) : g.Status == TribeGroupStatus.Joined ? TribeGroup.Joined(g.GroupId, g.Role) : TribeGroup.Unapproved(g.GroupId, g.Role));
                builder = claims.GroupsOperation == TribeGroupsOperation.Add ? builder.AddToGroups(entries)
                    : groups.Count == 0 ? builder.RemoveFromAllGroups() : builder.ReplaceGroups(entries);
            }

            return builder.Build();
        }
        catch (TribeSsoClaimException e)
        {
            findings.Add(new(TribeSsoFindingCode.ClaimInvalid, TribeSsoFindingSeverity.Warning, e.ClaimName, "the SDK would refuse this token: " + e.Message));
            return null;
        }
    }

    private static string? RequiredString(JsonElement payload, string claim, List<TribeSsoFinding> findings)
    {
        if (!payload.TryGetProperty(claim, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            findings.Add(new(TribeSsoFindingCode.ClaimMissing, TribeSsoFindingSeverity.Rejected, claim, "no " + claim + ": the community requires sub, name and email and fails without them"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            findings.Add(new(TribeSsoFindingCode.ClaimInvalid, TribeSsoFindingSeverity.Rejected, claim, claim + " is a JSON " + Kind(value) + ", not a string"));
            return null;
        }

        var text = value.GetString()!;
        if (text.Trim().Length == 0)
        {
            findings.Add(new(TribeSsoFindingCode.ClaimMissing, TribeSsoFindingSeverity.Rejected, claim, claim + " is empty: the community requires sub, name and email and fails without them"));
            return null;
        }

        return text;
    }

    private static string? OptionalString(JsonElement payload, string claim, List<TribeSsoFinding> findings)
    {
        if (!payload.TryGetProperty(claim, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            findings.Add(new(TribeSsoFindingCode.ClaimInvalid, TribeSsoFindingSeverity.Ignored, claim, claim + " is a JSON " + Kind(value) + ", not a string; the community ignores it"));
            return null;
        }

        return value.GetString();
    }

    private string? ReadAudience(JsonElement payload, List<TribeSsoFinding> findings)
    {
        string? audience = null;
        var all = new List<string>();
        if (payload.TryGetProperty(ClaimNames.Audience, out var aud))
        {
            if (aud.ValueKind == JsonValueKind.String)
            {
                all.Add(aud.GetString()!);
            }
            else if (aud.ValueKind == JsonValueKind.Array)
            {
                all.AddRange(aud.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!));
            }
            else
            {
                findings.Add(new(TribeSsoFindingCode.ClaimInvalid, TribeSsoFindingSeverity.Rejected, ClaimNames.Audience, "aud is a JSON " + Kind(aud) + ", not a string"));
            }

            audience = all.FirstOrDefault();
        }

        if (_expectedAudience is not null && !all.Contains(_expectedAudience, StringComparer.Ordinal))
        {
            findings.Add(new(TribeSsoFindingCode.AudienceMismatch, TribeSsoFindingSeverity.Rejected, ClaimNames.Audience, audience is null ? "no aud, but the community expects '" + _expectedAudience + "'" : "aud '" + audience + "' is not the expected '" + _expectedAudience + "'"));
        }

        return audience;
    }

    private static TribeRole? ReadRole(JsonElement payload, List<TribeSsoFinding> findings)
    {
        if (!payload.TryGetProperty(ClaimNames.Role, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        // A non-string's raw JSON text (1, true, {…}) never equals a role name, so one switch covers both.
        switch (text)
        {
            case "member": return TribeRole.Member;
            case "moderator": return TribeRole.Moderator;
            case "admin": return TribeRole.Admin;
            default:
                findings.Add(new(TribeSsoFindingCode.RoleInvalid, TribeSsoFindingSeverity.Rejected, ClaimNames.Role, "role '" + text + "' is not member|moderator|admin"));
                return null;
        }
    }

    private static Uri? ReadPicture(JsonElement payload, List<TribeSsoFinding> findings)
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

        findings.Add(new(TribeSsoFindingCode.PictureNotHttp, TribeSsoFindingSeverity.Ignored, ClaimNames.Picture, "picture is not an absolute http or https URL; the community stores it without checking and browsers will not show it"));
        return uri;
    }

    private static void ReadGroups(JsonElement payload, TribeSsoClaims claims, List<TribeSsoFinding> findings)
    {
        var hasOperation = payload.TryGetProperty(ClaimNames.GroupsOperation, out var operation) && operation.ValueKind != JsonValueKind.Null;
        var isAdd = false;
        if (hasOperation)
        {
            isAdd = operation.ValueKind == JsonValueKind.String && operation.GetString() == "add";
            if (!isAdd)
            {
                findings.Add(new(TribeSsoFindingCode.GroupsOperationInvalid, TribeSsoFindingSeverity.Rejected, ClaimNames.GroupsOperation, "groupsOperation " + operation.GetRawText() + " is not \"add\" (leave it out to replace the user's groups)"));
            }
        }

        if (!payload.TryGetProperty(ClaimNames.Groups, out var groups) || groups.ValueKind == JsonValueKind.Null)
        {
            if (hasOperation)
            {
                findings.Add(new(TribeSsoFindingCode.GroupsOperationInvalid, TribeSsoFindingSeverity.Ignored, ClaimNames.GroupsOperation, "groupsOperation without groups; the community ignores it"));
            }

            return;
        }

        if (groups.ValueKind != JsonValueKind.Array)
        {
            findings.Add(new(TribeSsoFindingCode.GroupsInvalid, TribeSsoFindingSeverity.Rejected, ClaimNames.Groups, "groups is a JSON " + Kind(groups) + ", not an array"));
            return;
        }

        var entries = new List<TribeSsoGroupClaim>();
        var index = 0;
        foreach (var entry in groups.EnumerateArray())
        {
            var parsed = ReadGroup(entry, out var problem);
            if (parsed is null)
            {
                findings.Add(new(TribeSsoFindingCode.GroupsInvalid, TribeSsoFindingSeverity.Rejected, ClaimNames.Groups, TextRules.Invariant($"groups[{index}] {problem}")));
                return;
            }

            entries.Add(parsed);
            index++;
        }

        claims.Groups = entries.AsReadOnly();
        claims.GroupsOperation = isAdd ? TribeGroupsOperation.Add : TribeGroupsOperation.Replace;
        if (entries.Count == 0 && !isAdd)
        {
            findings.Add(new(TribeSsoFindingCode.GroupsInvalid, TribeSsoFindingSeverity.Warning, ClaimNames.Groups, "groups is empty without groupsOperation \"add\": the community removes the user from every group"));
        }
    }

    private static TribeSsoGroupClaim? ReadGroup(JsonElement entry, out string problem)
    {
        problem = string.Empty;
        if (entry.ValueKind == JsonValueKind.String && entry.GetString()!.Length > 0)
        {
            return new TribeSsoGroupClaim(entry.GetString()!, TribeGroupRole.Member, TribeGroupStatus.Joined, isBareId: true);
        }

        if (entry.ValueKind != JsonValueKind.Object)
        {
            problem = "is a JSON " + Kind(entry) + "; expected a group id string or {\"group\", \"role\", \"status\"}";
            return null;
        }

        if (!entry.TryGetProperty("group", out var id) || id.ValueKind != JsonValueKind.String || id.GetString()!.Length == 0)
        {
            problem = "has no \"group\" id string";
            return null;
        }

        var role = TribeGroupRole.Member;
        if (entry.TryGetProperty("role", out var roleValue))
        {
            switch (roleValue.ValueKind == JsonValueKind.String ? roleValue.GetString() : null)
            {
                case "member": role = TribeGroupRole.Member; break;
                case "admin": role = TribeGroupRole.Admin; break;
                default: problem = "has role " + roleValue.GetRawText() + ", not \"member\" or \"admin\""; return null;
            }
        }

        var status = TribeGroupStatus.Joined;
        if (entry.TryGetProperty("status", out var statusValue))
        {
            switch (statusValue.ValueKind == JsonValueKind.String ? statusValue.GetString() : null)
            {
                case "joined": status = TribeGroupStatus.Joined; break;
                case "unapproved": status = TribeGroupStatus.Unapproved; break;
                default: problem = "has status " + statusValue.GetRawText() + ", not \"joined\" or \"unapproved\""; return null;
            }
        }

        return new TribeSsoGroupClaim(id.GetString()!, role, status, isBareId: false);
    }

    private static DateTimeOffset? NumericDate(JsonElement payload, string claim, List<TribeSsoFinding> findings)
    {
        if (!payload.TryGetProperty(claim, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && seconds is >= -62135596800 and <= 253402300799)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Floor(seconds * 1000));
        }

        findings.Add(new(TribeSsoFindingCode.ClaimInvalid, TribeSsoFindingSeverity.Rejected, claim, claim + " is not a NumericDate (seconds since 1970 as a JSON number): " + value.GetRawText()));
        return null;
    }

    private static string Kind(JsonElement value) => value.ValueKind.ToString().ToLowerInvariant();
}
