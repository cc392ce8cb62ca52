using System;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tribe.Sso.AspNetCore;

/// <summary>Maps the endpoint that hands a signed-in app user the community's SSO link as data, for a phone app's WebView.</summary>
public static class TribeSsoLinkEndpointRouteBuilderExtensions
{
    private const string DisplayName = "Tribe SSO: link for apps to community";

    /// <summary>
    /// Maps a GET endpoint that answers a signed-in caller (for example a bearer-authenticated app) with the SSO link as
    /// JSON, using the standard claims (<see cref="TribeSsoClaimsMapping.FromStandardClaims"/>).
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, such as <c>/community/sso-link</c>.</param>
    /// <returns>The endpoint's convention builder; <see cref="TribeSsoEndpointConventionBuilder.ForCommunity"/> signs for a named community.</returns>
    /// <remarks>
    /// <para>
    /// A signed-in caller gets <c>200</c> with <c>{ "url": "…", "expiresAt": "…" }</c> (the link's exact ASCII text, and
    /// when its token expires, ISO 8601 in UTC) and <c>Cache-Control: no-store</c>; the app opens <c>url</c> in its WebView
    /// before <c>expiresAt</c>, and asks again next time rather than keeping it. An anonymous caller gets <c>401</c> with
    /// problem details, never the default challenge (for cookies a redirect to a login page) and never a <c>Location</c>.
    /// </para>
    /// <para>
    /// The community page to open comes from <c>?redirect=/path</c> or <c>?redirect_uri=/path</c>, with the rules and size
    /// limits of <see cref="TribeSsoEndpointRouteBuilderExtensions.MapTribeSso(IEndpointRouteBuilder, string)"/>: an unsafe
    /// target, one given twice, or one that makes the link over 8,000 bytes is answered <c>400</c>; a user that cannot be
    /// mapped, or an admin the community's settings do not allow, <c>403</c>; both with problem details. Choose how the
    /// app authenticates with <c>RequireAuthorization</c> (for example a policy with the bearer scheme). Tokens and links
    /// are never logged.
    /// </para>
    /// </remarks>
    public static TribeSsoEndpointConventionBuilder MapTribeSsoLink(this IEndpointRouteBuilder endpoints, string pattern)
        => endpoints.MapTribeSsoLink(pattern, TribeSsoClaimsMapping.FromStandardClaims);

    /// <summary>Maps a GET endpoint that answers a signed-in caller with the SSO link as JSON, for the user mapped by <paramref name="mapUser"/>.</summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, such as <c>/community/sso-link</c>.</param>
    /// <param name="mapUser">Builds the community user from the signed-in principal.</param>
    /// <returns>The endpoint's convention builder; <see cref="TribeSsoEndpointConventionBuilder.ForCommunity"/> signs for a named community.</returns>
    /// <remarks><inheritdoc cref="MapTribeSsoLink(IEndpointRouteBuilder, string)" path="/remarks"/></remarks>
    public static TribeSsoEndpointConventionBuilder MapTribeSsoLink(this IEndpointRouteBuilder endpoints, string pattern, Func<ClaimsPrincipal, TribeSsoUser> mapUser)
    {
        ArgumentNullException.ThrowIfNull(mapUser);
        return endpoints.MapTribeSsoLink(pattern, (principal, _) => new ValueTask<TribeSsoUser>(mapUser(principal)));
    }

    /// <summary>Maps a GET endpoint that answers a signed-in caller with the SSO link as JSON, for the user mapped asynchronously (for example from a database).</summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, such as <c>/community/sso-link</c>.</param>
    /// <param name="mapUser">Builds the community user from the signed-in principal and the request.</param>
    /// <returns>The endpoint's convention builder; <see cref="TribeSsoEndpointConventionBuilder.ForCommunity"/> signs for a named community.</returns>
    /// <remarks><inheritdoc cref="MapTribeSsoLink(IEndpointRouteBuilder, string)" path="/remarks"/></remarks>
    public static TribeSsoEndpointConventionBuilder MapTribeSsoLink(this IEndpointRouteBuilder endpoints, string pattern, Func<ClaimsPrincipal, HttpContext, ValueTask<TribeSsoUser>> mapUser)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(mapUser);

        // No TribeSsoEndpointMetadata: an embed must never find this endpoint, whose answer is JSON, not a redirect.
        var endpoint = endpoints.MapGet(pattern, context => TribeSsoLinkEndpoint.HandleAsync(context, mapUser))
            .WithDisplayName(DisplayName);
        return new TribeSsoEndpointConventionBuilder(endpoint, endpoints.ServiceProvider, DisplayName);
    }
}
