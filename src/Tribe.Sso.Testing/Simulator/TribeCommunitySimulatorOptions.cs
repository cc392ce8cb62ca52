using System;

namespace Tribe.Sso.Testing;

/// <summary>Settings of a <see cref="TribeCommunitySimulator"/>: the partner's URLs from the community's JWT SSO app, and where it is served.</summary>
public sealed class TribeCommunitySimulatorOptions
{
    /// <summary>Gets or sets the partner's Authorization URL: where "Log in" sends a visitor, with the page to return to. Null shows no link.</summary>
    public Uri? AuthorizationUrl { get; set; }

    /// <summary>Gets or sets the partner's Sign-up URL: where "Sign up" sends a visitor, with the page to return to. Null shows no link.</summary>
    public Uri? SignUpUrl { get; set; }

    /// <summary>Gets or sets the partner's Logout URL: where "Log out" sends a member once the community's session has ended. Null lands them on the community's home page.</summary>
    public Uri? LogoutUrl { get; set; }

    /// <summary>
    /// Gets or sets the query parameter that carries the page to return to on the Authorization and Sign-up URLs. Tribe
    /// does not document it; default <c>redirect</c>, and <c>redirect_uri</c> is the other name to test with.
    /// </summary>
    public string ReturnParameterName { get; set; } = "redirect";

    /// <summary>
    /// Gets or sets the path the host serves the simulator under, such as <c>/community-sim</c> when a partner's app hosts
    /// it in-process; empty (the default) when it has a host of its own. Links and cookies are written under it.
    /// </summary>
    public string BasePath { get; set; } = string.Empty;

    /// <summary>Gets or sets the name shown in the pages' header. Default <c>Simulated community</c>.</summary>
    public string CommunityName { get; set; } = "Simulated community";

    /// <summary>Gets or sets how tokens are read: leeway, expected audience, clock and token parameter name.</summary>
    public TribeSsoTokenReaderOptions ReaderOptions { get; set; } = new();
}
