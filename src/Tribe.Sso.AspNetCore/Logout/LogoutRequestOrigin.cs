using System;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// Decides whether a request to the Logout URL may sign out at once: a navigation from this site or from the endpoint's
/// community. Anything else (an <c>&lt;img&gt;</c> on another site, a request with no signal at all) gets the confirmation.
/// </summary>
internal static class LogoutRequestOrigin
{
    /// <summary>Whether the browser says, or the <c>Origin</c>/<c>Referer</c> shows, that the request comes from the site or its community.</summary>
    public static bool IsTrusted(HttpContext context)
    {
        var headers = context.Request.Headers;

        // A browser that sends Fetch Metadata names what loads the URL: only a page navigation may sign out, so an image,
        // script or frame pointed at the Logout URL (even from a member's post in the community) never does.
        var destination = headers["Sec-Fetch-Dest"].ToString();
        if (destination.Length > 0 && !destination.Equals("document", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var site = headers["Sec-Fetch-Site"].ToString();
        if (site.Equals("same-origin", StringComparison.OrdinalIgnoreCase)
            || site.Equals("same-site", StringComparison.OrdinalIgnoreCase)
            || site.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var community = CommunityOrigin(context);
        return community is not null && (IsFrom(headers.Origin.ToString(), community) || IsFrom(headers.Referer.ToString(), community));
    }

    private static string? CommunityOrigin(HttpContext context)
    {
        var name = context.GetEndpoint()?.Metadata.GetMetadata<TribeSsoCommunityMetadata>()?.Name;
        var issuer = name is null
            ? context.RequestServices.GetService<TribeSsoIssuer>()
            : context.RequestServices.GetKeyedService<TribeSsoIssuer>(name);
        return issuer is null ? null : UrlText.Origin(issuer.CommunityUrl);
    }

    // An absent header reads as empty, which is no absolute URL.
    private static bool IsFrom(string header, string origin)
        => Uri.TryCreate(header, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            && string.Equals(UrlText.Origin(url), origin, StringComparison.OrdinalIgnoreCase);
}
