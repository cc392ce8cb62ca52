using System;
using System.Linq;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
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

        var separator = endpoint.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return context.Request.PathBase + endpoint + separator + TribeSsoEndpointRouteBuilderExtensions.RedirectQueryParameter + "=" + Encode(path);
    }

    /// <summary>Percent-encodes everything but unreserved characters and '/', as Tribe's guide writes an embed target.</summary>
    private static string Encode(string path) => Uri.EscapeDataString(path).Replace("%2F", "/", StringComparison.Ordinal);

    private static string FindSsoEndpoint(HttpContext context)
    {
        const string Fix = "Name the endpoint the embed loads: sso-endpoint=\"/community/sso\" on <tribe-sso-embed>, or TribeSsoEmbedOptions.SsoEndpoint.";
        var endpoints = (context.RequestServices.GetService<EndpointDataSource>()?.Endpoints ?? Array.Empty<Endpoint>())
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<TribeSsoEndpointMetadata>() is not null
                && e.Metadata.GetMetadata<TribeSsoSignUpPage>() is null
                && e.RoutePattern.Parameters.Count == 0)
            .ToList();

        // The default community's endpoint; a named community's (ForCommunity) only when the app has no other.
        var defaults = endpoints.Where(e => e.Metadata.GetMetadata<TribeSsoCommunityMetadata>() is null).ToList();
        var candidates = (defaults.Count > 0 ? defaults : endpoints)
            .Select(e => "/" + (e.RoutePattern.RawText ?? string.Empty).TrimStart('~').TrimStart('/'))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw new InvalidOperationException("An embed loads the app's MapTribeSso endpoint, and none is mapped (without route parameters or a sign-up page). Map one, such as app.MapTribeSso(\"/community/sso\"), or: " + Fix),
            _ => throw new InvalidOperationException("An embed loads the app's MapTribeSso endpoint, and " + candidates.Count + " are mapped (" + string.Join(", ", candidates) + "). " + Fix),
        };
    }
}
