using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// The page a Logout URL request that did not come from the site or its community gets: one button that posts back to
/// the endpoint with an antiforgery token. It names no user and is never cached or framed.
/// </summary>
internal static class LogoutConfirmationPage
{
    private const string Policy = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

    /// <param name="context">The request.</param>
    /// <param name="target">The checked page to return to, or null for the endpoint's default: carried in the form's address.</param>
    public static Task Write(HttpContext context, string? target)
    {
        // Stores the cookie half of the token and sets no-cache and X-Frame-Options; Cache-Control is tightened after it.
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var request = context.Request;
        var action = UrlText.AsciiLocation(request.PathBase + request.Path);
        if (target is not null)
        {
            action = UrlText.WithQueryParameter(action, LinkFormat.RedirectParameter, UrlText.EscapeValue(target, keepSlash: true));
        }

        var html = HtmlEncoder.Default;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = Policy;
        response.Headers["Referrer-Policy"] = "same-origin";
        return response.WriteAsync(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            + "<title>Sign out?</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}</style></head>\n"
            + "<body><main><h1>Sign out?</h1><p>A page asked to sign you out of this site. Sign out only if you just logged out of the community.</p>\n"
            + "<form method=\"post\" action=\"" + html.Encode(action) + "\">"
            + "<input type=\"hidden\" name=\"" + html.Encode(tokens.FormFieldName) + "\" value=\"" + html.Encode(tokens.RequestToken ?? string.Empty) + "\">"
            + "<button type=\"submit\">Sign out</button></form>\n"
            + "<p><a href=\"" + html.Encode(UrlText.AsciiLocation(request.PathBase + "/")) + "\">Stay signed in</a></p></main></body></html>\n");
    }
}
