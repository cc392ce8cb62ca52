using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Tribe.Sso.Testing;

namespace Tribe.Sso.Cli.Tests;

public class CliTests
{
    private const string Key = TestKeys.Primary;
    private const string IssuedAt = "1767225600";

    private static readonly string[] Jane = { "--sub", "42", "--name", "Jane Doe", "--email", "jane@example.com", "--issued-at", IssuedAt };

    [Test]
    public void Token_FixedIssuedAt_PrintsTheGoldenTokenAndANewline()
    {
        var run = Cli.Execute(Key, new[] { "token" }.Concat(Jane).ToArray());

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Be(GoldenVectors.MinimalToken + "\n");
        run.Stderr.Should().BeEmpty();
    }

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

    [Test]
    public void Token_EveryClaimOption_IsSignedAndReadBack()
    {
        var run = Cli.Execute(Key, new[]
        {
            "token", "--role", "moderator", "--picture", "https://cdn.example.com/j.png", "--title", "Lead", "--bio", "<b>Hi</b>",
            "--locale", "fr-CA", "--source", "newsletter", "--tagline", "Ask me", "--audience", "partner",
            "--group", "g1", "--group", "g2:admin", "--group", "g3:member:unapproved", "--groups-operation", "add", "--lifetime", "120",
        }.Concat(Jane).ToArray());

        var read = new TribeSsoTokenReader(TribeSsoKey.FromString(Key), new TribeSsoTokenReaderOptions { TimeProvider = TestClock.Create() }).Read(run.Stdout.TrimEnd('\n'));

        read.IsAccepted.Should().BeTrue(string.Join("; ", read.Findings));
        var user = read.User!;
        user.Role.Should().Be(TribeRole.Moderator);
        user.Title.Should().Be("Lead");
        user.Bio.Should().Be("<b>Hi</b>");
        user.Locale.Should().Be("fr-CA");
        user.Source.Should().Be("newsletter");
        user.Tagline.Should().Be("Ask me");
        user.GroupsOperation.Should().Be(TribeGroupsOperation.Add);
        user.Groups.Should().Equal(TribeGroup.FromId("g1"), TribeGroup.Joined("g2", TribeGroupRole.Admin), TribeGroup.Unapproved("g3"));
        read.Claims!.Audience.Should().Be("partner");
        (read.Claims.ExpiresAt - read.Claims.IssuedAt).Should().Be(TimeSpan.FromSeconds(120));
    }

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

    [Test]
    public void AllowShortKey_SignsWithAShortKey()
    {
        var run = Cli.Execute(TestKeys.Short, new[] { "token", "--allow-short-key" }.Concat(Jane).ToArray());

        run.ExitCode.Should().Be(0);
        new TribeSsoTokenReader(TribeSsoKey.FromShortCommunityKey(TestKeys.Short), new TribeSsoTokenReaderOptions { TimeProvider = TestClock.Create() })
            .Read(run.Stdout.Trim()).SignatureStatus.Should().Be(TribeSsoSignatureStatus.Valid);
    }

    [Test]
    public void Inspect_ValidToken_Exit0WithHeaderPayloadSignatureAndExpiry()
    {
        var run = Cli.Execute(Key, "inspect", GoldenVectors.MinimalToken, "--now", "1767225610");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Be(
            "header     {\"alg\":\"HS256\",\"typ\":\"JWT\"}\n" +
            "payload    {\"sub\":\"42\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\",\"iat\":1767225600,\"exp\":1767225660}\n" +
            "signature  valid (HS256)\n" +
            "expiry     expires in 50 s (2026-01-01T00:01:00Z)\n" +
            "findings   none\n" +
            "verdict    accepted\n");
        run.All.Should().NotContain(Key);
    }

    [Test]
    public void Inspect_ExpiredToken_Exit1SayingHowLongAgo()
    {
        var run = Cli.Execute(Key, "inspect", GoldenVectors.MinimalToken, "--now", (1767225660 + 44).ToString(System.Globalization.CultureInfo.InvariantCulture));

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().Contain("expiry     expired 44 s ago (2026-01-01T00:01:00Z)\n").And.Contain("verdict    rejected: expired 44 s ago\n");
    }

    [Test]
    public void Inspect_TamperedToken_Exit1()
    {
        var parts = GoldenVectors.MinimalToken.Split('.');
        var tampered = parts[0] + "." + Jwt.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes("{\"sub\":\"42\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\",\"role\":\"admin\",\"iat\":1767225600,\"exp\":1767225660}")) + "." + parts[2];

        var run = Cli.Execute(Key, "inspect", tampered, "--now", "1767225610");

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().Contain("signature  INVALID");
    }

    [Test]
    public void Inspect_ForeignKey_Exit1SayingAnotherKey()
    {
        var run = Cli.Execute(TestKeys.Other, "inspect", GoldenVectors.MinimalToken, "--now", "1767225610");

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().Contain("verdict    rejected: bad signature: signed with another key or the key has surrounding whitespace, or the token was altered");
        run.All.Should().NotContain(TestKeys.Other).And.NotContain(Key);
    }

    [Test]
    public void Inspect_KeyWithTrailingSpace_SaysTheTrimmedKeyWorks()
    {
        var run = Cli.Execute(Key + " ", "inspect", GoldenVectors.MinimalToken, "--now", "1767225610");

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().Contain("key        the key has surrounding whitespace; the token verifies with the trimmed key");
        run.All.Should().NotContain("SENTINEL");
    }

    [Test]
    public void Inspect_WithoutKey_DecodesAndSaysTheSignatureIsNotChecked()
    {
        var run = Cli.Execute(null, "inspect", "https://community.example.com/auth/sso?jwt=" + GoldenVectors.MinimalToken + "&redirect=/answers", "--now", "1767225610");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("signature  not checked (no key: set TRIBE_SSO_PRIVATE_KEY or pass --key-file)\n").And.Contain("redirect   /answers\n");
    }

    [Test]
    public void Inspect_BadClaims_ExplainsThemInPlainWords()
    {
        var payload = "{\"sub\":\"42\",\"name\":\"Jane\",\"email\":\"jane@example.com\",\"role\":\"owner\",\"x\":1}";
        var run = Cli.Execute(null, "inspect", Jwt.Base64UrlEncode("{\"alg\":\"HS256\"}"u8.ToArray()) + "." + Jwt.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(payload)) + ".c2ln");

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().Contain("  - rejected: role 'owner' is not member, moderator or admin\n")
            .And.Contain("  - ignored: claim 'x' is not a Tribe SSO claim; the community ignores it\n")
            .And.Contain("  - warning: no exp: valid forever");
    }

    [TestCase("not-a-token")]
    [TestCase("https://community.example.com/auth/sso?redirect=/x")]
    public void Inspect_UnusableInput_Exit2(string input)
    {
        var run = Cli.Execute(Key, "inspect", input);

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().StartWith("tribe-sso inspect: TOKEN_OR_URL: not a JWT: ");
    }

    [Test]
    public void Inspect_Json_IsParseableAndCarriesTheVerdict()
    {
        var run = Cli.Execute(Key, "inspect", GoldenVectors.MinimalToken, "--now", "1767225760", "--json");

        run.ExitCode.Should().Be(1);
        using var json = JsonDocument.Parse(run.Stdout);
        json.RootElement.GetProperty("accepted").GetBoolean().Should().BeFalse();
        json.RootElement.GetProperty("signature").GetString().Should().Be("valid");
        json.RootElement.GetProperty("payload").GetProperty("email").GetString().Should().Be("jane@example.com");
        var finding = json.RootElement.GetProperty("findings")[0];
        finding.GetProperty("code").GetString().Should().Be("Expired");
        finding.GetProperty("severity").GetString().Should().Be("rejected");
        finding.GetProperty("message").GetString().Should().Be("expired 100 s ago");
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
