using System;
using System.Collections.Generic;

namespace Tribe.Sso;

/// <summary>
/// The SSO link: <c>&lt;community&gt;&lt;sso-path&gt;?jwt=&lt;token&gt;&amp;redirect=&lt;path&gt;</c>. Its parameter
/// names live here (the public constants of the packages are defined from them), the issuer writes the link with
/// <see cref="Prefix"/> and <see cref="RedirectSeparator"/>, and the reader and the simulated community read it back
/// with <see cref="ParseQuery"/>. <see cref="UrlText"/> beside it writes the URL text. Shared source; see
/// docs/protocol.md#links.
/// </summary>
internal static class LinkFormat
{
    /// <summary>The parameter that carries the token by default: <c>jwt</c> (<c>TokenParameterName</c> of the options and of the reader names another).</summary>
    public const string TokenParameter = "jwt";

    /// <summary>The parameter that carries the redirect target by default: <c>redirect</c>.</summary>
    public const string RedirectParameter = "redirect";

    /// <summary>The redirect parameter of Bettermode's newer link shape: <c>redirect_uri</c>.</summary>
    public const string RedirectUriParameter = "redirect_uri";

    /// <summary>The redirect parameters a community accepts: <c>redirect</c> (the default) and <c>redirect_uri</c> (the newer shape).</summary>
    public static readonly string[] RedirectParameters = { RedirectParameter, RedirectUriParameter };

    /// <summary>The link up to the token: <c>https://community.example.com/auth/sso?jwt=</c>. Both names must be tokens (<see cref="UrlText.IsToken"/>).</summary>
    public static string Prefix(string communityBase, string ssoPath, string tokenParameter) => communityBase + ssoPath + "?" + tokenParameter + "=";

    /// <summary>What comes between the token and the encoded redirect target: <c>&amp;redirect=</c>.</summary>
    public static string RedirectSeparator(string redirectParameter) => "&" + redirectParameter + "=";

    /// <summary>
    /// Splits a query string (with or without its leading '?') into decoded name/value pairs, in order and with repeats,
    /// the way Node's querystring and ASP.NET Core decode it: '+' is a space, <c>%XX</c> is a UTF-8 byte, and a '%'
    /// that starts no valid escape stays as it is. Never throws.
    /// </summary>
    public static List<KeyValuePair<string, string>> ParseQuery(string query)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var start = query.Length > 0 && query[0] == '?' ? 1 : 0;
        while (start < query.Length)
        {
            var end = query.IndexOf('&', start);
            end = end < 0 ? query.Length : end;
            if (end > start)
            {
                var pair = query.Substring(start, end - start);
                var equals = pair.IndexOf('=');
                pairs.Add(equals < 0
                    ? new(DecodeComponent(pair), string.Empty)
                    : new(DecodeComponent(pair.Substring(0, equals)), DecodeComponent(pair.Substring(equals + 1))));
            }

            start = end + 1;
        }

        return pairs;
    }

    /// <summary>One name or value of a query string, decoded as <see cref="ParseQuery"/> decodes it.</summary>
    public static string DecodeComponent(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));
}
