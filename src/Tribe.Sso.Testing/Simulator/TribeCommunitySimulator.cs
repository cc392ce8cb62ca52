using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Tribe.Sso.Testing;

/// <summary>
/// A Tribe community as a browser sees it, without a web server: give it each request (method, path and query, the
/// session cookie) and write out the <see cref="TribeCommunitySimulatorResponse"/> it returns. Any host can serve it: a
/// partner's ASP.NET Core app under a path, an <c>HttpListener</c>, a test calling <see cref="Handle(TribeCommunitySimulatorRequest)"/> directly.
/// Thread-safe.
/// </summary>
/// <remarks>
/// <para>What it serves, under <see cref="TribeCommunitySimulatorOptions.BasePath"/>:</para>
/// <list type="bullet">
/// <item><c>GET /auth/sso?jwt=…&amp;redirect=…</c> (or, with <see cref="TribeCommunitySimulatorOptions.UrlShape"/>
/// <see cref="TribeCommunityUrlShape.Bettermode"/>, <c>GET /api/auth/sso?jwt=…&amp;redirect_uri=…</c>): the rules of
/// <see cref="InMemoryTribeCommunity"/>. A member signed in gets a session cookie and a <c>302</c> to the requested page;
/// a rejected token is answered <c>401</c> and a conflict <c>409</c>, with a page that says why in the reader's words.</item>
/// <item><c>GET /auth/logout</c>: ends the session, then sends the browser to the partner's Logout URL.</item>
/// <item><c>GET /embed/…</c>: a compact page for an iframe, showing the signed-in member and the embed options.</item>
/// <item>any other <c>GET</c>: a community page showing the signed-in member with "Edit profile" (the partner's Settings
/// URL) and "Log out", or "Log in" and "Sign up" links to the partner's Authorization and Sign-up URLs, each carrying the
/// page to return to.</item>
/// <item><c>POST /api/gateway</c>: the community's GraphQL API for its members (<c>limitedToken</c>, <c>member</c>,
/// <c>members</c>, <c>updateMember</c>, <c>deleteMember</c>) over the same members, with its error codes and rate limit.</item>
/// <item>a JSON API for tests: <c>GET</c>/<c>POST /_simulator/members</c> (<c>email</c>, <c>name</c>, optional <c>externalId</c>),
/// <c>GET /_simulator/sign-ins</c>, <c>GET /_simulator/webhooks</c>, <c>DELETE /_simulator</c> (reset).</item>
/// <item>with <see cref="TribeCommunitySimulatorOptions.WebhookUrl"/>, signed webhooks for what happens to members (see <see cref="WebhooksIdleAsync"/>).</item>
/// </list>
/// <para>
/// Every value it echoes is HTML-encoded. Tokens are read, never shown or logged: a page masks the value of a
/// <c>jwt</c>, <c>token</c> or <c>ssoToken</c> parameter (and the configured token parameter) as <c>…</c>, and any other
/// address under <c>/auth/</c> or <c>/api/</c>, such as <c>/auth/sso/</c>, is answered <c>404</c>. Only
/// <see cref="SignIns"/> keeps them, in process. Requests for a host name other than a loopback one are answered
/// <c>403</c> (see <see cref="TribeCommunitySimulatorRequest.Host"/>).
/// </para>
/// </remarks>
public sealed partial class TribeCommunitySimulator
{
    /// <summary>How many sign-in attempts <see cref="SignIns"/> keeps: the last 1,000.</summary>
    private const int MaxSignIns = 1000;

    private readonly object _gate = new();
    private readonly TribeSsoKey _key;
    private readonly SimulatorSessions _sessions = new();
    private readonly List<TribeSsoSignInResult> _signIns = new();
    private readonly SimulatorGateway _gateway = new();
    private readonly string _basePath;
    private InMemoryTribeCommunity _community;

    /// <summary>Creates an empty community that verifies tokens with <paramref name="key"/>.</summary>
    /// <param name="key">The community's SSO key, the one the partner signs with.</param>
    /// <param name="options">The partner's URLs and where the simulator is served; defaults when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="ArgumentException">The base path is not empty or a path such as <c>/community-sim</c>, or a webhook URL is set without a signing secret.</exception>
    public TribeCommunitySimulator(TribeSsoKey key, TribeCommunitySimulatorOptions? options = null)
    {
        _key = Guard.NotNull(key, nameof(key));
        Options = options ?? new TribeCommunitySimulatorOptions();
        _basePath = TribeCommunitySimulatorOptions.CheckBasePath(Options.BasePath);
        _community = new InMemoryTribeCommunity(key, Options.ReaderOptions ?? new TribeSsoTokenReaderOptions());
        _webhooks = SimulatorWebhooks.Create(Options, _basePath, Options.ReaderOptions?.TimeProvider ?? TimeProvider.System);
    }

    /// <summary>
    /// Gets the settings the simulator was created with. The partner's URLs, the URL shape and the community name are read on each
    /// request (a host may set them once it knows its address); the base path and the reader options are fixed.
    /// </summary>
    public TribeCommunitySimulatorOptions Options { get; }

    /// <summary>Gets the community's members and rules. <see cref="Reset"/> replaces it with an empty one.</summary>
    public InMemoryTribeCommunity Community
    {
        get
        {
            lock (_gate)
            {
                return _community;
            }
        }
    }

    /// <summary>
    /// Gets the SSO sign-in attempts since the start or the last <see cref="Reset"/>, oldest first: the last 1,000, so a
    /// long-running simulator does not grow without bound. Each keeps the whole read result, the token included, for
    /// in-process tests; the JSON API (<c>GET /_simulator/sign-ins</c>) never writes the token.
    /// </summary>
    public IReadOnlyList<TribeSsoSignInResult> SignIns
    {
        get
        {
            lock (_gate)
            {
                return _signIns.ToList().AsReadOnly();
            }
        }
    }

    /// <summary>Forgets every member, session and sign-in, and the webhook deliveries listed so far (pending ones go on).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _community = new InMemoryTribeCommunity(_key, Options.ReaderOptions ?? new TribeSsoTokenReaderOptions());
            _sessions.Clear();
            _signIns.Clear();
            _webhooks?.Clear();
        }
    }

    /// <summary>Answers one request, as the community's web server would; a request for a name other than a loopback one is answered <c>403</c>.</summary>
    /// <param name="request">The method, target, Host header, session cookie, body and Authorization header.</param>
    /// <returns>The response to write out. Never throws for any request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public TribeCommunitySimulatorResponse Handle(TribeCommunitySimulatorRequest request)
    {
        Guard.NotNull(request, nameof(request));
        return SimulatorTarget.IsLoopbackHost(request.Host)
            ? Dispatch(request.Method, request.Target, request.SessionCookie, request.Body, request.Authorization, request.ContentType ?? string.Empty)
            : SimulatorPages.HostRefused(this);
    }

    /// <summary>Answers one request whose host is not known (a test calling it in process), as the community's web server would.</summary>
    /// <param name="method">The HTTP method, such as <c>GET</c>.</param>
    /// <param name="pathAndQuery">The request target as it arrived, still percent-encoded, such as <c>/community-sim/auth/sso?jwt=…</c>; an absolute-form one must name a loopback host.</param>
    /// <param name="sessionCookie">The value of the <see cref="SessionCookieName"/> cookie, or null.</param>
    /// <param name="body">The request body (JSON for <c>POST /_simulator/members</c> and <c>POST /api/gateway</c>), or null.</param>
    /// <param name="authorization">The <c>Authorization</c> header, or null: the API's credentials (Basic for <c>limitedToken</c>, else Bearer).</param>
    /// <returns>The response to write out. Never throws for any request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="method"/> or <paramref name="pathAndQuery"/> is null.</exception>
    /// <remarks>The body of <c>POST /api/gateway</c> counts as <c>application/json</c>: a test in process is no browser.</remarks>
    public TribeCommunitySimulatorResponse Handle(string method, string pathAndQuery, string? sessionCookie = null, string? body = null, string? authorization = null)
        => Dispatch(Guard.NotNull(method, nameof(method)), Guard.NotNull(pathAndQuery, nameof(pathAndQuery)), sessionCookie, body, authorization, "application/json");

    private TribeCommunitySimulatorResponse Dispatch(string method, string pathAndQuery, string? sessionCookie, string? body, string? authorization, string contentType)
    {
        pathAndQuery = SimulatorTarget.OriginForm(pathAndQuery, out var authority);
        if (!SimulatorTarget.IsLoopbackHost(authority))
        {
            return SimulatorPages.HostRefused(this);
        }

        var basePath = _basePath;
        var path = UrlText.PathOf(pathAndQuery);
        if (!path.StartsWith(basePath, StringComparison.Ordinal) || (path.Length > basePath.Length && path[basePath.Length] != '/'))
        {
            return SimulatorPages.NotFound(this);
        }

        var local = pathAndQuery.Substring(basePath.Length);
        local = local.Length == 0 || local[0] != '/' ? "/" + local : local;
        var localPath = UrlText.PathOf(local);
        if (localPath == "/api/gateway")
        {
            return _gateway.Handle(this, method, body, authorization, contentType);
        }

        if (localPath == "/_simulator" || localPath.StartsWith("/_simulator/", StringComparison.Ordinal))
        {
            return SimulatorApi.Handle(this, method.ToUpperInvariant(), localPath, body);
        }

        if (!string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase))
        {
            return SimulatorPages.MethodNotAllowed(this);
        }

        if (localPath == SimulatorTarget.SsoPath(Options.UrlShape))
        {
            return SignIn(UrlText.WithoutQueryParameter(local, SimulatorTarget.IgnoredRedirectParameter(Options.UrlShape)));
        }

        if (localPath == "/auth/logout")
        {
            return LogOut(sessionCookie);
        }

        if (SimulatorTarget.IsNearSsoAddress(localPath) || SimulatorTarget.IsNearSsoAddress(Uri.UnescapeDataString(localPath)))
        {
            return SimulatorPages.NoSuchSsoAddress(this);
        }

        // A page echoes the address and forwards it to the partner as the page to return to: never with a token in it.
        var shown = SimulatorLinks.MaskTokens(local, Options.ReaderOptions?.TokenParameterName);
        var member = FindSessionMember(sessionCookie, out var session);
        return localPath == "/embed" || localPath.StartsWith("/embed/", StringComparison.Ordinal)
            ? SimulatorPages.Embed(this, shown, member)
            : SimulatorPages.Page(this, shown, member, session?.Outcome);
    }

    /// <summary>A path under the base path, ASCII only (a Location header carries nothing else).</summary>
    internal string Url(string localPath) => _basePath + UrlText.AsciiLocation(localPath);

    private TribeCommunitySimulatorResponse SignIn(string local)
    {
        TribeSsoSignInResult result;
        string? sessionId = null;
        lock (_gate)
        {
            result = _community.SignIn("http://community.simulator.invalid" + local, out var before);
            SignedIn(before, result);
            _signIns.Add(result);
            if (_signIns.Count > MaxSignIns)
            {
                _signIns.RemoveAt(0);
            }
            if (result.IsSignedIn)
            {
                sessionId = _sessions.Start(result.Member!.Id, result.Outcome);
            }
        }

        return result.Outcome switch
        {
            _ when sessionId is not null => TribeCommunitySimulatorResponse.Create(
                302,
                "text/html; charset=utf-8",
                string.Empty,
                new("Location", Url(result.RedirectPath!)),
                new("Set-Cookie", Cookie(sessionId)),
                new("Referrer-Policy", "no-referrer")),
            TribeSsoSignInOutcome.Conflict => SimulatorPages.Conflict(this, result),
            _ => SimulatorPages.Rejected(this, result),
        };
    }

    private TribeCommunitySimulatorResponse LogOut(string? sessionCookie)
    {
        _sessions.End(sessionCookie);
        var target = Options.LogoutUrl is { } logout ? UrlText.AsciiUrl(logout) : Url("/");
        return TribeCommunitySimulatorResponse.Create(302, "text/html; charset=utf-8", string.Empty, new("Location", target), new("Set-Cookie", Cookie(null)));
    }

    private TribeCommunityMember? FindSessionMember(string? sessionCookie, out SimulatorSessions.Session? session)
    {
        session = _sessions.Find(sessionCookie);
        var memberId = session?.MemberId;
        return memberId is null ? null : Community.Members.FirstOrDefault(m => m.Id == memberId);
    }

    private string Cookie(string? sessionId)
        => SessionCookieName + "=" + sessionId + "; Path=" + (_basePath.Length == 0 ? "/" : _basePath) + "; HttpOnly; SameSite=Lax" + (sessionId is null ? "; Max-Age=0" : string.Empty);
}
