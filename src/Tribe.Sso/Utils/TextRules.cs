using System;
using System.Globalization;

namespace Tribe.Sso;

/// <summary>Character-level rules shared by claims, options and redirect targets.</summary>
internal static class TextRules
{
    /// <summary>
    /// Finds the first character a claim may not hold: a lone UTF-16 surrogate (System.Text.Json would silently
    /// sign U+FFFD instead), or a control character. Line and paragraph separators count as control characters
    /// unless <paramref name="allowLineBreaks"/>, which also admits CR, LF and TAB.
    /// </summary>
    /// <returns>A description of the problem naming its position, or null when the text is clean.</returns>
    public static string? FindForbiddenCharacter(string value, bool allowLineBreaks)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    i++;
                    continue;
                }

                return UnpairedSurrogate(i);
            }

            if (char.IsLowSurrogate(c))
            {
                return UnpairedSurrogate(i);
            }

            if (allowLineBreaks && (c == '\n' || c == '\r' || c == '\t'))
            {
                continue;
            }

            if (char.IsControl(c) || c == '\u2028' || c == '\u2029')
            {
                return Invariant($"a control character (U+{(int)c:X4}) at index {i}. Remove control characters such as tabs, line breaks and NUL before signing");
            }
        }

        return null;
    }

    private static string UnpairedSurrogate(int index) => Invariant(
        $"an unpaired UTF-16 surrogate at index {index}; it would be signed as U+FFFD instead of the text you passed. Fix the string's encoding where it is produced");

    public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    public static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || IsAsciiDigit(c);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
