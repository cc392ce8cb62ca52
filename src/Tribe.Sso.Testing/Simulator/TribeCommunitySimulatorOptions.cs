using System;
using System.Linq;

namespace Tribe.Sso.Testing;

/// <summary>Settings of a <see cref="TribeCommunitySimulator"/>: the partner's URLs from the community's JWT SSO app, and where it is served.</summary>
/// <remarks>
/// Each setter checks its value, so a simulator never holds a URL it could not send a browser to: a partner URL is
/// null or an absolute http or https URL without user info or a fragment.
/// </remarks>
public sealed partial class TribeCommunitySimulatorOptions
{
    private Uri? _authorizationUrl;
    private Uri? _signUpUrl;
    private Uri? _logoutUrl;
    private Uri? _settingsUrl;
    private string _basePath = string.Empty;
    private TribeCommunityUrlShape _urlShape = TribeCommunityUrlShape.Tribe;
    private string _redirectParameterName = TribeSsoOptions.DefaultRedirectParameterName;
    private string _networkId = "SimNetwork";
    private int? _apiRateLimit;
    private TimeSpan _apiTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>Gets or sets the partner's Authorization URL: where "Log in" sends a visitor, with the page to return to. Null shows no link.</summary>
    /// <exception cref="ArgumentException">The URL is relative, not http or https, or has user info or a fragment.</exception>
    public Uri? AuthorizationUrl
    {
        get => _authorizationUrl;
        set => _authorizationUrl = PartnerUrl(value, nameof(AuthorizationUrl));
    }

    /// <summary>Gets or sets the partner's Sign-up URL: where "Sign up" sends a visitor, with the page to return to. Null shows no link.</summary>
    /// <exception cref="ArgumentException">The URL is relative, not http or https, or has user info or a fragment.</exception>
    public Uri? SignUpUrl
    {
        get => _signUpUrl;
        set => _signUpUrl = PartnerUrl(value, nameof(SignUpUrl));
    }

    /// <summary>Gets or sets the partner's Logout URL: where "Log out" sends a member once the community's session has ended. Null lands them on the community's home page.</summary>
    /// <exception cref="ArgumentException">The URL is relative, not http or https, or has user info or a fragment.</exception>
    public Uri? LogoutUrl
    {
        get => _logoutUrl;
        set => _logoutUrl = PartnerUrl(value, nameof(LogoutUrl));
    }

    /// <summary>
    /// Gets or sets the partner's Settings URL, the fifth address of the community's JWT SSO settings: where "Edit
    /// profile" on a member's page sends them, with the page to return to. Null shows no link.
    /// </summary>
    /// <exception cref="ArgumentException">The URL is relative, not http or https, or has user info or a fragment.</exception>
    public Uri? SettingsUrl
    {
        get => _settingsUrl;
        set => _settingsUrl = PartnerUrl(value, nameof(SettingsUrl));
    }

    /// <summary>
    /// Gets or sets the URL shape the community serves, as a real one serves only its own: <see cref="TribeCommunityUrlShape.Tribe"/>
    /// (the default: <c>/auth/sso</c> with <c>redirect</c>) or <see cref="TribeCommunityUrlShape.Bettermode"/>
    /// (<c>/api/auth/sso</c> with <c>redirect_uri</c>). The other shape's path answers <c>404</c>, and the other shape's
    /// redirect parameter is ignored, so a partner with the wrong shape fails here as it would in production.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined shape.</exception>
    public TribeCommunityUrlShape UrlShape
    {
        get => _urlShape;
        set => _urlShape = value is TribeCommunityUrlShape.Tribe or TribeCommunityUrlShape.Bettermode
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), "UrlShape must be TribeCommunityUrlShape.Tribe or TribeCommunityUrlShape.Bettermode.");
    }

    /// <summary>
    /// Gets or sets the query parameter that carries the page to return to on the Authorization and Sign-up URLs, the
    /// concept <see cref="TribeSsoOptions.RedirectParameterName"/> names on the SSO link. Tribe uses two names:
    /// <c>redirect</c> (<see cref="TribeSsoOptions.DefaultRedirectParameterName"/>, the default) and <c>redirect_uri</c>
    /// (<see cref="TribeSsoOptions.BettermodeRedirectParameterName"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The value is not <c>redirect</c> or <c>redirect_uri</c>.</exception>
    public string RedirectParameterName
    {
        get => _redirectParameterName;
        set => _redirectParameterName = value is TribeSsoOptions.DefaultRedirectParameterName or TribeSsoOptions.BettermodeRedirectParameterName
            ? value
            : throw new ArgumentException("RedirectParameterName must be redirect or redirect_uri, the two names Tribe uses for the page to return to.");
    }

    /// <summary>
    /// Gets or sets the path the host serves the simulator under, such as <c>/community-sim</c> when a partner's app hosts
    /// it in-process; empty (the default) when it has a host of its own. Links, Location headers and cookies are written
    /// under it, so it is held to a strict form: segments of ASCII letters, digits, <c>-</c>, <c>.</c>, <c>_</c> and
    /// <c>~</c> (never <c>.</c> or <c>..</c>), each after one <c>/</c>, without a trailing <c>/</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The value is not empty or such a path (<c>//evil.example</c>, CR/LF, <c>;</c>, non-ASCII, …).</exception>
    public string BasePath
    {
        get => _basePath;
        set => _basePath = CheckBasePath(value);
    }

    /// <summary>Gets or sets the name shown in the pages' header. Default <c>Simulated community</c>.</summary>
    public string CommunityName { get; set; } = "Simulated community";

    /// <summary>Gets or sets how tokens are read: leeway, expected audience, clock and token parameter name.</summary>
    public TribeSsoTokenReaderOptions ReaderOptions { get; set; } = new();

    /// <summary>An empty base path, or one that cannot lead a Location header off the simulator or break a header or a cookie.</summary>
    internal static string CheckBasePath(string? basePath)
    {
        if (string.IsNullOrEmpty(basePath))
        {
            return string.Empty;
        }

        var segments = basePath!.Split('/');
        var valid = segments[0].Length == 0 && segments.Length > 1;
        for (var i = 1; valid && i < segments.Length; i++)
        {
            var segment = segments[i];
            valid = segment.Length > 0 && segment != "." && segment != ".." && segment.All(IsSegmentCharacter);
        }

        return valid ? basePath : throw new ArgumentException(
            "BasePath must be empty or a path without a trailing '/', such as /community-sim. Each segment is ASCII letters, digits, '-', '.', '_' or '~' (not . or ..), so that a link or a Location header under it stays on the simulator.");
    }

    private static bool IsSegmentCharacter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '.' or '_' or '~';
    /// <summary>Gets or sets the community's network id, which <c>limitedToken</c> takes and its tokens carry. Default <c>SimNetwork</c>.</summary>
    /// <exception cref="ArgumentException">
    /// The value is null, empty or white space, or longer than 256 characters: the gateway reads only tokens of a bounded
    /// size, and a token carries the id (each character escaped, at worst 6 bytes, so 256 fit with room to spare).
    /// </exception>
    public string NetworkId
    {
        get => _networkId;
        set => _networkId = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("NetworkId must be a network id, such as CAx1mZ7I7a.")
            : value.Length > 256 ? throw new ArgumentException("NetworkId must be at most 256 characters: the gateway's access tokens carry it.") : value;
    }

    /// <summary>Gets or sets the client id of the app installed on the community, for <c>limitedToken</c>; null (the default) installs no app.</summary>
    public string? ApiClientId { get; set; }

    /// <summary>Gets or sets the installed app's client secret; null (the default) installs no app.</summary>
    public TribeApiClientSecret? ApiClientSecret { get; set; }

    /// <summary>Gets or sets how many API requests the gateway takes in any 10 seconds before answering HTTP 429 with code 104; null (the default) for no limit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public int? ApiRateLimit
    {
        get => _apiRateLimit;
        set => _apiRateLimit = value is < 1 ? throw new ArgumentOutOfRangeException(nameof(value), "ApiRateLimit must be at least 1 request per 10 seconds, or null for no limit.") : value;
    }

    /// <summary>Gets or sets how long an access token from <c>limitedToken</c> lasts (its <c>exp</c>). Default 1 hour.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public TimeSpan ApiTokenLifetime
    {
        get => _apiTokenLifetime;
        set => _apiTokenLifetime = value <= TimeSpan.Zero ? throw new ArgumentOutOfRangeException(nameof(value), "ApiTokenLifetime must be positive: a token without a future exp is no token.") : value;
    }

    /// <summary>A partner URL is one the simulator can write into a link and a Location header, as an address a browser follows.</summary>
    private static Uri? PartnerUrl(Uri? url, string option)
    {
        if (url is null)
        {
            return null;
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException(option + " must be an absolute http or https URL, such as https://partner.example/community/sso.");
        }

        if (url.UserInfo.Length > 0 || url.Fragment.Length > 0 || url.OriginalString.Contains('#'))
        {
            throw new ArgumentException(option + " must not carry user info or a fragment: a browser is sent to it as it is, with the page to return to added to its query.");
        }

        return url;
    }
}
