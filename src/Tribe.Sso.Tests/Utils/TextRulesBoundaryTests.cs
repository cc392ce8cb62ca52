using System;
using System.Globalization;

namespace Tribe.Sso.Tests.Utils;

/// <summary>
/// The ends of every range of invisible and direction-changing characters that identifiers refuse: the first and last
/// code point of each range is refused, the neighbours just outside it are not. The ranges are written out, rather than
/// left to the runtime's Unicode tables, so that older tables (.NET Framework) give the same answer.
/// </summary>
public class TextRulesBoundaryTests
{
    [TestCase(0x00AD, TestName = "U+00AD soft hyphen")]
    [TestCase(0x034F, TestName = "U+034F combining grapheme joiner")]
    [TestCase(0x061C, TestName = "U+061C Arabic letter mark")]
    [TestCase(0x115F, TestName = "U+115F Hangul choseong filler")]
    [TestCase(0x1160, TestName = "U+1160 Hangul jungseong filler")]
    [TestCase(0x17B4, TestName = "U+17B4 Khmer vowel inherent AQ")]
    [TestCase(0x17B5, TestName = "U+17B5 Khmer vowel inherent AA")]
    [TestCase(0x180B, TestName = "U+180B first Mongolian free variation selector")]
    [TestCase(0x180E, TestName = "U+180E Mongolian vowel separator")]
    [TestCase(0x180F, TestName = "U+180F last Mongolian free variation selector")]
    [TestCase(0x200B, TestName = "U+200B zero width space, first of U+200B-U+200F")]
    [TestCase(0x200F, TestName = "U+200F right-to-left mark, last of U+200B-U+200F")]
    [TestCase(0x202A, TestName = "U+202A left-to-right embedding, first of U+202A-U+202E")]
    [TestCase(0x202E, TestName = "U+202E right-to-left override, last of U+202A-U+202E")]
    [TestCase(0x2060, TestName = "U+2060 word joiner, first of U+2060-U+206F")]
    [TestCase(0x2065, TestName = "U+2065 unassigned, inside U+2060-U+206F")]
    [TestCase(0x206F, TestName = "U+206F nominal digit shapes, last of U+2060-U+206F")]
    [TestCase(0x2800, TestName = "U+2800 Braille pattern blank")]
    [TestCase(0x3164, TestName = "U+3164 Hangul filler")]
    [TestCase(0xFE00, TestName = "U+FE00 variation selector 1, first of U+FE00-U+FE0F")]
    [TestCase(0xFE0F, TestName = "U+FE0F variation selector 16, last of U+FE00-U+FE0F")]
    [TestCase(0xFEFF, TestName = "U+FEFF zero width no-break space")]
    [TestCase(0xFFA0, TestName = "U+FFA0 halfwidth Hangul filler")]
    [TestCase(0xFFF9, TestName = "U+FFF9 interlinear annotation anchor, first of U+FFF9-U+FFFB")]
    [TestCase(0xFFFB, TestName = "U+FFFB interlinear annotation terminator, last of U+FFF9-U+FFFB")]
    [TestCase(0x1D173, TestName = "U+1D173 musical symbol begin beam, first of U+1D173-U+1D17A")]
    [TestCase(0x1D17A, TestName = "U+1D17A musical symbol end phrase, last of U+1D173-U+1D17A")]
    [TestCase(0xE0000, TestName = "U+E0000 first of the tag and variation selector plane block U+E0000-U+E0FFF")]
    [TestCase(0xE0041, TestName = "U+E0041 tag latin capital letter A")]
    [TestCase(0xE0100, TestName = "U+E0100 variation selector 17")]
    [TestCase(0xE0FFF, TestName = "U+E0FFF last of U+E0000-U+E0FFF")]
    public void IsInvisibleOrBidi_TheEndsOfEachRefusedRange_AreRefused(int codePoint)
    {
        var text = "a" + char.ConvertFromUtf32(codePoint) + "b";

        TextRules.IsInvisibleOrBidi(text, 1, out var found).Should().BeTrue();

        found.Should().Be(codePoint);
        TextRules.FindInvisibleCharacter(text).Should().Be(InvisibleAt(codePoint, 1));
    }

    [TestCase(0x00AC)]
    [TestCase(0x00AE)]
    [TestCase(0x034E)]
    [TestCase(0x0350)]
    [TestCase(0x061B)]
    [TestCase(0x061D)]
    [TestCase(0x115E)]
    [TestCase(0x1161)]
    [TestCase(0x17B3)]
    [TestCase(0x17B6)]
    [TestCase(0x180A)]
    [TestCase(0x1810)]
    [TestCase(0x200A)]
    [TestCase(0x2010)]
    [TestCase(0x2029)]
    [TestCase(0x202F)]
    [TestCase(0x205F)]
    [TestCase(0x2070)]
    [TestCase(0x27FF)]
    [TestCase(0x2801)]
    [TestCase(0x3163)]
    [TestCase(0x3165)]
    [TestCase(0xFDFF)]
    [TestCase(0xFE10)]
    [TestCase(0xFEFE)]
    [TestCase(0xFF9F)]
    [TestCase(0xFFA1)]
    [TestCase(0xFFF8)]
    [TestCase(0xFFFC)]
    [TestCase(0x1D172)]
    [TestCase(0x1D17B)]
    [TestCase(0xDFFFF)]
    [TestCase(0xE1000)]
    public void IsInvisibleOrBidi_TheNeighboursJustOutsideEachRange_AreAllowed(int codePoint)
    {
        var text = "a" + char.ConvertFromUtf32(codePoint) + "b";

        TextRules.IsInvisibleOrBidi(text, 1, out var found).Should().BeFalse(InvariantCode(codePoint) + " is visible or outside the refused ranges");

        found.Should().Be(codePoint);
        TextRules.FindInvisibleCharacter(text).Should().BeNull();
    }

    [Test]
    public void IsInvisibleOrBidi_AHighSurrogateAtTheEnd_IsReadAsItself()
    {
        TextRules.IsInvisibleOrBidi("a\uDB40", 1, out var found).Should().BeFalse();

        found.Should().Be(0xDB40, "there is no low surrogate after it to pair with");
    }

    [Test]
    public void IsInvisibleOrBidi_AHighSurrogateBeforeANonSurrogate_IsReadAsItself()
    {
        TextRules.IsInvisibleOrBidi("\uDB40a", 0, out var found).Should().BeFalse();

        found.Should().Be(0xDB40);
    }

    [Test]
    public void FindInvisibleCharacter_AfterAPair_ReadsTheNextCharacterAndCountsIndexesInUtf16()
    {
        TextRules.FindInvisibleCharacter("\U0001F600\u200B").Should().Be(InvisibleAt(0x200B, 2));
    }

    [Test]
    public void FindInvisibleCharacter_AfterTheLastBmpCodePoint_ReadsTheNextCharacter()
    {
        TextRules.FindInvisibleCharacter("\uFFFF\u200B").Should().Be(InvisibleAt(0x200B, 1), "U+FFFF is one UTF-16 unit, so nothing is skipped after it");
    }

    [Test]
    public void FindInvisibleCharacter_ATagCharacterAfterAnEmoji_IsFoundAtItsUtf16Index()
    {
        TextRules.FindInvisibleCharacter("x\U0001F600\U000E0041").Should().Be(InvisibleAt(0xE0041, 3));
    }

    // Attribute metadata cannot hold a lone surrogate, so each is written as <XXXX> and made at run time.
    [TestCase("ab<D800>", 2, TestName = "a high surrogate at the end")]
    [TestCase("<D800>", 0, TestName = "a high surrogate alone")]
    [TestCase("<D800>b", 0, TestName = "a high surrogate before a letter")]
    [TestCase("<D800><D800><DC00>", 0, TestName = "a high surrogate before a pair")]
    [TestCase("a<DC00>", 1, TestName = "a low surrogate alone")]
    [TestCase("<D83D><DE00><DC00>", 2, TestName = "a low surrogate after a pair")]
    public void FindForbiddenCharacter_AnUnpairedSurrogate_IsNamedWithItsIndex(string text, int index)
    {
        TextRules.FindForbiddenCharacter(CodeUnits(text), allowLineBreaks: true).Should().Be(
            $"an unpaired UTF-16 surrogate at index {index}; it would be signed as U+FFFD instead of the text you passed. Fix the string's encoding where it is produced");
    }

    [TestCase("\U0001F600")]
    [TestCase("a\U0001F469\u200D\U0001F4BBb")]
    [TestCase("\U000E0041")]
    public void FindForbiddenCharacter_SurrogatePairs_AreAllowed(string text)
    {
        TextRules.FindForbiddenCharacter(text, allowLineBreaks: false).Should().BeNull();
    }

    [TestCase('\n', true, null)]
    [TestCase('\r', true, null)]
    [TestCase('\t', true, null)]
    [TestCase('\n', false, "U+000A")]
    [TestCase('\r', false, "U+000D")]
    [TestCase('\t', false, "U+0009")]
    [TestCase('\u000B', true, "U+000B")]
    [TestCase('\u000C', true, "U+000C")]
    [TestCase('\u0000', true, "U+0000")]
    [TestCase('\u001F', true, "U+001F")]
    [TestCase('\u007F', true, "U+007F")]
    [TestCase('\u0085', true, "U+0085")]
    [TestCase('\u009F', true, "U+009F")]
    [TestCase('\u2028', true, "U+2028")]
    [TestCase('\u2029', true, "U+2029")]
    [TestCase('\u2028', false, "U+2028")]
    [TestCase(' ', false, null)]
    [TestCase('\u00A0', false, null)]
    [TestCase('\u2027', false, null)]
    [TestCase('\u202A', false, null)]
    public void FindForbiddenCharacter_ControlCharacters_AreRefusedExceptAllowedLineBreaks(char c, bool allowLineBreaks, string? codePoint)
    {
        var problem = TextRules.FindForbiddenCharacter("ab" + c, allowLineBreaks);

        problem.Should().Be(codePoint is null ? null : $"a control character ({codePoint}) at index 2. Remove control characters such as tabs, line breaks and NUL before signing");
    }

    [TestCase(0x202A, true)]
    [TestCase(0x202B, true)]
    [TestCase(0x202E, true)]
    [TestCase(0x2066, true)]
    [TestCase(0x2069, true)]
    [TestCase(0x2029, false)]
    [TestCase(0x202F, false)]
    [TestCase(0x2065, false)]
    [TestCase(0x206A, false)]
    [TestCase(0x200F, false)]
    [TestCase(0x200D, false)]
    public void IsBidiControl_TheEmbeddingOverrideAndIsolateRanges_AndTheirNeighbours(int c, bool isControl)
    {
        TextRules.IsBidiControl(c).Should().Be(isControl);
        TextRules.FindBidiControl("ab" + (char)c).Should().Be(isControl
            ? $"a bidi control character ({InvariantCode(c)}) at index 2; it makes the text around it read in another order. Remove embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069)"
            : null);
    }

    [TestCase('a', true, false)]
    [TestCase('z', true, false)]
    [TestCase('A', true, false)]
    [TestCase('Z', true, false)]
    [TestCase('0', false, true)]
    [TestCase('9', false, true)]
    [TestCase('@', false, false)]
    [TestCase('[', false, false)]
    [TestCase('`', false, false)]
    [TestCase('{', false, false)]
    [TestCase('/', false, false)]
    [TestCase(':', false, false)]
    [TestCase('\u00E9', false, false)]
    [TestCase('\u0660', false, false)]
    public void IsAsciiLetterAndIsAsciiDigit_OnlyTheAsciiRanges(char c, bool letter, bool digit)
    {
        TextRules.IsAsciiLetter(c).Should().Be(letter);
        TextRules.IsAsciiDigit(c).Should().Be(digit);
        TextRules.IsAsciiLetterOrDigit(c).Should().Be(letter || digit);
    }

    private static string CodeUnits(string text) => System.Text.RegularExpressions.Regex.Replace(
        text, "<([0-9A-F]{4})>", m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());

    private static string InvisibleAt(int codePoint, int index)
        => $"an invisible or direction-changing character ({InvariantCode(codePoint)}) at index {index}; it makes one value look like another. Remove it";

    private static string InvariantCode(int codePoint) => "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);
}
