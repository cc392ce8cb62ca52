using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Tribe.Sso.Cli.Tests;

/// <summary>What the repository's comments and docs say about the CLI's neighbours: they cite documents a reader has.</summary>
public class RepositoryDocsTests
{
    private static readonly string[] Extensions = { ".cs", ".md", ".sh", ".py", ".props", ".targets", ".csproj", ".mjs", ".js", ".json", ".yml" };

    /// <summary>
    /// Citations of a specification kept outside the repository (its sections, such as §4) help no reader; comments
    /// cite docs/protocol.md or docs/cli.md instead.
    /// src/Tribe.Sso.Testing and its tests are left to their own review.
    /// </summary>
    [Test]
    public void Comments_CiteDocsInTheRepository_NotAnOutsideSpec()
    {
        var roots = Directory.GetDirectories(Path.Combine(Repository.Root, "src"))
            .Where(d => Path.GetFileName(d) is var name && (name == "Tribe.Sso" || name.StartsWith("Tribe.Sso.Cli", StringComparison.Ordinal) || name.StartsWith("Tribe.Sso.Tests", StringComparison.Ordinal)))
            .Concat(new[] { "bench", "eng", "samples" }.Select(d => Path.Combine(Repository.Root, d)).Where(Directory.Exists))
            .ToList();
        roots.Should().HaveCountGreaterThan(4);

        var citing = roots
            .SelectMany(root => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            .Where(f => Extensions.Contains(Path.GetExtension(f)) && !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules"))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"\bSPEC\b"))
            .Select(f => Path.GetRelativePath(Repository.Root, f));

        citing.Should().BeEmpty();
    }
}
