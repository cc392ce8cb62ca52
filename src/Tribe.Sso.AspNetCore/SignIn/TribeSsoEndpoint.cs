using System;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tribe.Sso.AspNetCore;

/// <summary>The request handler behind <see cref="TribeSsoEndpointRouteBuilderExtensions.MapTribeSso(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder, string)"/>.</summary>
internal static partial class TribeSsoEndpoint
{
    private const string LoggerName = "Tribe.Sso.AspNetCore.TribeSsoEndpoint";
    private const string UserRefusedTitle = "This account cannot be signed into the community";
    private const string UserNotMappedDetail = "The signed-in user could not be mapped to a community user; see the server log.";

    public static async Task HandleAsync(HttpContext context, Func<ClaimsPrincipal, HttpContext, ValueTask<TribeSsoUser>> mapUser)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerName);

        // Checked before the challenge: a visitor is not sent through sign-in for a page that would be refused anyway.
        if (RedirectQuery.FindProblem(context.Request.Query, "Pass a path on the community that starts with a single '/', such as /answers.", out var redirect) is { } problem)
        {
            LogRedirectRefused(logger, problem);
            await ProblemResponse.Write(context, StatusCodes.Status400BadRequest, "Redirect target refused", problem).ConfigureAwait(false);
            return;
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            await ChallengeAsync(context).ConfigureAwait(false);
            return;
        }

        TribeSsoUser user;
        try
        {
            user = await mapUser(context.User, context).ConfigureAwait(false);
            ArgumentNullException.ThrowIfNull(user);
        }
        catch (TribeSsoException e)
        {
            // The SDK's own messages name the rule, never the value: safe to show.
            LogUserNotMapped(logger, e.Message);
            await ProblemResponse.Write(context, StatusCodes.Status403Forbidden, UserRefusedTitle, e.Message).ConfigureAwait(false);
            return;
        }
        catch (ArgumentException e)
        {
            // Thrown by the application's own mapping: its message is not the SDK's and could disclose internals or a value.
            LogUserNotMapped(logger, e.Message);
            await ProblemResponse.Write(context, StatusCodes.Status403Forbidden, UserRefusedTitle, UserNotMappedDetail).ConfigureAwait(false);
            return;
        }

        TribeSsoLink link;
        try
        {
            link = TribeSsoCommunity.IssuerFor(context).CreateLoginUrl(user, redirect);
        }
        catch (TribeSsoRedirectException e)
        {
            // A safe target that makes the link over 8,000 bytes, with this user's claims: the request's fault, not the server's.
            LogRedirectRefused(logger, e.Message);
            await ProblemResponse.Write(context, StatusCodes.Status400BadRequest, "Redirect target refused", e.Message).ConfigureAwait(false);
            return;
        }
        catch (TribeSsoClaimException e)
        {
            // The user's claims make the link over 8,000 bytes: refused like a user that cannot be mapped.
            LogUserNotMapped(logger, e.Message);
            await ProblemResponse.Write(context, StatusCodes.Status403Forbidden, UserRefusedTitle, e.Message).ConfigureAwait(false);
            return;
        }

        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers["Referrer-Policy"] = "no-referrer";
        context.Response.Redirect(link.ToString());
        LogRedirected(logger, user.Id);
    }

    /// <summary>
    /// The app's sign-in challenge (for cookies: its login page), or its sign-up page for an endpoint mapped with
    /// <c>WithSignUpPage</c>; either way the visitor comes back to this request afterwards.
    /// </summary>
    private static Task ChallengeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<TribeSsoSignUpPage>() is not { } signUp)
        {
            return context.ChallengeAsync();
        }

        var request = context.Request;
        var returnUrl = request.PathBase + request.Path + request.QueryString;
        var separator = signUp.Path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        context.Response.Redirect(request.PathBase + signUp.Path + separator + signUp.ReturnUrlParameter + "=" + Uri.EscapeDataString(returnUrl));
        return Task.CompletedTask;
    }

    [LoggerMessage(1, LogLevel.Information, "Tribe SSO: sending user {UserId} to the community")]
    private static partial void LogRedirected(ILogger logger, string userId);

    [LoggerMessage(2, LogLevel.Warning, "Tribe SSO: redirect target refused: {Reason}")]
    private static partial void LogRedirectRefused(ILogger logger, string reason);

    [LoggerMessage(3, LogLevel.Warning, "Tribe SSO: the signed-in user cannot be signed into the community: {Reason}")]
    private static partial void LogUserNotMapped(ILogger logger, string reason);
}
