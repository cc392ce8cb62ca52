using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Tribe.Sso.Cli.Tests;

/// <summary>What the repository's comments and docs say: they cite documents a reader has.</summary>
public class RepositoryDocsTests
{
    private static readonly string[] Extensions = { ".cs", ".md", ".sh", ".py", ".props", ".targets", ".csproj", ".mjs", ".js", ".json", ".yml" };

    /// <summary>
    /// Citations of a specification kept outside the repository (its sections, such as §4) help no reader; comments
    /// cite docs/protocol.md or docs/cli.md instead.
    /// </summary>
    [Test]
    public void Comments_CiteDocsInTheRepository_NotAnOutsideSpec()
    {
        var roots = Directory.GetDirectories(Path.Combine(Repository.Root, "src"))
            .Where(d => Path.GetFileName(d) is var name && (name.StartsWith("Tribe.Sso", StringComparison.Ordinal) || name == "Shared"))
            .Concat(new[] { "bench", "eng", "samples" }.Select(d => Path.Combine(Repository.Root, d)).Where(Directory.Exists))
            .ToList();
        roots.Should().HaveCountGreaterThan(10);

        var citing = roots
            .SelectMany(root => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            .Where(f => Extensions.Contains(Path.GetExtension(f)) && !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"\bSPEC\b"))
            .Select(f => Path.GetRelativePath(Repository.Root, f));

        citing.Should().BeEmpty();
    }

    /// <summary>docs/protocol.md#characters-and-sizes says what the SDK does with characters above U+FFFF, cell by cell.</summary>
    [Test]
    public void ProtocolDoc_CharactersAboveUFFFF_AreRefusedInGroupIdsOnly_AsTheCliShows()
    {
        var doc = File.ReadAllText(Path.Combine(Repository.Root, "docs", "protocol.md")).Replace("\r\n", "\n");
        var everywhereElse = Cli.Execute(TestKeys.Primary, "link", "--community", "https://community.example.com", "--sub", "4😀2", "--name", "Jane 😀", "--email", "jane😀@example.com", "--bio", "Hi 😀", "--redirect", "/😀");
        var groupId = Cli.Execute(TestKeys.Primary, "token", "--sub", "42", "--name", "Jane Doe", "--email", "jane@example.com", "--group", "g😀");

        doc.Should().Contain("\n| characters above U+FFFF (a surrogate pair, such as the emoji 😀) | refused in group ids | allowed | allowed |\n")
            .And.Contain("- **Group ids refuse every surrogate**, paired or not");
        everywhereElse.ExitCode.Should().Be(0, everywhereElse.Stderr);
        groupId.ExitCode.Should().Be(2);
        groupId.Stderr.Should().Be("tribe-sso token: --group: Claim 'groups' has a group id that contains whitespace, a control character or a surrogate. Pass the group's id exactly as the community shows it, without spaces.\n");
    }

    /// <summary>
    /// What TextRules.FindForbiddenCharacter's comment says: U+2028 and U+2029 are refused even in bio, where CR, LF and
    /// TAB are allowed.
    /// </summary>
    [TestCase("\u2028", 2)]
    [TestCase("\u2029", 2)]
    [TestCase("\r\n\t", 0)]
    public void Bio_LineBreaks_CrLfTabAllowed_LineAndParagraphSeparatorsRefused(string lineBreak, int exitCode)
    {
        var run = Cli.Execute(TestKeys.Primary, "token", "--sub", "42", "--name", "Jane Doe", "--email", "jane@example.com", "--bio", "one" + lineBreak + "two");

        run.ExitCode.Should().Be(exitCode);
        run.Stderr.Should().Be(exitCode == 0 ? string.Empty : "tribe-sso token: --bio: Claim 'bio' contains a control character (U+" + ((int)lineBreak[0]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) + ") at index 3. Remove control characters such as tabs, line breaks and NUL before signing.\n");
    }
}
