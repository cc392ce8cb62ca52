using System;
using System.Buffers;
using System.Globalization;
using System.Text;

namespace Tribe.Sso;

/// <summary>
/// Writes the URL text the product sends: a community's ASCII address, percent-encoded query values, a parameter
/// appended to a local path, and <c>Location</c> values that carry only ASCII; and reads URL text back into its path,
/// query and fragment. <see cref="LinkFormat"/> beside it names the link's parameters and reads a query's parameters. Shared source (src/Shared/README.md): every package writes
/// URLs with this one type, so none chooses between <c>?</c> and <c>&amp;</c> or percent-encodes by hand.
/// </summary>
internal static class UrlText
{
    /// <summary>The longest parameter name <see cref="IsToken"/> accepts.</summary>
    public const int MaxTokenLength = 64;

    private const string Hex = "0123456789ABCDEF";

    private static readonly char[] QueryOrFragment = { '?', '#' };

    /// <summary>
    /// <c>scheme://host[:port]</c> in ASCII: an internationalised host in punycode (<c>bücher.example</c> gives
    /// <c>xn--bcher-kva.example</c>); an IP address as <see cref="Uri.Host"/> writes it.
    /// </summary>
    public static string Origin(Uri url)
    {
        var host = url.HostNameType == UriHostNameType.Dns ? url.IdnHost : url.Host;
        var port = url.IsDefaultPort ? string.Empty : ":" + url.Port.ToString(CultureInfo.InvariantCulture);
        return url.Scheme + "://" + host + port;
    }

    /// <summary>
    /// A community's base address without a trailing slash, such as <c>https://example.com/community</c>: the
    /// <see cref="Origin"/> and the percent-encoded base path, because a link travels in a <c>Location</c> header.
    /// </summary>
    public static string CommunityBase(Uri communityUrl) => Origin(communityUrl) + communityUrl.AbsolutePath.TrimEnd('/');

    /// <summary>An absolute URL in ASCII: <see cref="Origin"/>, then the path and query percent-encoded (<see cref="AsciiLocation"/>).</summary>
    public static string AsciiUrl(Uri url) => AsciiLocation(Origin(url) + url.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped));

    /// <summary>
    /// The text with every UTF-8 byte that is not visible ASCII (controls, space, non-ASCII) percent-encoded, so it can
    /// be a <c>Location</c> header: <c>/caf&#233;</c> gives <c>/caf%C3%A9</c>. A <c>%XX</c> already there stays as it is.
    /// </summary>
    public static string AsciiLocation(string text)
    {
        var plain = true;
        foreach (var c in text)
        {
            plain &= c is > ' ' and < '\x7F';
        }

        if (plain)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            _ = b is > 0x20 and < 0x7F ? builder.Append((char)b) : AppendEscaped(builder, b);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Percent-encodes the UTF-8 of a query value: only unreserved characters (letters, digits, <c>-._~</c>) stay as
    /// they are, and <c>/</c> too when <paramref name="keepSlash"/> (as a redirect target is written). So <c>?</c>,
    /// <c>&amp;</c>, <c>#</c> and <c>%</c> in the value cannot break the outer URL.
    /// </summary>
    public static string EscapeValue(string value, bool keepSlash = false)
    {
        var builder = new StringBuilder(value.Length * 3);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            _ = IsUnescaped(b, keepSlash) ? builder.Append((char)b) : AppendEscaped(builder, b);
        }

        return builder.ToString();
    }

    /// <summary>The most bytes <see cref="WriteEscapedValue"/> can write for <paramref name="value"/>.</summary>
    public static int GetMaxEscapedLength(string value) => Encoding.UTF8.GetMaxByteCount(value.Length) * 3;

    /// <summary>Writes <see cref="EscapeValue"/> of <paramref name="value"/> as ASCII bytes into <paramref name="destination"/>; returns the number written.</summary>
    public static int WriteEscapedValue(string value, bool keepSlash, Span<byte> destination)
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(value.Length));
        try
        {
            var count = Encoding.UTF8.GetBytes(value, 0, value.Length, utf8, 0);
            var written = 0;
            for (var i = 0; i < count; i++)
            {
                written += WriteEscaped(utf8[i], keepSlash, destination.Slice(written));
            }

            return written;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    /// <summary>
    /// <paramref name="url"/> with <c>name=escapedValue</c> added to its query: after <c>?</c>, or <c>&amp;</c> when it
    /// has a query already (nothing when it ends in <c>?</c> or <c>&amp;</c>), and before its fragment, so
    /// <c>/register#top</c> gives <c>/register?name=value#top</c>. The name must be a <see cref="IsToken">token</see>
    /// and the value already escaped (<see cref="EscapeValue"/>).
    /// </summary>
    public static string WithQueryParameter(string url, string name, string escapedValue)
    {
        var hash = url.IndexOf('#');
        var beforeFragment = hash < 0 ? url : url.Substring(0, hash);
        var fragment = hash < 0 ? string.Empty : url.Substring(hash);
        var separator = beforeFragment.IndexOf('?') < 0 ? "?"
            : beforeFragment[beforeFragment.Length - 1] is '?' or '&' ? string.Empty
            : "&";
        return beforeFragment + separator + name + "=" + escapedValue + fragment;
    }

    /// <summary>
    /// <paramref name="url"/> without the query parameters named <paramref name="name"/> (compared after decoding), the
    /// rest of the query and the fragment as they were: <c>/a?redirect=/x&amp;q=1#top</c> without <c>redirect</c> gives
    /// <c>/a?q=1#top</c>.
    /// </summary>
    public static string WithoutQueryParameter(string url, string name)
    {
        var fragmentStart = url.IndexOf('#');
        var queryEnd = fragmentStart < 0 ? url.Length : fragmentStart;
        var queryStart = url.IndexOf('?', 0, queryEnd);
        if (queryStart < 0)
        {
            return url;
        }

        var kept = new StringBuilder(url.Length);
        var first = true;
        foreach (var parameter in url.Substring(queryStart + 1, queryEnd - queryStart - 1).Split('&'))
        {
            var equals = parameter.IndexOf('=');
            if (LinkFormat.DecodeComponent(equals < 0 ? parameter : parameter.Substring(0, equals)) != name)
            {
                _ = first ? kept : kept.Append('&');
                kept.Append(parameter);
                first = false;
            }
        }

        return url.Substring(0, queryStart + 1) + kept + url.Substring(queryEnd);
    }

    /// <summary>The path of URL text: everything before its query (<c>?</c>) or fragment (<c>#</c>), whichever comes first.</summary>
    public static string PathOf(string url)
    {
        var end = url.IndexOfAny(QueryOrFragment);
        return end < 0 ? url : url.Substring(0, end);
    }

    /// <summary>
    /// The query of URL text without its <c>?</c>, up to the fragment; null when it has none. A <c>?</c> after the first
    /// <c>#</c> belongs to the fragment, which a browser never sends: <c>/a#b?c=1</c> has no query. Read its parameters
    /// with <see cref="LinkFormat.ParseQuery"/>.
    /// </summary>
    public static string? QueryOf(string url)
    {
        var start = url.IndexOfAny(QueryOrFragment);
        if (start < 0 || url[start] == '#')
        {
            return null;
        }

        var end = url.IndexOf('#', start);
        return end < 0 ? url.Substring(start + 1) : url.Substring(start + 1, end - start - 1);
    }

    /// <summary>The fragment of URL text without its <c>#</c>; null when it has none.</summary>
    public static string? FragmentOf(string url)
    {
        var hash = url.IndexOf('#');
        return hash < 0 ? null : url.Substring(hash + 1);
    }

    /// <summary>
    /// Whether <paramref name="name"/> is a plain query-parameter name, written as it is: 1 to 64 ASCII letters, digits,
    /// <c>_</c>, <c>-</c> and <c>.</c> (no <c>&amp;</c>, <c>=</c>, space, line break or non-ASCII character).
    /// </summary>
    public static bool IsToken(string? name)
    {
        if (name is null || name.Length == 0 || name.Length > MaxTokenLength)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsUnescaped(byte b, bool keepSlash)
        => b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9')
            or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~'
            || (keepSlash && b == (byte)'/');

    private static int WriteEscaped(byte b, bool keepSlash, Span<byte> destination)
    {
        if (IsUnescaped(b, keepSlash))
        {
            destination[0] = b;
            return 1;
        }

        destination[0] = (byte)'%';
        destination[1] = (byte)Hex[b >> 4];
        destination[2] = (byte)Hex[b & 0xF];
        return 3;
    }

    private static StringBuilder AppendEscaped(StringBuilder builder, byte b) => builder.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
}
