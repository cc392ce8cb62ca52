using System.IO;
using System.Linq;
using System.Text.Json;
using Tribe.Sso.Testing;

namespace Tribe.Sso.Cli.Tests;

/// <summary><c>tribe-sso inspect</c>, through the real executable: verdicts, explanations and JSON output.</summary>
public class InspectCommandTests
{
    private const string Key = TestKeys.Primary;

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
}
