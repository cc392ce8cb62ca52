using System;

namespace Tribe.Sso.Testing;

/// <summary>
/// Reads a token, or a whole SSO link, the way the community does: HS256 only, signature checked in constant time,
/// <c>exp</c> with a leeway, the required claims, <c>role</c> and <c>groups</c> shapes, and what the community would
/// silently ignore. Immutable and thread-safe. Any input, however malformed, gives a result with findings; nothing
/// throws. See docs/protocol.md#what-the-reader-checks.
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
    private static readonly TimeSpan MaxLeeway = TimeSpan.FromMinutes(5);

    private readonly TribeSsoKey? _key;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _leeway;
    private readonly string? _expectedAudience;
    private readonly string _tokenParameter;

    /// <summary>Creates a reader.</summary>
    /// <param name="key">The community's SSO key, or null to decode without checking the signature.</param>
    /// <param name="options">Leeway, expected audience and clock; defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The leeway is negative or over 5 minutes.</exception>
    /// <exception cref="ArgumentException">The token parameter name is empty.</exception>
    public TribeSsoTokenReader(TribeSsoKey? key, TribeSsoTokenReaderOptions? options = null)
    {
        options ??= new TribeSsoTokenReaderOptions();
        if (options.Leeway < TimeSpan.Zero || options.Leeway > MaxLeeway)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Leeway, "Leeway must be from 0 to 5 minutes; 30 seconds is the default.");
        }

        if (string.IsNullOrEmpty(options.TokenParameterName))
        {
            throw new ArgumentException("TokenParameterName must name the link's token parameter; jwt is the default.", nameof(options));
        }

        _key = key;
        _tokenParameter = options.TokenParameterName;
        _timeProvider = options.TimeProvider ?? TimeProvider.System;
        _leeway = options.Leeway;
        _expectedAudience = options.ExpectedAudience;
    }

    /// <summary>Reads an SSO link: its token parameter (<c>jwt</c> unless the options name another) and redirect parameters.</summary>
    /// <param name="link">The link.</param>
    /// <returns>What was found.</returns>
    public TribeSsoReadResult Read(Uri link) => Read(Guard.NotNull(link, nameof(link)).AbsoluteUri);

    /// <summary>Reads a compact token, or an SSO link (anything containing <c>://</c>).</summary>
    /// <param name="tokenOrLink">The token or link; surrounding whitespace is ignored.</param>
    /// <returns>What was found; never throws for any string.</returns>
    public TribeSsoReadResult Read(string tokenOrLink)
    {
        Guard.NotNull(tokenOrLink, nameof(tokenOrLink));
        var findings = new FindingsCollector();
        var link = SsoLink.Parse(tokenOrLink, _tokenParameter, findings);
        if (link.RedirectPath is { } redirect && TribeSsoRedirectPath.FindProblem(redirect) is { } problem)
        {
            findings.Add(TribeSsoFindingCode.RedirectUnsafe, null, "the redirect target " + problem + "; the SDK refuses to build such a link");
        }

        var result = new TribeSsoReadResult { Token = link.Token ?? string.Empty, RedirectPath = link.RedirectPath };
        if (link.Token is not null && CompactToken.Parse(link.Token, findings) is { } token)
        {
            result.HeaderJson = token.HeaderJson;
            result.PayloadJson = token.PayloadJson;
            result.Algorithm = TokenChecks.Algorithm(token, findings);
            result.SignatureStatus = TokenChecks.Signature(token, result.Algorithm, _key, findings);
            if (token.Payload is { } payload)
            {
                var claims = ClaimsReader.Read(payload, findings);
                TokenChecks.Times(claims, _timeProvider.GetUtcNow(), _leeway, expiryAbsent: !payload.TryGetProperty(ClaimNames.Expires, out _), findings);
                TokenChecks.Audience(claims, _expectedAudience, findings);
                result.Claims = claims;
                result.User = TokenChecks.SdkUser(claims, findings);
            }
        }

        result.Findings = findings.ToList();
        return result;
    }
}
