using System;
using System.Linq;

namespace Tribe.Sso.Testing;

/// <summary>
/// Stage 0 of a read: takes a token, or an SSO link (also one copied from a browser), apart the way the community's web
/// server does, with the same query format the issuer writes (<see cref="LinkFormat"/>). A repeated or ambiguous
/// parameter is a finding, never a silent choice.
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

        var queryStart = text.IndexOf('?');
        if (queryStart < 0 || !Uri.TryCreate(text, UriKind.Absolute, out _))
        {
            findings.Malformed(queryStart < 0 ? "the link has no query string, so no " + tokenParameter + " parameter" : "the link is not a valid absolute URL");
            return default;
        }

        var fragment = text.IndexOf('#', queryStart);
        var query = LinkFormat.ParseQuery(fragment < 0 ? text.Substring(queryStart) : text.Substring(queryStart, fragment - queryStart));
        var tokens = query.Where(p => p.Key == tokenParameter).Select(p => p.Value).ToList();
        var redirects = query.Where(p => LinkFormat.RedirectParameters.Contains(p.Key)).ToList();
        if (tokens.Count > 1)
        {
            findings.Add(TribeSsoFindingCode.LinkAmbiguous, null, "the link has " + tokens.Count + " " + tokenParameter + " parameters; servers disagree on which one counts");
        }

        if (redirects.Count > 1)
        {
            findings.Add(TribeSsoFindingCode.LinkAmbiguous, null, "the link has " + redirects.Count + " redirect targets (" + string.Join(", ", redirects.Select(r => r.Key)) + "); give one, in the parameter your community reads");
        }

        if (tokens.Count == 0)
        {
            findings.Malformed("the link has no " + tokenParameter + " query parameter");
        }

        return new SsoLink(tokens.FirstOrDefault(), redirects.Count == 0 ? null : redirects[0].Value);
    }
}
