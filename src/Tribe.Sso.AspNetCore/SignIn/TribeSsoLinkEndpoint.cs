using System;
using System.Globalization;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Tribe.Sso.AspNetCore;

/// <summary>The request handler behind <see cref="TribeSsoLinkEndpointRouteBuilderExtensions.MapTribeSsoLink(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder, string)"/>.</summary>
internal static class TribeSsoLinkEndpoint
{
    private const string AnonymousDetail = "This endpoint answers a signed-in caller only. Call it with the user's credentials, such as an Authorization: Bearer header.";

    public static async Task HandleAsync(HttpContext context, Func<ClaimsPrincipal, HttpContext, ValueTask<TribeSsoUser>> mapUser)
    {
        if (await TribeSsoEndpoint.IssueAsync(context, mapUser, AnswerAnonymousAsync).ConfigureAwait(false) is not { } issued)
        {
            return;
        }

        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        var body = new LinkResponse(issued.Link.AbsoluteUri, issued.ExpiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        await context.Response.WriteAsJsonAsync(body, LinkResponseJsonContext.Default.LinkResponse).ConfigureAwait(false);
    }

    /// <summary>
    /// A <c>401</c> of its own rather than the default challenge: for a cookie scheme that would be a redirect to a login
    /// page, which an app's HTTP client follows into HTML instead of learning that its credentials are missing.
    /// </summary>
    private static Task AnswerAnonymousAsync(HttpContext context)
        => ProblemResponse.Write(context, StatusCodes.Status401Unauthorized, "Sign-in required", AnonymousDetail);
}
