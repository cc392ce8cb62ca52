using System.Globalization;
using System.Linq;
using System.Security.Claims;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tribe.Sso.AspNetCore;

/// <summary>The request handler behind <c>MapTribeSsoLogout</c>: the community's Logout URL.</summary>
internal static partial class TribeSsoLogoutEndpoint
{
    private const string LoggerName = "Tribe.Sso.AspNetCore.TribeSsoLogoutEndpoint";
    private const string Fix = "Pass a path on this site that starts with a single '/', such as /.";

    /// <remarks>
    /// The user is signed out in every case, even when the page to return to is refused: the community has already ended
    /// its session, and a partner session left behind would sign the member straight back in through the Authorization URL.
    /// </remarks>
    public static async Task HandleAsync(HttpContext context, string defaultRedirectPath, string[] schemes)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerName);
        var problem = RedirectQuery.FindProblem(context.Request.Query, Fix, out var target);
        var landing = AsciiLocation(problem is null ? target ?? defaultRedirectPath : defaultRedirectPath);
        var userId = context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? context.User.FindFirst("sub")?.Value;

        // Sign-out handlers redirect to RedirectUri themselves (cookies at once, an identity provider after its end-session
        // page), so it is always a checked local path, in ASCII for the Location header.
        var properties = new AuthenticationProperties { RedirectUri = landing };
        if (schemes.Length == 0)
        {
            await context.SignOutAsync(properties).ConfigureAwait(false);
        }
        else
        {
            foreach (var scheme in schemes)
            {
                await context.SignOutAsync(scheme, properties).ConfigureAwait(false);
            }
        }

        var response = context.Response;
        response.Headers.CacheControl = "no-store";
        LogSignedOut(logger, userId ?? "(anonymous)");
        if (problem is not null)
        {
            LogRedirectRefused(logger, problem);
            response.Headers.Location = default;
            await ProblemResponse.Write(context, StatusCodes.Status400BadRequest, "Signed out; the page to return to was refused", "You are signed out. " + problem).ConfigureAwait(false);
            return;
        }

        if (!response.HasStarted && response.StatusCode == StatusCodes.Status200OK && response.Headers.Location.Count == 0)
        {
            response.Redirect(landing);
        }
    }

    /// <summary>Percent-encodes the UTF-8 of non-ASCII characters: a header carries ASCII only (Kestrel answers 500 otherwise).</summary>
    private static string AsciiLocation(string path)
    {
        if (path.All(char.IsAscii))
        {
            return path;
        }

        var builder = new StringBuilder(path.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(path))
        {
            if (b < 0x80)
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Says why <paramref name="path"/> cannot be the default landing page, or null.</summary>
    public static string? FindDefaultProblem(string path) => TribeSsoRedirectPath.FindProblem(path) is { } problem
        ? "DefaultRedirectPath " + problem + ". " + Fix
        : null;

    public static string[] Schemes(TribeSsoLogoutOptions options) => options.AuthenticationSchemes.Where(s => !string.IsNullOrEmpty(s)).ToArray();

    [LoggerMessage(10, LogLevel.Information, "Tribe SSO: the community's Logout URL signed user {UserId} out")]
    private static partial void LogSignedOut(ILogger logger, string userId);

    [LoggerMessage(11, LogLevel.Warning, "Tribe SSO: Logout URL: redirect target refused: {Reason}")]
    private static partial void LogRedirectRefused(ILogger logger, string reason);
}
