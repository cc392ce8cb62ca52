using System;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// The <c>src</c> of an embed's iframe: this app's <c>MapTribeSso</c> endpoint with the community page as its target,
/// so the token is minted when the iframe loads and never written into the page.
/// </summary>
internal static class EmbedFrame
{
    public static string Source(HttpContext context, string path, string? ssoEndpoint)
    {
        ArgumentNullException.ThrowIfNull(context);
        TribeSsoRedirectPath.Validate(path);
        var endpoint = ssoEndpoint ?? FindSsoEndpoint(context);
        if (!endpoint.StartsWith('/') || TribeSsoRedirectPath.FindProblem(endpoint) is not null)
        {
            throw new ArgumentException("The SSO endpoint of an embed must be a path of this app, as mapped with MapTribeSso, such as /community/sso.", nameof(ssoEndpoint));
        }

        // A fragment would swallow the target the embed appends; a redirect of its own would make the target ambiguous.
        if (UrlText.FragmentOf(endpoint) is not null || HasRedirectParameter(endpoint))
        {
            throw new ArgumentException("The SSO endpoint of an embed must be the endpoint's path alone, such as /community/sso, without a fragment ('#') or a redirect or redirect_uri parameter: the embed adds the page to open itself.", nameof(ssoEndpoint));
        }

        // Everything but unreserved characters and '/' percent-encoded, as Tribe's guide writes an embed target.
        return UrlText.WithQueryParameter(context.Request.PathBase + endpoint, LinkFormat.RedirectParameter, UrlText.EscapeValue(path, keepSlash: true));
    }

    private static string FindSsoEndpoint(HttpContext context)
    {
        const string Fix = "Name the endpoint the embed loads: sso-endpoint=\"/community/sso\" on <tribe-sso-embed>, or TribeSsoEmbedOptions.SsoEndpoint.";
        var endpoints = (context.RequestServices.GetService<EndpointDataSource>()?.Endpoints ?? Array.Empty<Endpoint>())
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<TribeSsoEndpointMetadata>() is not null && e.Metadata.GetMetadata<TribeSsoSignUpPage>() is null)
            .ToList();

        // The default community's endpoint; a named community's (ForCommunity) only when the app maps none for the default
        // one at all. A default endpoint with route parameters still counts: falling back to another community's would
        // sign the member into the wrong community without a word.
        var defaults = endpoints.Where(e => e.Metadata.GetMetadata<TribeSsoCommunityMetadata>() is null).ToList();
        var candidates = (defaults.Count > 0 ? defaults : endpoints)
            .Where(e => e.RoutePattern.Parameters.Count == 0)
            .Select(e => PathOf(e.RoutePattern))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (candidates.Count == 0 && defaults.Count > 0)
        {
            throw new InvalidOperationException("An embed loads the app's MapTribeSso endpoint, and the default community's has route parameters (" + string.Join(", ", defaults.Select(e => e.RoutePattern.RawText)) + "), so its address is not known. " + Fix);
        }

        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new InvalidOperationException("An embed loads the app's MapTribeSso endpoint, and none is mapped (without route parameters or a sign-up page). Map one, such as app.MapTribeSso(\"/community/sso\"), or: " + Fix),
            _ => throw new InvalidOperationException("An embed loads the app's MapTribeSso endpoint, and " + candidates.Count + " are mapped (" + string.Join(", ", candidates) + "). " + Fix),
        };
    }

    /// <summary>
    /// The path of a pattern without parameters, from its segments (all literal): its raw text leaves out the prefix of
    /// a group built from a route pattern object rather than a string.
    /// </summary>
    private static string PathOf(RoutePattern pattern)
        => "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.OfType<RoutePatternLiteralPart>().Select(part => part.Content))));

        private static bool HasRedirectParameter(string endpoint)
    {
        return UrlText.QueryOf(endpoint) is { } query
            && LinkFormat.ParseQuery(query).Any(p => LinkFormat.RedirectParameters.Contains(p.Key, StringComparer.OrdinalIgnoreCase));
    }
}
