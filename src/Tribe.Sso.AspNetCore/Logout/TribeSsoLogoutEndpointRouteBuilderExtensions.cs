using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tribe.Sso.AspNetCore;

/// <summary>Maps the community's Logout URL.</summary>
public static class TribeSsoLogoutEndpointRouteBuilderExtensions
{
    private const string DisplayName = "Tribe SSO: community Logout URL";
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Post];

    /// <summary>
    /// Maps the Logout URL: signs the user out of this site (the default sign-out scheme) and redirects to a local page,
    /// <c>/</c> or the safe target of <c>?redirect=</c> or <c>?redirect_uri=</c>, when the request is a navigation from
    /// this site or the community; any other request gets a confirmation page whose button signs out.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, such as <c>/community/logout</c>.</param>
    /// <returns>The endpoint's convention builder; <see cref="TribeSsoEndpointConventionBuilder.ForCommunity"/> names the community it serves.</returns>
    /// <remarks>
    /// <para>
    /// Use the endpoint's absolute address as the Logout URL of the community's JWT SSO app: a member who logs out in the
    /// community is sent here "to log out from there first", so the Authorization URL does not sign them straight back in.
    /// </para>
    /// <para>
    /// A GET signs out at once only when the browser says it comes from this site (<c>Sec-Fetch-Site: same-origin</c>,
    /// <c>same-site</c> or <c>none</c>) or its <c>Origin</c> or <c>Referer</c> is the community's URL (the endpoint's
    /// community: the default one, or the one named with <c>ForCommunity</c>), and it is a page navigation
    /// (<c>Sec-Fetch-Dest: document</c> when sent). Any other GET, such as an <c>&lt;img&gt;</c> on another site or a request
    /// with none of these headers, is answered with a small confirmation page (<c>no-store</c>, no user data) whose button
    /// POSTs to the endpoint with an ASP.NET Core antiforgery token and the checked target; that POST signs out and
    /// redirects, and a POST without a valid token is answered <c>400</c> and signs nobody out. <c>AddTribeSso</c>
    /// registers antiforgery.
    /// </para>
    /// <para>
    /// The target is a path on this site, checked with the rules of <see cref="TribeSsoRedirectPath"/>; the user never
    /// leaves the site. An unsafe target (<c>//evil.example</c>, <c>/\evil.example</c>, <c>https://evil.example</c>,
    /// encoded variants, control characters) or a target given twice is answered <c>400</c> with problem details, and the
    /// user is signed out all the same. The response has <c>Cache-Control: no-store</c>.
    /// </para>
    /// </remarks>
    public static TribeSsoEndpointConventionBuilder MapTribeSsoLogout(this IEndpointRouteBuilder endpoints, string pattern)
        => endpoints.MapTribeSsoLogout(pattern, _ => { });

    /// <summary>Maps the community's Logout URL with settings: the default landing page and the schemes to sign out of.</summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, such as <c>/community/logout</c>.</param>
    /// <param name="configure">Sets the options, such as <c>o =&gt; o.DefaultRedirectPath = "/goodbye"</c>.</param>
    /// <returns>The endpoint's convention builder.</returns>
    /// <exception cref="ArgumentException">The default landing page is not a safe local path.</exception>
    /// <remarks><inheritdoc cref="MapTribeSsoLogout(IEndpointRouteBuilder, string)" path="/remarks"/></remarks>
    public static TribeSsoEndpointConventionBuilder MapTribeSsoLogout(this IEndpointRouteBuilder endpoints, string pattern, Action<TribeSsoLogoutOptions> configure)
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
        var endpoint = endpoints.MapMethods(pattern, Methods, (HttpContext context) => TribeSsoLogoutEndpoint.HandleAsync(context, landing, schemes))
            .WithDisplayName(DisplayName);

        // ForCommunity names the sign-in endpoint's target in the display name; this endpoint keeps its own.
        endpoint.Finally(e => e.DisplayName = e.DisplayName?.StartsWith("Tribe SSO: go to community", StringComparison.Ordinal) == true ? DisplayName : e.DisplayName);
        return new TribeSsoEndpointConventionBuilder(endpoint, endpoints.ServiceProvider);
    }
}
