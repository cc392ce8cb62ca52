using System;

namespace Tribe.Sso.Testing;

/// <summary>Settings of a <see cref="TribeCommunitySimulator"/>: the partner's URLs from the community's JWT SSO app, and where it is served.</summary>
/// <remarks>
/// Each setter checks its value, so a simulator never holds a URL it could not send a browser to: a partner URL is
/// null or an absolute http or https URL without user info or a fragment.
/// </remarks>
public sealed class TribeCommunitySimulatorOptions
{
    private Uri? _authorizationUrl;
    private Uri? _signUpUrl;
    private Uri? _logoutUrl;
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
    /// it in-process; empty (the default) when it has a host of its own. Links and cookies are written under it.
    /// </summary>
    public string BasePath { get; set; } = string.Empty;

    /// <summary>Gets or sets the name shown in the pages' header. Default <c>Simulated community</c>.</summary>
    public string CommunityName { get; set; } = "Simulated community";

    /// <summary>Gets or sets how tokens are read: leeway, expected audience, clock and token parameter name.</summary>
    public TribeSsoTokenReaderOptions ReaderOptions { get; set; } = new();

    /// <summary>Gets or sets the community's network id, which <c>limitedToken</c> takes and its tokens carry. Default <c>SimNetwork</c>.</summary>
    /// <exception cref="ArgumentException">The value is null, empty or white space.</exception>
    public string NetworkId
    {
        get => _networkId;
        set => _networkId = string.IsNullOrWhiteSpace(value) ? throw new ArgumentException("NetworkId must be a network id, such as CAx1mZ7I7a.") : value;
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
