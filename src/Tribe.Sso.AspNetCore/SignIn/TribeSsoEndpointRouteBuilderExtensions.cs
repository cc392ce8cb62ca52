using System;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Tribe.Sso.AspNetCore;

/// <summary>Maps the "go to community" endpoint, which is also the community's Authorization URL and Sign-up URL.</summary>
public static class TribeSsoEndpointRouteBuilderExtensions
{
    /// <summary>The query parameter of the endpoint that carries the community page to open: <c>redirect</c>.</summary>
    public const string RedirectQueryParameter = TribeSsoOptions.DefaultRedirectParameterName;

    /// <summary>The other query parameter accepted for the community page to open: <c>redirect_uri</c>.</summary>
    public const string RedirectUriQueryParameter = TribeSsoOptions.BettermodeRedirectParameterName;

    /// <summary>
    /// Maps a GET endpoint that signs the current user into the community, using the standard claims
    /// (<see cref="TribeSsoClaimsMapping.FromStandardClaims"/>).
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, such as <c>/community/sso</c>.</param>
    /// <returns>The endpoint's convention builder; <see cref="TribeSsoEndpointConventionBuilder.ForCommunity"/> sends its users to a named community.</returns>
    /// <remarks>
    /// <para>
    /// Use the endpoint's absolute address as the Authorization URL (and Sign-up URL) of the community's JWT SSO app, and
    /// for "go to community" links. The community page to open comes from <c>?redirect=/path</c> or
    /// <c>?redirect_uri=/path</c>, one of them, once; an empty value means none (the community's home page). A target that
    /// could leave the community, or one given twice, is answered <c>400</c> with problem details, before any sign-in; so is
    /// a target that, with the user's claims, would make the link over 8,000 bytes.
    /// </para>
    /// <para>
    /// An anonymous visitor gets the default authentication challenge (or the sign-up page set with
    /// <see cref="TribeSsoSignUpEndpointExtensions.WithSignUpPage{TBuilder}"/>) and returns here afterwards. A signed-in
    /// user gets a <c>302</c> to the community's SSO link with <c>Cache-Control: no-store</c> and
    /// <c>Referrer-Policy: no-referrer</c>. A user that cannot be mapped (or whose claims make the link over 8,000 bytes)
    /// is answered <c>403</c> with problem details, and logged; the message of an exception thrown by the application's
    /// own mapping is only logged, since it could disclose internals. Tokens and links are never logged.
    /// </para>
    /// </remarks>
    public static TribeSsoEndpointConventionBuilder MapTribeSso(this IEndpointRouteBuilder endpoints, string pattern)
        => endpoints.MapTribeSso(pattern, TribeSsoClaimsMapping.FromStandardClaims);

    /// <summary>Maps a GET endpoint that signs the current user into the community, mapped by <paramref name="mapUser"/>.</summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, such as <c>/community/sso</c>.</param>
    /// <param name="mapUser">Builds the community user from the signed-in principal.</param>
    /// <returns>The endpoint's convention builder; <see cref="TribeSsoEndpointConventionBuilder.ForCommunity"/> sends its users to a named community.</returns>
    /// <remarks><inheritdoc cref="MapTribeSso(IEndpointRouteBuilder, string)" path="/remarks"/></remarks>
    public static TribeSsoEndpointConventionBuilder MapTribeSso(this IEndpointRouteBuilder endpoints, string pattern, Func<ClaimsPrincipal, TribeSsoUser> mapUser)
    {
        ArgumentNullException.ThrowIfNull(mapUser);
        return endpoints.MapTribeSso(pattern, (principal, _) => new ValueTask<TribeSsoUser>(mapUser(principal)));
    }

    /// <summary>Maps a GET endpoint that signs the current user into the community, mapped asynchronously (for example from a database).</summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, such as <c>/community/sso</c>.</param>
    /// <param name="mapUser">Builds the community user from the signed-in principal and the request.</param>
    /// <returns>The endpoint's convention builder; <see cref="TribeSsoEndpointConventionBuilder.ForCommunity"/> sends its users to a named community.</returns>
    /// <remarks><inheritdoc cref="MapTribeSso(IEndpointRouteBuilder, string)" path="/remarks"/></remarks>
    public static TribeSsoEndpointConventionBuilder MapTribeSso(this IEndpointRouteBuilder endpoints, string pattern, Func<ClaimsPrincipal, HttpContext, ValueTask<TribeSsoUser>> mapUser)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(mapUser);
        var endpoint = endpoints.MapGet(pattern, context => TribeSsoEndpoint.HandleAsync(context, mapUser))
            .WithDisplayName("Tribe SSO: go to community")
            .WithMetadata(TribeSsoEndpointMetadata.Instance);
        return new TribeSsoEndpointConventionBuilder(endpoint, endpoints.ServiceProvider);
    }
}
