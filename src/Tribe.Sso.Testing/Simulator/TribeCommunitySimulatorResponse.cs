using System;
using System.Collections.Generic;
using System.Linq;

namespace Tribe.Sso.Testing;

/// <summary>What a <see cref="TribeCommunitySimulator"/> answers: a status, headers and a body, for any host to write out.</summary>
public sealed class TribeCommunitySimulatorResponse
{
    internal TribeCommunitySimulatorResponse(int statusCode, IReadOnlyList<KeyValuePair<string, string>> headers, string body)
    {
        StatusCode = statusCode;
        Headers = headers;
        Body = body;
    }

    /// <summary>Builds a response, never cached; for the simulator's pages and API.</summary>
    internal static TribeCommunitySimulatorResponse Create(int status, string contentType, string body, params KeyValuePair<string, string>[] headers)
    {
        var all = new List<KeyValuePair<string, string>> { new("Content-Type", contentType), new("Cache-Control", "no-store") };
        all.AddRange(headers);
        return new TribeCommunitySimulatorResponse(status, all.AsReadOnly(), body);
    }

    /// <summary>A <c>204</c>: no body, and so no <c>Content-Type</c>.</summary>
    internal static TribeCommunitySimulatorResponse NoContent()
        => new(204, new List<KeyValuePair<string, string>> { new("Cache-Control", "no-store") }.AsReadOnly(), string.Empty);

    /// <summary>Gets the HTTP status code, such as 200, 302, 401 or 409.</summary>
    public int StatusCode { get; }

    /// <summary>Gets the response headers in order, <c>Content-Type</c> included; a name may repeat (<c>Set-Cookie</c>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Gets the body: HTML for pages, JSON for the <c>/_simulator</c> API, empty for redirects.</summary>
    public string Body { get; }

    /// <summary>Gets the first value of a header, ignoring the name's case.</summary>
    /// <param name="name">The header name, such as <c>Location</c>.</param>
    /// <returns>The value, or null.</returns>
    public string? GetHeader(string name)
    {
        Guard.NotNull(name, nameof(name));
        return Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();
    }

    /// <summary>Describes the response without its body.</summary>
    /// <returns>For example <c>302 Location: /spaces/general</c>.</returns>
    public override string ToString() => StatusCode + (GetHeader("Location") is { } location ? " Location: " + location : string.Empty);
}
