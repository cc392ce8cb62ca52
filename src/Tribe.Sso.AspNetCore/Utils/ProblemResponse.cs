using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Tribe.Sso.AspNetCore;

/// <summary>The problem-details answer of every endpoint of the package, never cached: it can name the signed-in user's problem.</summary>
internal static class ProblemResponse
{
    public static Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.Headers.CacheControl = "no-store";
        return Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);
    }
}
