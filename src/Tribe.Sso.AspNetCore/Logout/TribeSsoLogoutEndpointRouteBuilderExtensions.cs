using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tribe.Sso.AspNetCore;

/// <summary>Maps the community's Logout URL.</summary>
public static class TribeSsoLogoutEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps a GET endpoint that signs the user out of this site (the default sign-out scheme) and redirects to a local
    /// page: <c>/</c>, or the safe target of <c>?redirect=</c> or <c>?redirect_uri=</c>.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, such as <c>/community/logout</c>.</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <remarks>
    /// <para>
    /// Use the endpoint's absolute address as the Logout URL of the community's JWT SSO app: a member who logs out in the
    /// community is sent here "to log out from there first", so the Authorization URL does not sign them straight back in.
    /// </para>
    /// <para>
    /// The target is a path on this site, checked with the rules of <see cref="TribeSsoRedirectPath"/>; the user never
    /// leaves the site. An unsafe target (<c>//evil.example</c>, <c>/\evil.example</c>, <c>https://evil.example</c>,
    /// encoded variants, control characters) or a target given twice is answered <c>400</c> with problem details, and the
    /// user is signed out all the same. The response has <c>Cache-Control: no-store</c>.
    /// </para>
    /// </remarks>
    public static IEndpointConventionBuilder MapTribeSsoLogout(this IEndpointRouteBuilder endpoints, string pattern)
        => endpoints.MapTribeSsoLogout(pattern, _ => { });

    /// <summary>Maps the community's Logout URL with settings: the default landing page and the schemes to sign out of.</summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, such as <c>/community/logout</c>.</param>
    /// <param name="configure">Sets the options, such as <c>o =&gt; o.DefaultRedirectPath = "/goodbye"</c>.</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <exception cref="ArgumentException">The default landing page is not a safe local path.</exception>
    /// <remarks><inheritdoc cref="MapTribeSsoLogout(IEndpointRouteBuilder, string)" path="/remarks"/></remarks>
    public static IEndpointConventionBuilder MapTribeSsoLogout(this IEndpointRouteBuilder endpoints, string pattern, Action<TribeSsoLogoutOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new TribeSsoLogoutOptions();
        configure(options);
        ArgumentNullException.ThrowIfNull(options.DefaultRedirectPath, nameof(configure));
        if (TribeSsoLogoutEndpoint.FindDefaultProblem(options.DefaultRedirectPath) is { } problem)
        {
            throw new ArgumentException(problem, nameof(configure));
        }

        var landing = options.DefaultRedirectPath;
        var schemes = TribeSsoLogoutEndpoint.Schemes(options);
        return endpoints.MapGet(pattern, (HttpContext context) => TribeSsoLogoutEndpoint.HandleAsync(context, landing, schemes))
            .WithDisplayName("Tribe SSO: community Logout URL");
    }
}
