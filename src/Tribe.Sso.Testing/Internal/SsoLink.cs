using System;

namespace Tribe.Sso.Testing.Internal;

/// <summary>Takes a token, or an SSO link (also one copied from a browser), apart the way the community's web server does.</summary>
internal readonly struct SsoLink
{
    private SsoLink(string? token, string? redirect, string? problem)
    {
        Token = token;
        Redirect = redirect;
        Problem = problem;
    }

    public string? Token { get; }

    public string? Redirect { get; }

    public string? Problem { get; }

    public static SsoLink Parse(string tokenOrLink)
    {
        var text = tokenOrLink.Trim();
        if (!text.Contains("://"))
        {
            return new SsoLink(text, redirect: null, problem: null);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return new SsoLink(null, null, "the link is not a valid absolute URL");
        }

        string? token = null;
        string? redirect = null;
        foreach (var pair in uri.Query.TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=');
            var name = equals < 0 ? pair : pair.Substring(0, equals);
            var value = equals < 0 ? string.Empty : Decode(pair.Substring(equals + 1));
            if (name == "jwt")
            {
                token ??= value;
            }
            else if (name is TribeSsoOptions.DefaultRedirectParameterName or TribeSsoOptions.BettermodeRedirectParameterName)
            {
                redirect ??= value;
            }
        }

        return token is null
            ? new SsoLink(null, redirect, "the link has no jwt query parameter")
            : new SsoLink(token, redirect, null);
    }

    /// <summary>Query-string decoding as Node's querystring does it: '+' is a space.</summary>
    private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
