using Microsoft.AspNetCore.Http;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// Reads the page to return to from a request to one of the package's endpoints: <c>redirect</c> or <c>redirect_uri</c>
/// (Tribe does not document which one its community adds), one of them, once. An empty value means "no page".
/// </summary>
internal static class RedirectQuery
{
    /// <summary>
    /// Says why the request's target is refused, as the sentences of a problem detail ending with <paramref name="fix"/>
    /// where it applies, or null; <paramref name="target"/> is then the safe target, or null for none. Never repeats the target.
    /// </summary>
    public static string? FindProblem(IQueryCollection query, string fix, out string? target)
    {
        target = null;
        var redirect = query[TribeSsoEndpointRouteBuilderExtensions.RedirectQueryParameter];
        var redirectUri = query[TribeSsoEndpointRouteBuilderExtensions.RedirectUriQueryParameter];
        if (redirect.Count + redirectUri.Count > 1)
        {
            return redirect.Count == 1 && redirectUri.Count == 1
                ? "The redirect target was given twice, in redirect and in redirect_uri. Pass it once, in one of them."
                : "The redirect target was given more than once. Pass it once, in redirect or redirect_uri.";
        }

        var value = redirect.Count == 1 ? redirect[0] : redirectUri.Count == 1 ? redirectUri[0] : null;
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (TribeSsoRedirectPath.FindProblem(value) is { } problem)
        {
            return "The redirect target " + problem + ". " + fix;
        }

        target = value;
        return null;
    }
}
