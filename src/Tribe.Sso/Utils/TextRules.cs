using System;
using System.Globalization;

namespace Tribe.Sso;

/// <summary>Character-level rules shared by claims, options and redirect targets.</summary>
internal static class TextRules
{
    /// <summary>
    /// Finds the first character a claim may not hold: a lone UTF-16 surrogate (System.Text.Json would silently
    /// sign U+FFFD instead), or a control character. The line and paragraph separators U+2028 and U+2029 always count
    /// as control characters; <paramref name="allowLineBreaks"/> admits CR, LF and TAB only.
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

    /// <summary>
    /// Finds the first character an identifier (<c>sub</c>, <c>email</c>, a group id, a redirect target) may not hold
    /// because it is invisible or changes the direction of the text around it: <see cref="IsInvisibleOrBidi"/>.
    /// </summary>
    /// <returns>A description naming the code point and its position, or null when the text is clean.</returns>
    public static string? FindInvisibleCharacter(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (IsInvisibleOrBidi(value, i, out var codePoint))
            {
                return Invariant($"an invisible or direction-changing character ({CodePoint(codePoint)}) at index {i}; it makes one value look like another. Remove it");
            }

            if (codePoint > 0xFFFF)
            {
                i++;
            }
        }

        return null;
    }

    /// <summary>
    /// Finds the first bidi embedding, override or isolate control (<see cref="IsBidiControl"/>), which display text may
    /// not hold: it makes the text, and what the community shows after it, read in another order.
    /// </summary>
    /// <returns>A description naming the code point and its position, or null when the text is clean.</returns>
    public static string? FindBidiControl(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (IsBidiControl(value[i]))
            {
                return Invariant($"a bidi control character ({CodePoint(value[i])}) at index {i}; it makes the text around it read in another order. Remove embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069)");
            }
        }

        return null;
    }

    /// <summary>The bidi embedding, override and isolate controls: U+202A–U+202E and U+2066–U+2069.</summary>
    public static bool IsBidiControl(int c) => c is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    /// <summary>
    /// Whether the character at <paramref name="index"/> (a whole surrogate pair when there is one) is invisible or
    /// changes the direction of text: every format character (Unicode category Cf: U+00AD, U+061C, U+180E, U+200B–U+200F,
    /// U+202A–U+202E, U+2060–U+206F, U+FEFF, the tag characters, ...), and the characters that render as nothing although
    /// they are letters or marks (Hangul fillers, U+034F, variation selectors, U+2800). The explicit ranges keep the
    /// answer the same on runtimes with older Unicode tables (.NET Framework).
    /// </summary>
    public static bool IsInvisibleOrBidi(string value, int index, out int codePoint)
    {
        var c = value[index];
        codePoint = char.IsHighSurrogate(c) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1])
            ? char.ConvertToUtf32(c, value[index + 1])
            : c;
        return IsListedInvisible(codePoint) || CharUnicodeInfo.GetUnicodeCategory(value, index) == UnicodeCategory.Format;
    }

    /// <summary>
    /// The invisible and direction-changing code points written out: the whole answer of <see cref="IsInvisibleOrBidi"/>
    /// on a runtime whose Unicode tables do not know a character is a format character.
    /// </summary>
    internal static bool IsListedInvisible(int codePoint)
        => codePoint is 0x00AD or 0x034F or 0x061C or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x2800 or 0x3164 or 0xFEFF or 0xFFA0
            or (>= 0x180B and <= 0x180F) or (>= 0x200B and <= 0x200F) or (>= 0x202A and <= 0x202E) or (>= 0x2060 and <= 0x206F)
            or (>= 0xFE00 and <= 0xFE0F) or (>= 0xFFF9 and <= 0xFFFB) or (>= 0x1D173 and <= 0x1D17A) or (>= 0xE0000 and <= 0xE0FFF);

    private static string CodePoint(int codePoint) => Invariant($"U+{codePoint:X4}");

    private static string UnpairedSurrogate(int index) => Invariant(
        $"an unpaired UTF-16 surrogate at index {index}; it would be signed as U+FFFD instead of the text you passed. Fix the string's encoding where it is produced");

    public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

    public static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || IsAsciiDigit(c);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
