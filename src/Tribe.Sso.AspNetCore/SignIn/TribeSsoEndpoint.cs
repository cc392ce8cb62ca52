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
        if (await IssueAsync(context, mapUser, ChallengeAsync).ConfigureAwait(false) is not { } issued)
        {
            return;
        }

        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.Pragma = "no-cache";
        headers["Referrer-Policy"] = "no-referrer";
        context.Response.Redirect(issued.Link.ToString());
    }

    /// <summary>
    /// What every sign-in endpoint does before it answers with a link: checks the redirect target (before any sign-in),
    /// sends an anonymous caller to <paramref name="answerAnonymous"/>, maps the user and signs the link. Every refusal is
    /// answered here with problem details, logged and counted, and null returned; an issued link is logged and counted.
    /// </summary>
    public static async Task<IssuedLink?> IssueAsync(HttpContext context, Func<ClaimsPrincipal, HttpContext, ValueTask<TribeSsoUser>> mapUser, Func<HttpContext, Task> answerAnonymous)
    {
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(LoggerName);
        var metrics = context.RequestServices.GetRequiredService<TribeSsoMetrics>();
        var community = TribeSsoMetrics.CommunityOf(context);

        // Checked before the challenge: a visitor is not sent through sign-in for a page that would be refused anyway.
        if (RedirectQuery.FindProblem(context.Request.Query, "Pass a path on the community that starts with a single '/', such as /answers.", out var redirect) is { } problem)
        {
            LogRedirectRefused(logger, problem);
            metrics.RequestRefused(community, "redirect");
            await ProblemResponse.Write(context, StatusCodes.Status400BadRequest, "Redirect target refused", problem).ConfigureAwait(false);
            return null;
        }

        if (context.User.Identity?.IsAuthenticated != true)
        {
            await answerAnonymous(context).ConfigureAwait(false);
            return null;
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
            metrics.RequestRefused(community, "claims");
            await ProblemResponse.Write(context, StatusCodes.Status403Forbidden, UserRefusedTitle, e.Message).ConfigureAwait(false);
            return null;
        }
        catch (ArgumentException e)
        {
            // Thrown by the application's own mapping: its message is not the SDK's and could disclose internals or a value.
            LogUserNotMapped(logger, e.Message);
            metrics.RequestRefused(community, "unmapped");
            await ProblemResponse.Write(context, StatusCodes.Status403Forbidden, UserRefusedTitle, UserNotMappedDetail).ConfigureAwait(false);
            return null;
        }

        TribeSsoLink link;
        DateTimeOffset expiresAt;
        try
        {
            // exp is iat (whole seconds of this clock's now) plus the lifetime; read before signing, so it is never later than the token's.
            var issuer = TribeSsoCommunity.IssuerFor(context);
            var now = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds();
            link = issuer.CreateLoginUrl(user, redirect);
            expiresAt = DateTimeOffset.FromUnixTimeSeconds(now) + issuer.TokenLifetime;
        }
        catch (TribeSsoRedirectException e)
        {
            // A safe target that makes the link over 8,000 bytes, with this user's claims: the request's fault, not the server's.
            LogRedirectRefused(logger, e.Message);
            metrics.RequestRefused(community, "size");
            await ProblemResponse.Write(context, StatusCodes.Status400BadRequest, "Redirect target refused", e.Message).ConfigureAwait(false);
            return null;
        }
        catch (TribeSsoClaimException e)
        {
            // The user's claims make the link over 8,000 bytes: refused like a user that cannot be mapped.
            LogUserNotMapped(logger, e.Message);
            metrics.RequestRefused(community, e.ClaimName == ClaimNames.Role ? "admin" : "size");
            await ProblemResponse.Write(context, StatusCodes.Status403Forbidden, UserRefusedTitle, e.Message).ConfigureAwait(false);
            return null;
        }

        LogRedirected(logger, user.Id);
        metrics.LinkIssued(community);
        return new IssuedLink(link, expiresAt);
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
        var signUpUrl = UrlText.WithQueryParameter(request.PathBase + signUp.Path, signUp.ReturnUrlParameter, UrlText.EscapeValue(returnUrl));
        context.Response.Redirect(UrlText.AsciiLocation(signUpUrl));
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, EventName = "UserSentToCommunity", Message = "Tribe SSO: sending user {UserId} to the community")]
    private static partial void LogRedirected(ILogger logger, string userId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, EventName = "RedirectRefused", Message = "Tribe SSO: redirect target refused: {Reason}")]
    private static partial void LogRedirectRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, EventName = "UserNotMapped", Message = "Tribe SSO: the signed-in user cannot be signed into the community: {Reason}")]
    private static partial void LogUserNotMapped(ILogger logger, string reason);
}
