using System.IO;
using System.Linq;
using Tribe.Sso.Testing;

namespace Tribe.Sso.Cli.Tests;

/// <summary>What every command shares, through the real executable: the key sources, one-line errors and help.</summary>
public class CliTests
{
    private const string Key = TestKeys.Primary;
    private static readonly string[] Jane = Args.Jane;

    [Test]
    public void KeyFile_WithATrailingNewline_SignsLikeTheEnvironmentVariable()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, Key + "\n");

            var run = Cli.Execute(null, new[] { "token", "--key-file", file }.Concat(Jane).ToArray());

            run.Stdout.Should().Be(GoldenVectors.MinimalToken + "\n");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestCase("token", "")]
    [TestCase("link", "")]
    [TestCase("inspect", "")]
    [TestCase("inspect", "\n")]
    [TestCase("community", "\r\n")]
    public void KeyFile_Empty_IsAOneLineErrorNamingIt_ForEveryCommandThatReadsTheKey(string command, string content)
    {
        // Signed with an empty secret: verified with the empty key as HMAC pads it, it would show as valid.
        var emptySecretToken = HostileInputs.Sign(HostileInputs.Hs256Header, Jwt.PayloadJson(GoldenVectors.MinimalToken), string.Empty);
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, content);
            var args = command switch
            {
                "token" => new[] { "token", "--key-file", file }.Concat(Jane),
                "link" => new[] { "link", "--community", "https://community.example.com", "--key-file", file }.Concat(Jane),
                "inspect" => new[] { "inspect", emptySecretToken, "--now", "1767225610", "--key-file", file },
                _ => new[] { "community", "--urls", "http://127.0.0.1:0", "--key-file", file },
            };

            var run = Cli.Execute(null, args.ToArray());

            run.ExitCode.Should().Be(2);
            run.Stdout.Should().BeEmpty();
            run.Stderr.Should().Be("tribe-sso " + command + ": --key-file: the file '" + file + "' is empty (or holds only a newline). Put the key from the \"JWT SSO\" app in the community's admin panel into it.\n");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [TestCase("--email", new[] { "token", "--sub", "42", "--name", "Jane", "--email", "Jane <jane@example.com>" })]
    [TestCase("--email", new[] { "token", "--sub", "42", "--name", "Jane" })]
    [TestCase("--sub", new[] { "token", "--sub", "", "--name", "Jane", "--email", "jane@example.com" })]
    [TestCase("--role", new[] { "token", "--sub", "42", "--name", "Jane", "--email", "jane@example.com", "--role", "owner" })]
    [TestCase("--picture", new[] { "token", "--sub", "42", "--name", "Jane", "--email", "jane@example.com", "--picture", "ftp://x.example/p.png" })]
    [TestCase("--locale", new[] { "token", "--sub", "42", "--name", "Jane", "--email", "jane@example.com", "--locale", "fr_CA" })]
    [TestCase("--lifetime", new[] { "token", "--sub", "42", "--name", "Jane", "--email", "jane@example.com", "--lifetime", "601" })]
    [TestCase("--lifetime", new[] { "token", "--sub", "42", "--name", "Jane", "--email", "jane@example.com", "--lifetime", "soon" })]
    [TestCase("--group", new[] { "token", "--sub", "42", "--name", "Jane", "--email", "jane@example.com", "--group", "g1:owner" })]
    [TestCase("--group", new[] { "token", "--sub", "42", "--name", "Jane", "--email", "jane@example.com", "--group", "g1", "--group", "g1" })]
    [TestCase("--groups-operation", new[] { "token", "--sub", "42", "--name", "Jane", "--email", "jane@example.com", "--group", "g1", "--groups-operation", "remove" })]
    [TestCase("--community", new[] { "link", "--community", "http://community.example.com", "--sub", "42", "--name", "Jane", "--email", "jane@example.com" })]
    [TestCase("--community", new[] { "link", "--community", "community.example.com", "--sub", "42", "--name", "Jane", "--email", "jane@example.com" })]
    [TestCase("--redirect", new[] { "link", "--community", "https://community.example.com", "--redirect", "//evil.example", "--sub", "42", "--name", "Jane", "--email", "jane@example.com" })]
    [TestCase("--sso-path", new[] { "link", "--community", "https://community.example.com", "--sso-path", "auth", "--sub", "42", "--name", "Jane", "--email", "jane@example.com" })]
    [TestCase("--key", new[] { "token", "--key", "secret-on-the-command-line", "--sub", "42", "--name", "Jane", "--email", "jane@example.com" })]
    [TestCase("--key-file", new[] { "token", "--key-file", "/nonexistent/key", "--sub", "42", "--name", "Jane", "--email", "jane@example.com" })]
    public void BadInput_OneLineOnStderr_NothingOnStdout_ExitCode2(string option, string[] args)
    {
        var run = Cli.Execute(Key, args);

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().StartWith("tribe-sso " + args[0] + ": ").And.Contain(option).And.EndWith("\n");
        run.Stderr.TrimEnd('\n').Should().NotContain("\n", "the error is one line");
        run.Stderr.Should().NotContain(Key);
    }

    [TestCase(null, "TRIBE_SSO_PRIVATE_KEY: no key. Set the environment variable TRIBE_SSO_PRIVATE_KEY or pass --key-file PATH.")]
    [TestCase(TestKeys.Short, "TRIBE_SSO_PRIVATE_KEY: The SSO private key is 20 UTF-8 bytes long")]
    [TestCase(TestKeys.Primary + " ", "TRIBE_SSO_PRIVATE_KEY: The SSO private key starts or ends with whitespace")]
    public void KeyProblems_AreExplained_WithoutPrintingTheKey(string? key, string message)
    {
        var run = Cli.Execute(key, new[] { "token" }.Concat(Jane).ToArray());

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("tribe-sso token: " + message);
        run.All.Should().NotContain("SENTINEL");
    }

    [TestCase("token")]
    [TestCase("link")]
    [TestCase("inspect")]
    public void Help_OnEveryCommand_HasAnExample(string command)
    {
        var run = Cli.Execute(null, command, "--help");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("Example:").And.Contain("tribe-sso " + command);
    }
}
