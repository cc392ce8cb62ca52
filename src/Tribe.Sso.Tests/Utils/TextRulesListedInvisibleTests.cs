namespace Tribe.Sso.Tests.Utils;

/// <summary>
/// The written-out table of invisible and direction-changing code points, on its own: it is the whole answer on a
/// runtime whose Unicode tables are older than the character (.NET Framework), so each range must hold its first and
/// last code point and stop at the neighbours just outside, whatever the category check of this runtime would add.
/// </summary>
public class TextRulesListedInvisibleTests
{
    [TestCase(0x180B, 0x180F, TestName = "U+180B-U+180F Mongolian free variation selectors and vowel separator")]
    [TestCase(0x200B, 0x200F, TestName = "U+200B-U+200F zero width space to right-to-left mark")]
    [TestCase(0x202A, 0x202E, TestName = "U+202A-U+202E bidi embeddings and overrides")]
    [TestCase(0x2060, 0x206F, TestName = "U+2060-U+206F word joiner to nominal digit shapes")]
    [TestCase(0xFE00, 0xFE0F, TestName = "U+FE00-U+FE0F variation selectors")]
    [TestCase(0xFFF9, 0xFFFB, TestName = "U+FFF9-U+FFFB interlinear annotation controls")]
    [TestCase(0x1D173, 0x1D17A, TestName = "U+1D173-U+1D17A musical formatting symbols")]
    [TestCase(0xE0000, 0xE0FFF, TestName = "U+E0000-U+E0FFF tags and supplementary variation selectors")]
    public void IsListedInvisible_ARange_HoldsItsEndsAndNotTheNeighboursOutside(int first, int last)
    {
        TextRules.IsListedInvisible(first).Should().BeTrue("the first code point of the range is listed");
        TextRules.IsListedInvisible(last).Should().BeTrue("the last code point of the range is listed");
        TextRules.IsListedInvisible(first - 1).Should().BeFalse("the code point just before the range is not listed");
        TextRules.IsListedInvisible(last + 1).Should().BeFalse("the code point just after the range is not listed");
    }

    [TestCase(0x00AD)]
    [TestCase(0x034F)]
    [TestCase(0x061C)]
    [TestCase(0x115F)]
    [TestCase(0x1160)]
    [TestCase(0x17B4)]
    [TestCase(0x17B5)]
    [TestCase(0x2800)]
    [TestCase(0x3164)]
    [TestCase(0xFEFF)]
    [TestCase(0xFFA0)]
    public void IsListedInvisible_ASingleCodePoint_IsListed(int codePoint)
    {
        TextRules.IsListedInvisible(codePoint).Should().BeTrue();
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
    [TestCase(0x27FF)]
    [TestCase(0x2801)]
    [TestCase(0x3163)]
    [TestCase(0x3165)]
    [TestCase(0xFEFE)]
    [TestCase(0xFF00)]
    [TestCase(0xFF9F)]
    [TestCase(0xFFA1)]
    public void IsListedInvisible_TheNeighboursOfASingleCodePoint_AreNotListed(int codePoint)
    {
        TextRules.IsListedInvisible(codePoint).Should().BeFalse();
    }
}
