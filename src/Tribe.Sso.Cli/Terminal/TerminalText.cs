using System.Globalization;
using System.Text;

namespace Tribe.Sso.Cli;

/// <summary>
/// Makes echoed text safe for whoever reads it in a terminal: a token's header, claims or redirect target may hold
/// <c>ESC[2J</c> (clear the screen), C1 controls, or bidi controls that reorder the line. Each such UTF-16 unit is shown
/// as <c>\uXXXX</c>, which is also its JSON escape, so the same function serves the text and the JSON output.
/// </summary>
internal static class TerminalText
{
    /// <summary>
    /// Replaces C0 and C1 controls, DEL, line and paragraph separators, format characters (bidi controls and marks,
    /// zero-width space, BOM, soft hyphen, tags; not ZWJ and ZWNJ, which emoji and many scripts need) and lone
    /// surrogates with <c>\uXXXX</c>.
    /// </summary>
    public static string Escape(string text) => Escape(text, json: false, backslash: false);

    /// <summary>
    /// <see cref="Escape(string)"/>, and a backslash shown as <c>\\</c>: for what <c>inspect</c> echoes from a token or
    /// link in its text output, where the six characters <c>\u202E</c> written in the token must not look exactly like an
    /// escaped U+202E.
    /// </summary>
    public static string EscapeEchoed(string text) => Escape(text, json: false, backslash: true);

    /// <summary>
    /// <see cref="Escape(string)"/> for the text of a JSON document: its line breaks and indentation are structure and stay;
    /// inside strings the JSON writer has already escaped every C0 control (and every backslash), so what remains raw
    /// there is escaped here.
    /// </summary>
    public static string EscapeJson(string json) => Escape(json, json: true, backslash: false);

    private static string Escape(string text, bool json, bool backslash)
    {
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (backslash && c == '\\')
            {
                (escaped ??= new StringBuilder(text.Length + 16).Append(text, 0, i)).Append(@"\\");
                continue;
            }

            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (!IsUnsafe(text, i, pair) || (json && c is '\n' or '\r' or '\t'))
            {
                escaped?.Append(c);
                if (pair)
                {
                    escaped?.Append(text[++i]);
                }

                continue;
            }

            escaped ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            escaped.Append(Unit(c));
            if (pair)
            {
                escaped.Append(Unit(text[++i]));
            }
        }

        return escaped?.ToString() ?? text;
    }

    /// <summary>The text with each lone surrogate replaced by U+FFFD, so a JSON writer can encode it.</summary>
    public static string WellFormed(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static bool IsUnsafe(string text, int i, bool pair)
    {
        var c = text[i];
        if (c < ' ' || c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029')
        {
            return true;
        }

        if (char.IsSurrogate(c) && !pair)
        {
            return true;
        }

        return c is not ('\u200C' or '\u200D') && CharUnicodeInfo.GetUnicodeCategory(text, i) == UnicodeCategory.Format;
    }

    private static string Unit(char c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
}
