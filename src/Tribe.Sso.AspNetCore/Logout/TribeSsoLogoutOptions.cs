using System.Collections.Generic;

namespace Tribe.Sso.AspNetCore;

/// <summary>Settings of the endpoint that <c>MapTribeSsoLogout</c> maps: the community's Logout URL.</summary>
public sealed class TribeSsoLogoutOptions
{
    /// <summary>Gets or sets the local page users land on when the request names none: a path on this site. Default <c>/</c>.</summary>
    public string DefaultRedirectPath { get; set; } = "/";

    /// <summary>
    /// Gets the authentication schemes to sign out of, in order. Empty (the default) signs out of the default sign-out
    /// scheme, as <c>HttpContext.SignOutAsync()</c> does; name your cookie scheme and your identity provider's here when
    /// both keep a session.
    /// </summary>
    public IList<string> AuthenticationSchemes { get; } = new List<string>();
}
