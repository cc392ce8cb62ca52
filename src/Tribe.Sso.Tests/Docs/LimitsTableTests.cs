using System.Globalization;
using System.IO;

namespace Tribe.Sso.Tests.Docs;

/// <summary>The limits table of README.md and docs/protocol.md is the code's constants, written out: the docs cannot drift.</summary>
public class LimitsTableTests
{
    [TestCase("README.md")]
    [TestCase("docs/protocol.md")]
    public void LimitsTable_InTheDocs_IsTheCodesConstants(string document)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, document)).Replace("\r\n", "\n");

        text.Should().Contain(ExpectedTable());
    }

    private static string ExpectedTable() => string.Join("\n",
        "| value | limit |",
        "|---|---|",
        Row("`sub`", ClaimRules.MaxSubjectLength, "characters"),
        Row("`name`", ClaimRules.MaxNameLength, "characters"),
        Row("`email`", ClaimRules.MaxEmailLength, string.Create(CultureInfo.InvariantCulture, $"characters (local part {EmailRules.MaxLocalPartLength}, each domain label {EmailRules.MaxLabelLength})")),
        Row("`title`, `tagline`, `source`", ClaimRules.MaxShortTextLength, "characters each"),
        Row("`bio`", ClaimRules.MaxBioLength, "characters"),
        Row("`picture`", ClaimRules.MaxPictureLength, "characters"),
        Row("`locale`", LocaleRules.MaxLength, "characters"),
        Row("group id", ClaimRules.MaxGroupIdLength, "characters"),
        Row("`groups`", ClaimRules.MaxGroups, "entries"),
        Row("redirect target", TribeSsoRedirectPath.MaxLength, "characters"),
        string.Create(CultureInfo.InvariantCulture, $"| whole token, whole link | **{SizeRules.MaxBytes:N0} bytes** |")) + "\n";

    private static string Row(string value, int limit, string unit) => string.Create(CultureInfo.InvariantCulture, $"| {value} | {limit:N0} {unit} |");
}
