using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Tribe.Sso.Tests.Docs;

/// <summary>
/// Each package's nuget.org page is its project's README.md. It must stand alone (every link absolute: nuget.org has no
/// repository to resolve a relative link against), and its C# example must be one that README.md shows, where it is
/// compiled and run.
/// </summary>
public class PackageReadmeTests
{
    private static readonly string[] Packages = { "Tribe.Sso", "Tribe.Sso.AspNetCore", "Tribe.Sso.Testing", "Tribe.Sso.Cli" };

    [TestCaseSource(nameof(Packages))]
    public void PackageReadme_Links_AreAllAbsolute(string project)
    {
        var links = Regex.Matches(PackageReadme(project), @"\]\(([^)\s]*)|(?:href|src)=""([^""]*)""")
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);

        links.Should().NotBeEmpty().And.OnlyContain(link => link.StartsWith("https://"));
    }

    [TestCaseSource(nameof(Packages))]
    public void PackageReadme_Instructions_AreForPartnersNotContributors(string project)
    {
        var readme = PackageReadme(project);

        readme.Should().NotContain("eng/").And.NotContain("samples/").And.NotContain("dotnet pack");
    }

    [TestCase("Tribe.Sso")]
    [TestCase("Tribe.Sso.AspNetCore")]
    [TestCase("Tribe.Sso.Testing")]
    public void PackageReadme_CSharpExample_IsOneTheRepositoryReadmeCompiles(string project)
    {
        var examples = Regex.Matches(PackageReadme(project), "```csharp\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToArray();

        examples.Should().NotBeEmpty();
        examples.Should().OnlyContain(example => Snippets.Readme().Contains("```csharp\n" + example + "```"));
    }

    private static string PackageReadme(string project) =>
        File.ReadAllText(Path.Combine(Repository.Root, "src", project, "README.md")).Replace("\r\n", "\n");
}
