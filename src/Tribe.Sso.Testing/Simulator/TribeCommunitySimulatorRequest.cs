namespace Tribe.Sso.Testing;

/// <summary>
/// One request to a <see cref="TribeCommunitySimulator"/>, as its host received it: what
/// <see cref="TribeCommunitySimulator.Handle(TribeCommunitySimulatorRequest)"/> takes. A host that has a <c>Host</c>
/// header passes it, so the simulator can refuse requests for names other than loopback ones (DNS rebinding).
/// </summary>
/// <example>
/// <code>
/// var answer = simulator.Handle(new TribeCommunitySimulatorRequest(request.Method, rawTarget)
/// {
///     Host = request.Headers.Host,
///     SessionCookie = request.Cookies[TribeCommunitySimulator.SessionCookieName],
///     Body = body,
///     Authorization = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null,
///     ContentType = request.ContentType,
/// });
/// </code>
/// </example>
public sealed class TribeCommunitySimulatorRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="method">The HTTP method, such as <c>GET</c>.</param>
    /// <param name="target">
    /// The request target as it arrived, still percent-encoded: origin-form such as <c>/community-sim/auth/sso?jwt=…</c>,
    /// or absolute-form such as <c>http://127.0.0.1:5090/auth/sso?jwt=…</c> (RFC 9112 §3.2.2), whose authority is then
    /// the host.
    /// </param>
    /// <exception cref="System.ArgumentNullException"><paramref name="method"/> or <paramref name="target"/> is null.</exception>
    public TribeCommunitySimulatorRequest(string method, string target)
    {
        Method = Guard.NotNull(method, nameof(method));
        Target = Guard.NotNull(target, nameof(target));
    }

    /// <summary>Gets the HTTP method.</summary>
    public string Method { get; }

    /// <summary>Gets the request target as it arrived.</summary>
    public string Target { get; }

    /// <summary>
    /// Gets the value of the <c>Host</c> header, such as <c>127.0.0.1:5090</c>; null (or empty) when the host has none
    /// to give. A request for any other name than <c>localhost</c>, <c>*.localhost</c>, <c>127.x.x.x</c> or <c>[::1]</c>
    /// is answered <c>403</c>.
    /// </summary>
    public string? Host { get; init; }

    /// <summary>Gets the value of the <see cref="TribeCommunitySimulator.SessionCookieName"/> cookie, or null.</summary>
    public string? SessionCookie { get; init; }

    /// <summary>Gets the request body (JSON for <c>POST /_simulator/members</c> and <c>POST /api/gateway</c>), or null.</summary>
    public string? Body { get; init; }

    /// <summary>Gets the <c>Authorization</c> header, or null: the members API's credentials (Basic for <c>limitedToken</c>, else Bearer).</summary>
    public string? Authorization { get; init; }

    /// <summary>
    /// Gets the <c>Content-Type</c> header, or null when the request has none. <c>POST /api/gateway</c> takes only
    /// <c>application/json</c>, as GraphQL over HTTP says, and answers any other (or none) with <c>415</c>: a cross-site
    /// form or <c>text/plain</c> POST, which a browser sends without asking, never runs a query.
    /// </summary>
    public string? ContentType { get; init; }
}
