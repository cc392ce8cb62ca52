using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Tribe.Sso.Tests.Docs;

public class ReadmeTests
{
    [Test]
    public void QuickStart_InReadme_IsTheCompiledSnippet()
    {
        var snippet = Snippets.Region(Path.Combine(Repository.Root, "src", "Tribe.Sso.Tests", "Docs", "QuickStart.cs"), "QuickStart");
        var readme = Snippets.Readme();

        readme.Should().Contain("```csharp\n" + snippet + "```", "README.md's quick start must be the code of Docs/QuickStart.cs, which this suite compiles and runs");
    }

    [Test]
    public void QuickStart_Runs_AndProducesAVerifiableLink()
    {
        var link = QuickStart.Run(TestKeys.Primary);
        var token = link.ToUri().Query.Split('&').Single(p => p.StartsWith("?jwt=", StringComparison.Ordinal)).Substring(5);

        link.AbsoluteUri.Should().StartWith("https://community.example.com/auth/sso?jwt=").And.EndWith("&redirect=/answers");
        IndependentVerifier.ValidateAsync(token, TestKeys.Primary).Result.IsValid.Should().BeTrue();
        Jwt.Payload(token).GetProperty("groupsOperation").GetString().Should().Be("add");
    }

    [Test]
    public void ReadmeTestCommand_IsEngTestSh_AndCiRunsIt()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var ci = File.ReadAllText(Path.Combine(Repository.Root, ".ci", "run"));

        readme.Should().Contain("\nbash eng/test.sh\n");
        ci.Should().Contain("\nbash eng/test.sh ", "CI runs the command README.md gives");
    }
}
