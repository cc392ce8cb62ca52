using System;
using System.IO;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
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
    /// A navigation from the site or the community signs out at once; any other GET gets the confirmation page, whose
    /// POST signs out only with a valid antiforgery token, so no other site can sign a user out with an <c>&lt;img&gt;</c>.
    /// Once signing out is decided, the user is signed out in every case, even when the page to return to is refused:
    /// the community has already ended its session, and a partner session left behind would sign the member straight
    /// back in through the Authorization URL.
    /// </remarks>
    public static async Task HandleAsync(HttpContext context, string defaultRedirectPath, string[] schemes)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerName);
        var metrics = context.RequestServices.GetService<TribeSsoMetrics>();
        // A refused target comes back as null: only a checked one is carried or used.
        var problem = RedirectQuery.FindProblem(context.Request.Query, Fix, out var target);
        if (HttpMethods.IsPost(context.Request.Method))
        {
            if (!await IsAntiforgeryValid(context).ConfigureAwait(false))
            {
                LogRefused(logger);
                metrics?.Logout("refused");
                await ProblemResponse.Write(context, StatusCodes.Status400BadRequest, "Not signed out", "The sign-out form was sent without a valid antiforgery token, so you are still signed in. Open the Logout URL again and press Sign out.").ConfigureAwait(false);
                return;
            }
        }
        else if (!LogoutRequestOrigin.IsTrusted(context))
        {
            LogConfirmationShown(logger);
            metrics?.Logout("confirmation_shown");
            await LogoutConfirmationPage.Write(context, target).ConfigureAwait(false);
            return;
        }

        await SignOutAsync(context, logger, metrics, problem, UrlText.AsciiLocation(target ?? defaultRedirectPath), schemes).ConfigureAwait(false);
    }

    /// <summary>Says why <paramref name="path"/> cannot be the default landing page, or null.</summary>
    public static string? FindDefaultProblem(string path) => TribeSsoRedirectPath.FindProblem(path) is { } problem
        ? "DefaultRedirectPath " + problem + ". " + Fix
        : null;

    public static string[] Schemes(TribeSsoLogoutOptions options) => options.AuthenticationSchemes.Where(s => !string.IsNullOrEmpty(s)).ToArray();

    private static async Task SignOutAsync(HttpContext context, ILogger logger, TribeSsoMetrics? metrics, string? problem, string landing, string[] schemes)
    {
        var userId = context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? context.User.FindFirst("sub")?.Value;
        var response = context.Response;

        // Before the handlers run: an identity provider's handler may start the response (its form-post page), and the
        // headers are read-only from then on.
        response.Headers.CacheControl = "no-store";

        // Handlers get the checked local path: the cookie handler redirects to it as it is, an identity provider's handler
        // returns to it after its end-session page (adding the path base as it builds its absolute address).
        var properties = new AuthenticationProperties { RedirectUri = landing };
        var order = schemes.Length == 0 ? new string?[] { null } : schemes;
        foreach (var scheme in order)
        {
            // The last handler that answers wins: a cookie handler's redirect home must not hide the provider's page.
            UndoLocalRedirect(response, landing);
            // A null scheme is the default sign-out scheme, as HttpContext.SignOutAsync(properties) passes it.
            await context.SignOutAsync(scheme, properties).ConfigureAwait(false);
        }

        LogSignedOut(logger, userId ?? "(anonymous)");
        metrics?.Logout("signed_out");
        if (problem is not null)
        {
            LogRedirectRefused(logger, problem);
        }

        // An identity provider's answer (a redirect to its end-session page, or its form-post page) stands, so its session
        // ends too; it returns to the checked default page. Otherwise the answer is this endpoint's.
        if (response.HasStarted || (response.Headers.Location.Count > 0 && response.Headers.Location != landing))
        {
            return;
        }

        UndoLocalRedirect(response, landing);
        if (problem is not null)
        {
            await ProblemResponse.Write(context, StatusCodes.Status400BadRequest, "Signed out; the page to return to was refused", "You are signed out. " + problem).ConfigureAwait(false);
            return;
        }

        response.Redirect(UrlText.AsciiLocation(context.Request.PathBase + landing));
    }

    private static void UndoLocalRedirect(HttpResponse response, string landing)
    {
        // The landing page is never empty (a checked path), so an absent Location never equals it.
        if (!response.HasStarted && response.Headers.Location == landing)
        {
            response.Headers.Location = default;
            response.StatusCode = StatusCodes.Status200OK;
        }
    }

    private static async Task<bool> IsAntiforgeryValid(HttpContext context)
    {
        try
        {
            return await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException or AntiforgeryValidationException)
        {
            // A malformed or oversized form is no valid token.
            return false;
        }
    }

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, EventName = "SignedOut", Message = "Tribe SSO: the community's Logout URL signed user {UserId} out")]
    private static partial void LogSignedOut(ILogger logger, string userId);

    [LoggerMessage(EventId = 11, Level = LogLevel.Warning, EventName = "LogoutRedirectRefused", Message = "Tribe SSO: Logout URL: redirect target refused: {Reason}")]
    private static partial void LogRedirectRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, EventName = "LogoutConfirmationShown", Message = "Tribe SSO: Logout URL: the request came from neither this site nor the community; the confirmation page was shown and the user is still signed in")]
    private static partial void LogConfirmationShown(ILogger logger);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, EventName = "LogoutRefused", Message = "Tribe SSO: Logout URL: the sign-out form came without a valid antiforgery token; the user is still signed in. If the site runs on several instances, the likely cause is that each has its own Data Protection key ring, so one instance cannot read the token another put on the page: persist the keys to one store every instance reads (such as AddDataProtection().PersistKeysToStackExchangeRedis(…)) and give every instance the same SetApplicationName(…). Otherwise a page may be trying to sign your users out")]
    private static partial void LogRefused(ILogger logger);
}
