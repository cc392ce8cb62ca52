using System.Text.Json;
using Tribe.Sso.Testing;

namespace Tribe.Sso.Cli.Tests;

/// <summary><c>tribe-sso inspect</c> exits 1 for a link the community would not follow as given, even when its token is fine.</summary>
public class InspectLinkExitCodeTests
{
    private const string Now = "1767225610";
    private static readonly string Link = "https://community.example.com/auth/sso?jwt=" + GoldenVectors.MinimalToken;

    [TestCase("&redirect=//evil.example")]
    [TestCase("&redirect=https://evil.example/x")]
    [TestCase("&redirect_uri=/%5C%5Cevil.example")]
    public void Inspect_LinkWithUnsafeRedirect_Exits1NamingTheRedirect(string redirect)
    {
        var run = Cli.Execute(TestKeys.Primary, "inspect", Link + redirect, "--now", Now);

        run.ExitCode.Should().Be(1, run.Stdout);
        run.Stdout.Should().Contain("  - warning: the redirect target ")
            .And.Contain("verdict    rejected: the community would not follow this link as given: the redirect target ");
    }

    [TestCase("&redirect=/a&redirect=/b", "the link has 2 redirect targets")]
    [TestCase("&redirect=/a&redirect_uri=/b", "the link has 2 redirect targets")]
    [TestCase("&jwt=" + "x", "the link has 2 jwt parameters")]
    public void Inspect_LinkWithDuplicatedParameters_Exits1(string tail, string finding)
    {
        var run = Cli.Execute(TestKeys.Primary, "inspect", Link + tail, "--now", Now);

        run.ExitCode.Should().Be(1, run.Stdout);
        run.Stdout.Should().Contain("verdict    rejected: " + finding);
    }

    [Test]
    public void Inspect_LinkWithSafeRedirect_Exits0()
    {
        var run = Cli.Execute(TestKeys.Primary, "inspect", Link + "&redirect=/answers", "--now", Now);

        run.ExitCode.Should().Be(0, run.Stdout);
        run.Stdout.Should().Contain("redirect   /answers\n").And.EndWith("verdict    accepted\n");
    }

    [Test]
    public void Inspect_JsonOfALinkWithUnsafeRedirect_IsNotAcceptedAndExits1()
    {
        var run = Cli.Execute(TestKeys.Primary, "inspect", Link + "&redirect=//evil.example", "--now", Now, "--json");

        run.ExitCode.Should().Be(1, run.Stdout);
        using var json = JsonDocument.Parse(run.Stdout);
        json.RootElement.GetProperty("accepted").GetBoolean().Should().BeFalse();
        json.RootElement.GetProperty("signature").GetString().Should().Be("valid");
    }
}
