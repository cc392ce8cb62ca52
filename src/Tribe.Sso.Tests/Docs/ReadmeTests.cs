using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Tribe.Sso.Tests.Support;

namespace Tribe.Sso.Tests.Docs;

public class ReadmeTests
{
    [Test]
    public void QuickStart_InReadme_IsTheCompiledSnippet()
    {
        var snippet = Region(Path.Combine(RepositoryRoot(), "src", "Tribe.Sso.Tests", "Docs", "QuickStart.cs"), "QuickStart");
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));

        readme.Replace("\r\n", "\n").Should().Contain("```csharp\n" + snippet + "```", "README.md's quick start must be the code of Docs/QuickStart.cs, which this suite compiles and runs");
    }

    [Test]
    public void QuickStart_Runs_AndProducesAVerifiableLink()
    {
        var link = QuickStart.Run(TestKeys.Primary);
        var token = link.Query.Split('&').Single(p => p.StartsWith("?jwt=", StringComparison.Ordinal)).Substring(5);

        link.AbsoluteUri.Should().StartWith("https://community.example.com/auth/sso?jwt=").And.EndWith("&redirect=/answers");
        IndependentVerifier.ValidateAsync(token, TestKeys.Primary).Result.IsValid.Should().BeTrue();
        Jwt.Payload(token).GetProperty("groupsOperation").GetString().Should().Be("add");
    }

    [Test]
    public void ReadmeTestCommand_IsDotnetTestFromTheRoot()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var ci = File.ReadAllText(Path.Combine(RepositoryRoot(), ".ci", "run"));

        readme.Should().Contain("\ndotnet test\n");
        ci.Should().Contain("dotnet test ", "CI runs the command README.md gives");
    }

    internal static string RepositoryRoot() => typeof(ReadmeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The lines between <c>#region name</c> and <c>#endregion</c>, with the common indentation removed.</summary>
    internal static string Region(string file, string name)
    {
        var text = File.ReadAllText(file).Replace("\r\n", "\n");
        var match = Regex.Match(text, @"#region " + name + @"\n(?<body>.*?)\n[ \t]*#endregion", RegexOptions.Singleline);
        match.Success.Should().BeTrue($"{file} has a region {name}");
        var lines = match.Groups["body"].Value.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Concat(lines.Select(l => (l.Length >= indent ? l.Substring(indent) : l.TrimStart()) + "\n"));
    }
}
