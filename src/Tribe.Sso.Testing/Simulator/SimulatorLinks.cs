using System;
using System.Globalization;
using System.Text;

namespace Tribe.Sso.Testing;

/// <summary>
/// What the simulator writes into links and Location headers: the partner's URLs in ASCII (a Location header carries
/// nothing else), the page to return to, and the page itself with any token masked.
/// </summary>
internal static class SimulatorLinks
{
    /// <summary>What a masked token value reads as, percent-encoded: <c>…</c>.</summary>
    private const string Mask = "%E2%80%A6";

    private static readonly string[] TokenParameterNames = { "jwt", "token", "ssoToken" };

    /// <summary>
    /// A partner URL as ASCII: the host in punycode (<c>bücher.example</c> → <c>xn--bcher-kva.example</c>) and the path
    /// and query percent-encoded. <see cref="Uri.AbsoluteUri"/> keeps a Unicode host, which Kestrel refuses in a header.
    /// </summary>
    public static string Ascii(Uri url)
    {
        var host = url.HostNameType == UriHostNameType.IPv6 ? url.Host : url.IdnHost;
        var port = url.IsDefaultPort ? string.Empty : ":" + url.Port.ToString(CultureInfo.InvariantCulture);
        return EscapeNonAscii(url.Scheme + "://" + host + port + url.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped));
    }

    /// <summary>A partner URL with one more query parameter: after <c>?</c>, or after <c>&amp;</c> when it has a query already.</summary>
    public static string WithParameter(Uri url, string name, string value)
    {
        var ascii = Ascii(url);
        var separator = ascii.IndexOf('?') < 0 ? "?" : ascii.EndsWith('?') || ascii.EndsWith('&') ? string.Empty : "&";
        return ascii + separator + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
    }

    /// <summary>
    /// The request target with the value of every parameter that may carry a token (<c>jwt</c>, <c>token</c>,
    /// <c>ssoToken</c> and the configured token parameter, ignoring case) replaced by <c>…</c>: a page never echoes a
    /// token, nor forwards it to the partner as the page to return to.
    /// </summary>
    /// <param name="target">The request target, still percent-encoded, or its decoded form for display.</param>
    /// <param name="tokenParameterName">The configured token parameter name, or null.</param>
    /// <param name="mask">What replaces each token: <c>…</c> percent-encoded by default, <c>…</c> itself for display.</param>
    public static string MaskTokens(string target, string? tokenParameterName, string mask = Mask)
    {
        var masked = new StringBuilder(target.Length);
        var start = 0;
        for (var i = 0; i <= target.Length; i++)
        {
            if (i < target.Length && target[i] is not ('?' or '&' or '#' or ';'))
            {
                continue;
            }

            var equals = target.IndexOf('=', start, i - start);
            _ = start > 0 && equals >= 0 && IsTokenParameter(target.Substring(start, equals - start), tokenParameterName)
                ? masked.Append(target, start, equals + 1 - start).Append(mask)
                : masked.Append(target, start, i - start);
            _ = i < target.Length ? masked.Append(target[i]) : masked;
            start = i + 1;
        }

        return masked.ToString();
    }

    private static bool IsTokenParameter(string name, string? tokenParameterName)
    {
        var decoded = LinkFormat.DecodeComponent(name);
        foreach (var tokenName in TokenParameterNames)
        {
            if (string.Equals(decoded, tokenName, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return tokenParameterName is not null && string.Equals(decoded, tokenParameterName, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The text with every byte of its UTF-8 that is not visible ASCII (controls, space, non-ASCII) percent-encoded.</summary>
    public static string EscapeNonAscii(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            _ = b is > 0x20 and < 0x7F ? builder.Append((char)b) : builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }
}
