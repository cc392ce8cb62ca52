using System.IO;

namespace Tribe.Sso.Cli.Tests;

/// <summary>A key problem is named as it is: the short-key opt-in is offered only for a key that is merely short.</summary>
public class KeySourceTests
{
    private const string Whitespace = "The SSO private key starts or ends with whitespace, which is almost always a copy/paste accident and would sign with a different key than the community's. Trim it where it is loaded (configuration, environment variable or file).";

    private static readonly string[] Jane = ["token", "--sub", "42", "--name", "Jane Doe", "--email", "jane@example.com"];

    [TestCase(TestKeys.Primary + " ")]
    [TestCase("\t" + TestKeys.Primary)]
    [TestCase(" " + TestKeys.Short)]
    public void KeyWithSurroundingWhitespace_SaysSo_WithoutTheShortKeyOptIn(string key)
    {
        var run = Cli.Execute(key, Jane);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Be("tribe-sso token: TRIBE_SSO_PRIVATE_KEY: " + Whitespace + "\n");
    }

    [Test]
    public void KeyFileWithSurroundingWhitespace_SaysSo_WithoutTheShortKeyOptIn()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, TestKeys.Primary + "  \n");

            var run = Cli.Execute(null, [.. Jane, "--key-file", file]);

            run.ExitCode.Should().Be(2);
            run.Stderr.Should().Be("tribe-sso token: --key-file: " + Whitespace + "\n");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void ShortKey_OffersTheOptIn()
        => Cli.Execute(TestKeys.Short, Jane).Stderr.Should().EndWith(" (The opt-in here is --allow-short-key.)\n");
}
