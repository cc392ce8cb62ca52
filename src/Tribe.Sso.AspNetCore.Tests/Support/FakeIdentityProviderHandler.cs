using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>
/// Signs out as an OpenID Connect handler does: <see cref="RedirectScheme"/> redirects to the provider's end-session page,
/// <see cref="FormPostScheme"/> answers with the page that posts to it (the response has started when it returns). Both
/// carry <c>post_logout_redirect_uri</c> built from the path base and <see cref="AuthenticationProperties.RedirectUri"/>.
/// </summary>
internal sealed class FakeIdentityProviderHandler : IAuthenticationSignOutHandler
{
    public const string RedirectScheme = "idp";
    public const string FormPostScheme = "idp-form";
    public const string EndSession = "https://idp.example/end-session";

    /// <summary>A handler that answers with its own redirect to the page it was given and sends it at once.</summary>
    public const string SentHomeScheme = "sent-home";

    /// <summary>A handler that signs out without touching the response.</summary>
    public const string SilentScheme = "silent";

    private HttpContext _context = null!;
    private AuthenticationScheme _scheme = null!;

    public Task InitializeAsync(AuthenticationScheme scheme, HttpContext context)
    {
        _scheme = scheme;
        _context = context;
        return Task.CompletedTask;
    }

    public Task<AuthenticateResult> AuthenticateAsync() => Task.FromResult(AuthenticateResult.NoResult());

    public Task ChallengeAsync(AuthenticationProperties? properties) => Task.CompletedTask;

    public Task ForbidAsync(AuthenticationProperties? properties) => Task.CompletedTask;

    public async Task SignOutAsync(AuthenticationProperties? properties)
    {
        if (_scheme.Name == SilentScheme)
        {
            return;
        }

        if (_scheme.Name == SentHomeScheme)
        {
            _context.Response.Redirect(properties!.RedirectUri!);
            await _context.Response.Body.FlushAsync();
            return;
        }

        var request = _context.Request;
        var back = Uri.EscapeDataString(request.Scheme + "://" + request.Host + request.PathBase + properties?.RedirectUri);
        if (_scheme.Name == RedirectScheme)
        {
            _context.Response.Redirect(EndSession + "?post_logout_redirect_uri=" + back);
            return;
        }

        _context.Response.ContentType = "text/html; charset=utf-8";
        await _context.Response.WriteAsync("<form method=\"post\" action=\"" + EndSession + "\"><input type=\"hidden\" name=\"post_logout_redirect_uri\" value=\"" + back + "\"></form>");
        await _context.Response.Body.FlushAsync();
    }
}
