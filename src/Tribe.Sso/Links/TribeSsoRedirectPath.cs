using System;
using System.Text;

namespace Tribe.Sso;

/// <summary>
/// The rules of a redirect target: the page of the community to open after signing in. It must be a path on the
/// community, so that no link can send a user elsewhere (an open redirect); see docs/protocol.md#redirect-targets.
/// </summary>
/// <remarks>
/// <see cref="TribeSsoIssuer.CreateLoginUrl"/> applies these rules to its <c>redirectPath</c>. Use them directly to
/// check a target before you store or forward it, for example a <c>?redirect=</c> parameter of your own endpoint.
/// </remarks>
public static class TribeSsoRedirectPath
{
    internal const int MaxLength = 2048;
    private const int MaxDecodingRounds = 3;
    private static readonly string[] DangerousSchemes = { "javascript:", "data:", "vbscript:", "file:" };
    private static readonly char[] QueryOrFragmentStart = { '?', '#' };

    /// <summary>Says why <paramref name="path"/> is not a safe path on the community, or nothing when it is.</summary>
    /// <param name="path">The redirect target, such as <c>/answers</c> or <c>/search?q=sso</c>.</param>
    /// <returns>Null when the path is acceptable; otherwise the reason, such as <c>starts with '//', which browsers read as another host</c>. The reason never repeats the path.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    public static string? FindProblem(string path)
    {
        Guard.NotNull(path, nameof(path));
        if (path.Length == 0)
        {
            return "is empty; pass null to let the community choose (its home page)";
        }

        if (path.Length > MaxLength)
        {
            return "is longer than 2048 characters";
        }

        if (path[0] != '/')
        {
            // Decoding never touches this first character, so it is checked once, in the text as given.
            return "does not start with '/'; only a path on the community is accepted, such as /answers";
        }

        var current = path;
        for (var round = 0; round <= MaxDecodingRounds; round++)
        {
            var problem = FindProblemInDecodedForm(current, encoded: round > 0);
            if (problem is not null)
            {
                return problem;
            }

            var decoded = PercentDecode(current, out var malformed);
            if (malformed)
            {
                // In the text as given, a stray '%' is an error; once decoded, it is a literal '%' (from %25): done.
                return round == 0 ? "has a '%' that is not followed by two hexadecimal digits (write %25 for a literal '%')" : null;
            }

            if (decoded == current)
            {
                return null;
            }

            current = decoded;
        }

        return "is percent-encoded more than three times over";
    }

    /// <summary>Throws unless <paramref name="path"/> is a safe path on the community.</summary>
    /// <param name="path">The redirect target.</param>
    /// <returns><paramref name="path"/>, unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is null.</exception>
    /// <exception cref="TribeSsoRedirectException">The path could lead off the community or break the link; the message says why and how to fix it.</exception>
    public static string Validate(string path) => FindProblem(path) is { } problem
        ? throw new TribeSsoRedirectException("The redirect target " + problem + ". Pass a path on the community that starts with a single '/', such as /answers or /search?q=sso.")
        : path;

    private static string? FindProblemInDecodedForm(string value, bool encoded)
    {
        var how = encoded ? " (percent-encoded)" : string.Empty;
        if (value.Length > 1 && (value[1] == '/' || value[1] == '\\'))
        {
            return "starts with '" + value.Substring(0, 2) + "'" + how + ", which browsers read as another host";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\')
            {
                return "contains a backslash" + how + ", which browsers may read as '/'";
            }

            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return TextRules.Invariant($"contains whitespace or a control character (U+{(int)c:X4}){how}");
            }

            if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
            {
                return "contains an unpaired UTF-16 surrogate" + how;
            }

            if (TextRules.IsInvisibleOrBidi(value, i, out var codePoint))
            {
                return TextRules.Invariant($"contains an invisible or direction-changing character (U+{codePoint:X4}){how}, which makes one page look like another");
            }

            if (codePoint > 0xFFFF)
            {
                i++;
            }
        }

        var pathEnd = value.IndexOfAny(QueryOrFragmentStart);
        var pathLength = pathEnd == -1 ? value.Length : pathEnd;
        if (HasDotSegment(value, pathLength))
        {
            // Browsers remove them before the request: /a/..//evil.example becomes //evil.example, another host.
            return "has a '.' or '..' segment" + how + ", which browsers resolve and could turn into another host";
        }

        if (value.IndexOf(':', 0, pathLength) != -1)
        {
            return "has a ':' in its path" + how + ", which can make it read as a scheme such as https: or javascript:";
        }

        foreach (var scheme in DangerousSchemes)
        {
            if (value.Contains(scheme, StringComparison.OrdinalIgnoreCase))
            {
                return "contains the scheme '" + scheme + "'" + how;
            }
        }

        return null;
    }

    /// <summary>Whether the path part <c>value[0..end)</c> has a segment that is exactly <c>.</c> or <c>..</c> (<c>/a.b</c> and <c>/..foo</c> have none).</summary>
    private static bool HasDotSegment(string value, int end)
    {
        var start = 1;
        for (var i = 1; i <= end; i++)
        {
            if (i == end || value[i] == '/')
            {
                var length = i - start;
                if ((length == 1 && value[start] == '.') || (length == 2 && value[start] == '.' && value[start + 1] == '.'))
                {
                    return true;
                }

                start = i + 1;
            }
        }

        return false;
    }

    private static string PercentDecode(string value, out bool malformed)
    {
        malformed = false;
        if (!value.Contains('%'))
        {
            return value;
        }

        // The text between escapes is encoded run by run, so a surrogate pair always reaches the encoder whole.
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(value.Length)];
        var count = 0;
        var runStart = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '%')
            {
                continue;
            }

            if (i + 2 >= value.Length || HexValue(value[i + 1]) < 0 || HexValue(value[i + 2]) < 0)
            {
                malformed = true;
                return value;
            }

            count += Encoding.UTF8.GetBytes(value, runStart, i - runStart, bytes, count);
            bytes[count++] = (byte)((HexValue(value[i + 1]) << 4) | HexValue(value[i + 2]));
            i += 2;
            runStart = i + 1;
        }

        count += Encoding.UTF8.GetBytes(value, runStart, value.Length - runStart, bytes, count);

        // Invalid UTF-8 becomes U+FFFD, which is neither whitespace nor control; the raw bytes were checked as '%XX' already.
        return Encoding.UTF8.GetString(bytes, 0, count);
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
