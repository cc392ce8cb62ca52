using System;
using System.IO;
using System.Linq;

namespace Tribe.Sso.Tests.Layout;

/// <summary>
/// The layout rules of CONTRIBUTING.md, checked over every project in src/: a package's top level holds a few entry
/// points and the rest lives in feature folders; files stay small enough to read in one sitting.
/// </summary>
public class RepositoryLayoutTests
{
    private const int MaxTopLevelSourceFiles = 8;
    private const int MaxLibraryFileLines = 250;
    private const int MaxTestFileLines = 300;

    private static readonly string Source = Path.Combine(Repository.Root, "src");

    [Test]
    public void EveryProject_TopLevel_HoldsAtMostEightSourceFiles()
    {
        var crowded = Projects()
            .Select(project => (Name: Path.GetFileName(project), Count: Directory.GetFiles(project, "*.cs").Length))
            .Where(p => p.Count > MaxTopLevelSourceFiles)
            .Select(p => p.Name + " has " + p.Count + " source files at its top level; group them in feature folders");

        crowded.Should().BeEmpty();
    }

    [Test]
    public void LibraryFiles_AreAtMost250Lines()
        => TooLong(isTest: false, MaxLibraryFileLines).Should().BeEmpty("a library file over 250 lines is split by job (partial classes by concern)");

    [Test]
    public void TestFiles_AreAtMost300Lines()
        => TooLong(isTest: true, MaxTestFileLines).Should().BeEmpty("a test file over 300 lines is split into partial files by concern");

    [Test]
    public void Projects_AreFound()
        => Projects().Should().Contain(p => Path.GetFileName(p) == "Tribe.Sso").And.Contain(p => Path.GetFileName(p) == "Tribe.Sso.Tests");

    private static string[] Projects()
        => Directory.GetDirectories(Source).Where(d => Directory.GetFiles(d, "*.csproj").Length > 0).ToArray();

    private static bool IsTestProject(string project)
    {
        var name = Path.GetFileName(project);
        return name.Contains(".Tests", StringComparison.Ordinal) || name.EndsWith(".TestSupport", StringComparison.Ordinal);
    }

    private static string[] TooLong(bool isTest, int maxLines)
    {
        var folders = isTest
            ? Projects().Where(IsTestProject)
            : Projects().Where(p => !IsTestProject(p)).Append(Path.Combine(Source, "Shared"));
        return folders
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => !IsBuildOutput(file))
            .Select(file => (File: Path.GetRelativePath(Repository.Root, file).Replace('\\', '/'), Lines: File.ReadAllLines(file).Length))
            .Where(f => f.Lines > maxLines)
            .Select(f => f.File + " has " + f.Lines + " lines")
            .ToArray();
    }

    private static bool IsBuildOutput(string file)
    {
        var parts = Path.GetRelativePath(Source, file).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }
}
