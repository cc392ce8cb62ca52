using System.IO;
using System.Linq;
using Tribe.Sso.Testing;

namespace Tribe.Sso.Cli.Tests;

/// <summary><c>tribe-sso link</c>, through the real executable: the golden link and the newer URL shape.</summary>
public class LinkCommandTests
{
    private const string Key = TestKeys.Primary;
    private static readonly string[] Jane = Args.Jane;

    [Test]
    public void Link_FixedIssuedAt_PrintsTheGoldenLink()
    {
        var run = Cli.Execute(Key, new[] { "link", "--community", "https://community.example.com", "--redirect", "/answers" }.Concat(Jane).ToArray());

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Be("https://community.example.com/auth/sso?jwt=" + GoldenVectors.MinimalToken + "&redirect=/answers\n");
    }

    [Test]
    public void Link_NewerShape_UsesSsoPathAndRedirectParameter()
    {
        var run = Cli.Execute(Key, new[] { "link", "--community", "https://example.com/community", "--sso-path", "/api/auth/sso", "--redirect-parameter", "redirect_uri", "--redirect", "/a?b=c" }.Concat(Jane).ToArray());

        run.Stdout.Should().Be("https://example.com/community/api/auth/sso?jwt=" + GoldenVectors.MinimalToken + "&redirect_uri=/a%3Fb%3Dc\n");
    }
}
