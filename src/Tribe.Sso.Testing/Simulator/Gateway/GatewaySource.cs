using System.Globalization;
using System.Text;

namespace Tribe.Sso.Testing;

/// <summary>
/// Brings a query's string literals to what the parser reads, as graphql-js 16 (the October 2021 specification) reads
/// them: a control character other than a line break inside a string stands for itself, and a braced escape such as
/// <c>\u{1F600}</c> names a code point; both are rewritten as the <c>\uXXXX</c> escapes the parser knows. A braced
/// escape that names no Unicode scalar value is refused in graphql-js's words, showing what graphql-js read of it. Block strings stay as they are; comments
/// become spaces. A rewritten escape can shift the columns of what follows it on its line by a few characters.
/// </summary>
internal static class GatewaySource
{
    private static readonly char[] LineBreaks = { '\n', '\r' };

    /// <returns>The query to parse, or null with <paramref name="error"/> (its message and the offset it is at).</returns>
    public static string? Normalize(string query, out (string Message, int Offset) error)
    {
        error = default;
        if (query.IndexOf('"') < 0 && query.IndexOf('#') < 0)
        {
            return query;
        }

        var text = new StringBuilder(query.Length + 16);
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            if (c == '#')
            {
                var end = query.IndexOfAny(LineBreaks, i);
                end = end < 0 ? query.Length : end;
                text.Append(' ', end - i); // the parser ignores comments, yet trips on an escape in one: blanked, offsets kept
                i = end;
            }
            else if (c == '"' && string.CompareOrdinal(query, i, "\"\"\"", 0, 3) == 0)
            {
                var end = BlockStringEnd(query, i + 3);
                text.Append(query, i, end - i);
                i = end;
            }
            else if (c == '"')
            {
                text.Append(c);
                i = String(query, i + 1, text, out error);
                if (error.Message is not null)
                {
                    return null;
                }
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return text.ToString();
    }

    /// <summary>Copies a string's body and its closing quote; gives the offset after it.</summary>
    private static int String(string query, int i, StringBuilder text, out (string Message, int Offset) error)
    {
        error = default;
        while (i < query.Length && query[i] is not ('"' or '\n' or '\r'))
        {
            var c = query[i];
            if (c == '\\' && i + 2 < query.Length && query[i + 1] == 'u' && query[i + 2] == '{')
            {
                var size = BracedEscape(query, i, out var point);
                if (point < 0)
                {
                    var shown = query.Substring(i, System.Math.Min(size, query.Length - i));
                    error = ("Invalid Unicode escape sequence: \"" + shown + "\".", i);
                    return i;
                }

                foreach (var unit in char.ConvertFromUtf32(point))
                {
                    text.Append("\\u").Append(((int)unit).ToString("X4", CultureInfo.InvariantCulture));
                }

                i += size;
            }
            else if (c == '\\' && i + 1 < query.Length)
            {
                text.Append(c).Append(query[i + 1]);
                i += 2;
            }
            else
            {
                _ = c < ' ' && c != '\t' ? text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)) : text.Append(c);
                i++;
            }
        }

        if (i < query.Length && query[i] == '"')
        {
            text.Append('"');
            i++;
        }

        return i;
    }

    /// <summary>
    /// Reads a braced escape at <paramref name="i"/> as graphql-js 16 does, character by character: at most 12 characters,
    /// at least one hex digit, the value kept in 32 signed bits (so <c>\\u{80000000}</c> overflows and is refused), and a
    /// Unicode scalar value at the closing brace. Gives how many characters it read (what a refusal shows) and the code
    /// point, or -1 for it when the escape is refused.
    /// </summary>
    private static int BracedEscape(string query, int i, out int point)
    {
        point = 0;
        var size = 3;
        while (size < 12)
        {
            var code = i + size < query.Length ? query[i + size] : -1;
            size++;
            if (code == '}')
            {
                if (size >= 5 && point is <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
                {
                    return size;
                }

                break;
            }

            point = (point << 4) | HexDigit(code);
            if (point < 0)
            {
                break;
            }
        }

        point = -1;
        return size;
    }

    private static int HexDigit(int code) => code switch
    {
        >= '0' and <= '9' => code - '0',
        >= 'A' and <= 'F' => code - 'A' + 10,
        >= 'a' and <= 'f' => code - 'a' + 10,
        _ => -1,
    };

    /// <summary>The offset after a block string's closing <c>"""</c> (an escaped <c>\"""</c> does not close it), or the end.</summary>
    private static int BlockStringEnd(string query, int i)
    {
        while (i < query.Length)
        {
            if (query[i] == '\\' && string.CompareOrdinal(query, i + 1, "\"\"\"", 0, 3) == 0)
            {
                i += 4;
            }
            else if (string.CompareOrdinal(query, i, "\"\"\"", 0, 3) == 0)
            {
                return i + 3;
            }
            else
            {
                i++;
            }
        }

        return i;
    }
}
