using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using static Tribe.Sso.Cli.Tests.Webhooks.WebhooksTestCommandTests;

namespace Tribe.Sso.Cli.Tests.Webhooks;

/// <summary><c>tribe-sso webhooks verify</c>: the verdict on a captured delivery, signed here as the community signs.</summary>
public class WebhooksVerifyCommandTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"networkId\":\"net-1\",\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e1\",\"name\":\"member.updated\",\"object\":{\"email\":\"ada@example.org\"}}}");

    private string _bodyFile = null!;

    [SetUp]
    public void WriteBody()
    {
        _bodyFile = Path.GetTempFileName();
        File.WriteAllBytes(_bodyFile, Body);
    }

    [TearDown]
    public void RemoveBody() => File.Delete(_bodyFile);

    [Test]
    public void Verify_AFreshDeliveryFromAFile_IsValid_ExitsWithZero()
    {
        var (signature, timestamp) = Signed(DateTimeOffset.UtcNow, Body);

        var run = Cli.ExecuteWith(WithSecret, null, "webhooks", "verify", "--signature", signature, "--timestamp", timestamp, "--body-file", _bodyFile);

        run.ExitCode.Should().Be(0, run.All);
        run.Stdout.Should().MatchRegex(@"^valid: The delivery is authentic and fresh\. Signed at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\.\n$");
        run.All.Should().NotContain(Secret).And.NotContain("ada@example.org");
    }

    [Test]
    public void Verify_AFreshDeliveryOnStdin_IsValid_ExitsWithZero()
    {
        var (signature, timestamp) = Signed(DateTimeOffset.UtcNow, Body);

        var run = Cli.ExecuteWithInput(WithSecret, Body, null, "webhooks", "verify", "--signature", signature, "--timestamp", timestamp);

        run.ExitCode.Should().Be(0, run.All);
        run.Stdout.Should().StartWith("valid: ");
    }

    [TestCase("tampered body", "refused: WrongSignature: The signature does not match: another app's signing secret, or a body changed on the way (verify the raw bytes as received, never re-serialised JSON).")]
    [TestCase("another secret", "refused: WrongSignature: The signature does not match: another app's signing secret, or a body changed on the way (verify the raw bytes as received, never re-serialised JSON).")]
    [TestCase("stale", "refused: Stale: The timestamp is older than the tolerance: a replayed or long-delayed delivery, seconds sent instead of milliseconds, or a clock behind.")]
    [TestCase("uppercase hex", "refused: MalformedSignature: The signature header is not 64 lowercase hexadecimal digits.")]
    [TestCase("seconds", "refused: Stale: The timestamp is older than the tolerance: a replayed or long-delayed delivery, seconds sent instead of milliseconds, or a clock behind.")]
    public void Verify_ADeliveryTheCommunityDidNotSendAsIs_IsRefused_ExitsWithOne(string change, string verdict)
    {
        var sent = change == "stale" ? DateTimeOffset.UtcNow.AddMinutes(-6) : DateTimeOffset.UtcNow;
        var (signature, timestamp) = change == "another secret" ? SignedWith("another-app-secret", sent, Body) : Signed(sent, Body);
        signature = change == "uppercase hex" ? signature.ToUpperInvariant() : signature;
        timestamp = change == "seconds" ? sent.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : timestamp;
        if (change == "tampered body")
        {
            File.WriteAllBytes(_bodyFile, Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Body).Replace("ada@", "eve@", StringComparison.Ordinal)));
        }

        var run = Cli.ExecuteWith(WithSecret, null, "webhooks", "verify", "--signature", signature, "--timestamp", timestamp, "--body-file", _bodyFile);

        run.ExitCode.Should().Be(1, run.All);
        run.Stdout.Should().StartWith(verdict);
        run.Stderr.Should().BeEmpty();
        run.All.Should().NotContain(Secret).And.NotContain("ada@example.org").And.NotContain(signature);
    }

    [Test]
    public void Verify_ABodySavedWithATrailingLineBreak_IsRefused_WithAHint()
    {
        var (signature, timestamp) = Signed(DateTimeOffset.UtcNow, Body);

        var run = Cli.ExecuteWithInput(WithSecret, Body.Concat("\n"u8.ToArray()).ToArray(), null, "webhooks", "verify", "--signature", signature, "--timestamp", timestamp);

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().EndWith(" The body ends with a line break: if it was added when the body was saved (echo, an editor), remove it (printf '%s').\n");
    }

    [TestCase("--ignore-time")]
    [TestCase("--now")]
    public void Verify_ADeliveryCapturedYesterday_IsValidAtItsOwnTime(string option)
    {
        var sent = DateTimeOffset.UtcNow.AddDays(-1);
        var (signature, timestamp) = Signed(sent, Body);
        var args = new List<string> { "webhooks", "verify", "--signature", signature, "--timestamp", timestamp, "--body-file", _bodyFile, option };
        if (option == "--now")
        {
            args.Add(sent.AddMinutes(1).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture));
        }

        var run = Cli.ExecuteWith(WithSecret, null, args.ToArray());

        run.ExitCode.Should().Be(0, run.All);
        run.Stdout.Should().StartWith(option == "--now" ? "valid: The delivery is authentic and fresh." : "valid: The signature matches (the time was not checked: --ignore-time).");
    }

    [Test]
    public void Verify_WithoutTheSecret_ExitsWithTwo_NamingTheVariable()
    {
        var (signature, timestamp) = Signed(DateTimeOffset.UtcNow, Body);

        var run = Cli.ExecuteWith(new Dictionary<string, string>(), null, "webhooks", "verify", "--signature", signature, "--timestamp", timestamp, "--body-file", _bodyFile);

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Be("tribe-sso webhooks verify: TRIBE_WEBHOOK_SIGNING_SECRET: is not set. Set it to the app's signing secret, shown with the app's credentials in the community's developer portal.\n");
    }

    [TestCase("a missing file")]
    [TestCase("a directory")]
    public void Verify_ABodyFileThatCannotBeRead_ExitsWithTwo(string what)
    {
        var path = what == "a directory" ? Path.GetTempPath() : _bodyFile + ".missing";

        var run = Cli.ExecuteWith(WithSecret, null, "webhooks", "verify", "--signature", new string('0', 64), "--timestamp", "1", "--body-file", path);

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().StartWith("tribe-sso webhooks verify: --body-file: the file '").And.EndWith("Pass the path of a readable file that holds the captured body.\n");
    }

    [TestCase("--tolerance", "0", "--tolerance: must be 1 to 3600 seconds (the community's own apps allow 300, its docs at most 900).")]
    [TestCase("--now", "-1", "--now: is outside the years 1970 to 9999. Pass milliseconds since the Unix epoch, as in the timestamp header, such as 1767225600000.")]
    [TestCase("--ignore-time", null, "--now: and --ignore-time do not go together: --ignore-time checks the signature at the delivery's own time.")]
    public void Verify_UnusableOptions_ExitWithTwo(string option, string? value, string message)
    {
        var args = new List<string> { "webhooks", "verify", "--signature", new string('0', 64), "--timestamp", "1", "--body-file", _bodyFile, option };
        args.AddRange(value is null ? new[] { "--now", "1" } : new[] { value });

        var run = Cli.ExecuteWith(WithSecret, null, args.ToArray());

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Be("tribe-sso webhooks verify: " + message + "\n");
    }

    /// <summary>Hostile header values, run as processes (a few dozen): the verdict is 0, 1 or 2, one line, never a crash or the secret.</summary>
    [Test]
    public void Verify_HostileSignaturesAndTimestamps_ExitWith0Or1Or2_WithoutAStackTrace()
    {
        var hostile = Gen.OneOf(
            Gen.String,
            Gen.Char['\u0001', '\u001f'].Array[1, 40].Select(c => new string(c)),
            Gen.Char['\ud800', '\udfff'].Array[1, 8].Select(c => new string(c)),
            Gen.Int[90_000, 100_000].Select(n => new string('7', n)),
            Gen.Int[90_000, 100_000].Select(n => new string('a', n)),
            Gen.Const("999999999999999999"),
            Gen.Const("-1"),
            Gen.Const(new string('0', 64)));
        var (validSignature, validTimestamp) = Signed(DateTimeOffset.UtcNow, Body);
        var exitCodes = new int[3];

        foreach (var (signature, timestamp) in Fuzz.Sample(Gen.Select(Gen.Frequency((3, hostile), (1, Gen.Const(validSignature))), Gen.Frequency((3, hostile), (1, Gen.Const(validTimestamp)))), count: 24))
        {
            var run = Cli.ExecuteWith(WithSecret, null, "webhooks", "verify", "--signature", NoNul(signature), "--timestamp", NoNul(timestamp), "--body-file", _bodyFile);

            var shown = Fuzz.Escape(signature) + " / " + Fuzz.Escape(timestamp);
            run.ExitCode.Should().BeInRange(0, 2, shown);
            exitCodes[run.ExitCode]++;
            run.All.Should().NotContain("   at ").And.NotContain("unexpected").And.NotContain(Secret, shown);
            run.All.TrimEnd('\n').Should().NotContain("\n", shown);
        }

        exitCodes[1].Should().BePositive("most hostile values are refused");
    }

    private static (string Signature, string Timestamp) Signed(DateTimeOffset at, byte[] body) => SignedWith(Secret, at, body);

    private static (string Signature, string Timestamp) SignedWith(string secret, DateTimeOffset at, byte[] body)
    {
        var timestamp = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return (WebhookReceiver.Sign(secret, timestamp, body), timestamp);
    }

    /// <summary>A command line cannot carry NUL.</summary>
    private static string NoNul(string text) => text.Replace("\0", string.Empty, StringComparison.Ordinal);
}
