using System;
using System.Collections.Generic;
using System.Linq;

namespace Tribe.Sso.Testing;

/// <summary>
/// Stage 0 of a read: takes a token, or an SSO link (also one copied from a browser), apart the way the community's web
/// server does, with the same query format the issuer writes (<see cref="LinkFormat"/>). A repeated or ambiguous
/// parameter is a finding, never a silent choice; names are compared ignoring case for that, because some servers
/// (ASP.NET Core, System.Web) read <c>JWT</c> as <c>jwt</c> while others (Node) do not. The values are taken from the
/// exact names only, as the community's Node server reads them.
/// </summary>
internal readonly struct SsoLink
{
    private SsoLink(string? token, string? redirectPath)
    {
        Token = token;
        RedirectPath = redirectPath;
    }

    /// <summary>Gets the compact token, or null when the link carries none.</summary>
    public string? Token { get; }

    /// <summary>Gets the decoded redirect target, or null.</summary>
    public string? RedirectPath { get; }

    public static SsoLink Parse(string tokenOrLink, string tokenParameter, FindingsCollector findings)
    {
        var text = tokenOrLink.Trim();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            return new SsoLink(text, redirectPath: null);
        }

        // A '?' after the first '#' belongs to the fragment, which a browser never sends: no query at all.
        var queryText = UrlText.QueryOf(text);
        if (queryText is null || !Uri.TryCreate(text, UriKind.Absolute, out _))
        {
            findings.Malformed(queryText is null ? "the link has no query string, so no " + tokenParameter + " parameter" : "the link is not a valid absolute URL");
            return default;
        }

        var query = LinkFormat.ParseQuery(queryText);
        var tokens = query.Where(p => string.Equals(p.Key, tokenParameter, StringComparison.OrdinalIgnoreCase)).ToList();
        var redirects = query.Where(p => LinkFormat.RedirectParameters.Contains(p.Key, StringComparer.OrdinalIgnoreCase)).ToList();
        if (tokens.Count > 1)
        {
            findings.Add(TribeSsoFindingCode.LinkAmbiguous, null, "the link has " + tokens.Count + " " + tokenParameter + " parameters (" + Names(tokens) + "); servers disagree on which one counts");
        }

        if (redirects.Count > 1)
        {
            findings.Add(TribeSsoFindingCode.LinkAmbiguous, null, "the link has " + redirects.Count + " redirect targets (" + Names(redirects) + "); give one, in the parameter your community reads");
        }

        var token = tokens.FirstOrDefault(p => p.Key == tokenParameter).Value;
        if (token is null)
        {
            findings.Malformed("the link has no " + tokenParameter + " query parameter");
        }

        return new SsoLink(token, redirects.FirstOrDefault(p => LinkFormat.RedirectParameters.Contains(p.Key)).Value);
    }

    /// <summary>The parameter names as written, for a finding: at most 64 characters each, so a hostile name stays short.</summary>
    private static string Names(IEnumerable<KeyValuePair<string, string>> parameters) => string.Join(", ", parameters.Select(p => FindingsCollector.Quote(p.Key).Trim('\'')));
}
