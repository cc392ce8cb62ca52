using System;
using System.Collections.Generic;

namespace Tribe.Sso;

/// <summary>
/// The query string of an SSO link: <c>?jwt=&lt;token&gt;&amp;redirect=&lt;path&gt;</c>. The issuer writes it and the
/// reader, the simulated community and the CLI read it back with <see cref="ParseQuery"/>. Shared source; see
/// docs/protocol.md#links.
/// </summary>
internal static class LinkFormat
{
    /// <summary>The parameter that carries the token by default (<c>TokenParameterName</c> of the options and of the reader names another).</summary>
    public const string TokenParameter = TribeSsoOptions.DefaultTokenParameterName;

    /// <summary>The redirect parameters a community accepts: <c>redirect</c> (the default) and <c>redirect_uri</c> (the newer shape).</summary>
    public static readonly string[] RedirectParameters = { TribeSsoOptions.DefaultRedirectParameterName, TribeSsoOptions.BettermodeRedirectParameterName };

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
