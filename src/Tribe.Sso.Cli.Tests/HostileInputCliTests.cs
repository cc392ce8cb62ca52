using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using CsCheck;

namespace Tribe.Sso.Cli.Tests;

/// <summary>
/// Issue 13 classes 2 and 8, through the real executable: whatever the input, tribe-sso exits with 0, 1 or 2, prints no
/// stack trace, and escapes control, C1 and bidi characters in everything it echoes, in text and in JSON.
/// </summary>
public class HostileInputCliTests
{
    private const string Key = TestKeys.Primary;
    private const string Now = "1767225610";
    private static readonly string[] Jane = { "--sub", "42", "--name", "Jane Doe", "--email", "jane@example.com" };

    [TestCase(false)]
    [TestCase(true)]
    public void Inspect_LoneSurrogateEscapeInAnIgnoredClaim_IsUnusableInput_NotACrash(bool json)
    {
        var token = HostileInputs.Sign(HostileInputs.Hs256Header, Payload("\"x\":\"\\ud800\""));

        var run = Cli.Execute(Key, json ? new[] { "inspect", token, "--json" } : new[] { "inspect", token });

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Be("tribe-sso inspect: TOKEN_OR_URL: not a JWT: the payload has a string escape that is a lone UTF-16 surrogate (such as \\ud800), which is not text. Pass a token (three base64url segments) or a whole SSO link.\n");
    }

    [Test]
    public void Inspect_AmbiguousLinkWhoseTokenIsMalformed_SaysWhyItIsNotAJwt()
    {
        var run = Cli.Execute(Key, "inspect", "https://community.example.com/auth/sso?jwt=abc&JWT=def");

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Be("tribe-sso inspect: TOKEN_OR_URL: not a JWT: 1 segment; a signed JWT has 3 (header.payload.signature). Pass a token (three base64url segments) or a whole SSO link.\n");
    }

    [TestCase("253402300799", 0, "expiry     expires in 251635075189 s (9999-12-31T23:59:59Z)\n")]
    [TestCase("253402300800", 1, "  - rejected: exp '253402300800' is outside the years 1 to 9999, not a NumericDate (seconds since 1970 as a JSON number)\n")]
    [TestCase("null", 1, "  - rejected: exp is null, not a NumericDate (seconds since 1970 as a JSON number)\n")]
    public void Inspect_ExpAtTheEndOfTheCalendar_IsExplained(string exp, int exitCode, string line)
    {
        var token = HostileInputs.Sign(HostileInputs.Hs256Header, "{\"sub\":\"42\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\",\"iat\":1767225600,\"exp\":" + exp + "}");

        var run = Cli.Execute(Key, "inspect", token, "--now", Now);

        run.ExitCode.Should().Be(exitCode);
        run.Stdout.Should().Contain(line);
        run.Stderr.Should().BeEmpty();
    }

    [TestCase("null", false)]
    [TestCase("\"1767225660\"", false)]
    [TestCase("1e400", false)]
    [TestCase("null", true)]
    public void Inspect_ExpThatIsNotANumericDate_IsInvalid_NotValidForever(string exp, bool json)
    {
        var token = HostileInputs.Sign(HostileInputs.Hs256Header, "{\"sub\":\"42\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\",\"iat\":1767225600,\"exp\":" + exp + "}");

        var run = Cli.Execute(Key, json ? new[] { "inspect", token, "--now", Now, "--json" } : new[] { "inspect", token, "--now", Now });

        run.ExitCode.Should().Be(1);
        run.Stderr.Should().BeEmpty();
        if (json)
        {
            using var document = JsonDocument.Parse(run.Stdout);
            document.RootElement.GetProperty("expiry").GetString().Should().Be("invalid exp (see findings)");
        }
        else
        {
            run.Stdout.Should().Contain("\nexpiry     invalid exp (see findings)\n").And.NotContain("valid forever");
        }
    }

    [TestCase("inspect", "--now", "253402300800", "-62135596800 to 253402300799")]
    [TestCase("inspect", "--now", "-62135596801", "-62135596800 to 253402300799")]
    [TestCase("inspect", "--now", "9223372036854775807", "-62135596800 to 253402300799")]
    [TestCase("token", "--issued-at", "253402300799", "-62135596800 to 253402300739")]
    [TestCase("token", "--issued-at", "-9223372036854775808", "-62135596800 to 253402300739")]
    [TestCase("inspect", "--now", "99999999999999999999", "-62135596800 to 253402300799")]
    [TestCase("inspect", "--now", "-99999999999999999999", "-62135596800 to 253402300799")]
    [TestCase("token", "--issued-at", "99999999999999999999", "-62135596800 to 253402300739")]
    public void DateOutsideTheCalendar_IsAOneLineError(string command, string option, string value, string range)
    {
        var args = command == "inspect" ? new[] { "inspect", GoldenVectors.MinimalToken, option, value } : new[] { "token", option, value }.Concat(Jane).ToArray();

        var run = Cli.Execute(Key, args);

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Be("tribe-sso " + command + ": " + option + ": is outside the dates a token can carry. Pass Unix seconds from " + range + " (years 1 to 9999), such as 1767225600.\n");
    }

    [TestCase("99999999999")]
    [TestCase("-99999999999")]
    [TestCase("601")]
    [TestCase("0")]
    public void Token_LifetimeOutOfRange_IsAOneLineErrorNamingTheRange(string lifetime)
    {
        var run = Cli.Execute(Key, new[] { "token", "--lifetime", lifetime }.Concat(Jane).ToArray());

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Be("tribe-sso token: --lifetime: is outside 1 to 600 seconds: tokens travel in URLs that leak into logs and browser history. Keep the default of 60 unless clocks are far apart.\n");
    }

    [TestCase("token", "--lifetime", "soon", "the token lifetime in seconds, 1 to 600, such as 60")]
    [TestCase("token", "--issued-at", "1e9", "Unix seconds, such as 1767225600")]
    [TestCase("inspect", "--now", "yesterday", "Unix seconds, such as 1767225600")]
    public void NumberOptionThatIsNotAWholeNumber_IsAOneLineErrorNamingTheOption(string command, string option, string value, string expected)
    {
        var args = command == "inspect" ? new[] { "inspect", GoldenVectors.MinimalToken, option, value } : new[] { "token", option, value }.Concat(Jane).ToArray();

        var run = Cli.Execute(Key, args);

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Be("tribe-sso " + command + ": " + option + ": '" + value + "' is not a whole number. Pass " + expected + ". Run 'tribe-sso " + command + " --help'.\n");
    }

    [Test]
    public void Token_IssuedAtTheLastPossibleSecond_HasExpAtTheEndOfYear9999()
    {
        var run = Cli.Execute(Key, new[] { "token", "--issued-at", "253402300739" }.Concat(Jane).ToArray());

        run.ExitCode.Should().Be(0);
        Jwt.Payload(run.Stdout.Trim()).GetProperty("exp").GetInt64().Should().Be(253402300799);
    }

    [Test]
    public void Inspect_Text_EscapesControlC1AndBidiCharacters_InHeaderPayloadRedirectAndFindings()
    {
        var token = HostileInputs.Sign("{\"alg\":\"HS256\",\"typ\":\"JWT\u202E\u009B2J\"}", Payload("\"role\":\"\\u001b[2J\",\"title\":\"\u202Egnp.exe\""));
        var link = "https://community.example.com/auth/sso?jwt=" + token + "&redirect=/%1B%5B2J%E2%80%AE";

        var run = Cli.Execute(Key, "inspect", link, "--now", Now);

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().Contain("header     {\"alg\":\"HS256\",\"typ\":\"JWT\\u202E\\u009B2J\"}\n")
            .And.Contain("\"title\":\"\\u202Egnp.exe\"")
            .And.Contain("redirect   /\\u001B[2J\\u202E\n")
            .And.Contain("  - rejected: role '\\u001B[2J' is not member, moderator or admin\n");
        Unsafe(run.Stdout).Should().BeEmpty();
    }

    [Test]
    public void Inspect_Text_ShowsABackslashDoubled_SoWrittenEscapesCannotPassForEscapedCharacters()
    {
        // The six characters \u202E, written in the claim and in the redirect target, next to a real U+202E.
        var token = HostileInputs.Sign(HostileInputs.Hs256Header, Payload("\"role\":\"\\\\u202E\",\"title\":\"\u202E\""));
        var link = "https://community.example.com/auth/sso?jwt=" + token + "&redirect=/%5Cu202E%E2%80%AE";

        var run = Cli.Execute(Key, "inspect", link, "--now", Now);

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().Contain("\"role\":\"\\\\\\\\u202E\",\"title\":\"\\u202E\"}\n")
            .And.Contain("redirect   /\\\\u202E\\u202E\n")
            .And.Contain("  - rejected: role '\\\\u202E' is not member, moderator or admin\n");
    }

    [Test]
    public void Inspect_Json_EscapesTheSameCharacters_AndStillParsesToTheOriginalValues()
    {
        var token = HostileInputs.Sign("{\"alg\":\"HS256\",\"typ\":\"JWT\u202E\"}", Payload("\"role\":\"\\u001b[2J\""));
        var link = "https://community.example.com/auth/sso?jwt=" + token + "&redirect=/%1B%5B2J%E2%80%AE%C2%9B";

        var run = Cli.Execute(Key, "inspect", link, "--now", Now, "--json");

        run.ExitCode.Should().Be(1);
        Unsafe(run.Stdout).Should().BeEmpty();
        run.Stdout.Should().Contain("\\u202E").And.Contain("\\u001B").And.Contain("\\u009B");
        using var json = JsonDocument.Parse(run.Stdout);
        json.RootElement.GetProperty("header").GetProperty("typ").GetString().Should().Be("JWT\u202E");
        json.RootElement.GetProperty("redirect").GetString().Should().Be("/\u001B[2J\u202E\u009B");
        json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("message").GetString())
            .Should().Contain("role '\u001B[2J' is not member, moderator or admin");
    }

    [Test]
    public void ParseErrors_EchoArgumentsEscaped()
    {
        var run = Cli.Execute(Key, "inspect", GoldenVectors.MinimalToken, "--bogus", "\u001B]0;pwned\u0007\u202E");

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Be("tribe-sso inspect: Unrecognized command or argument '--bogus'. Unrecognized command or argument '\\u001B]0;pwned\\u0007\\u202E'. Run 'tribe-sso inspect --help'.\n");
    }

    [Test]
    public void Inspect_AnArgumentStartingWithAt_IsTakenAsGiven_NotAsAResponseFile()
    {
        var run = Cli.Execute(Key, "inspect", "@/etc/hostname");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Be("tribe-sso inspect: TOKEN_OR_URL: not a JWT: 1 segment; a signed JWT has 3 (header.payload.signature). Pass a token (three base64url segments) or a whole SSO link.\n");
    }

    [Test]
    public void KeyFile_ThatCannotBeRead_IsAOneLineError()
    {
        var run = Cli.Execute(null, new[] { "token", "--key-file", "/proc/self/mem" }.Concat(Jane).ToArray());

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("tribe-sso token: --key-file: the file '/proc/self/mem' cannot be read (").And.EndWith("). Pass the path of a readable file that holds the key.\n");
    }

    [Test]
    public void Link_ToCafeOnAnIdnCommunity_IsTheExactAsciiLink()
    {
        var run = Cli.Execute(Key, new[] { "link", "--community", "https://bücher.example", "--redirect", "/café", "--issued-at", "1767225600" }.Concat(Jane).ToArray());

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Be("https://xn--bcher-kva.example/auth/sso?jwt=" + GoldenVectors.MinimalToken + "&redirect=/caf%C3%A9\n");
    }

    [TestCase("--bio", "Claim 'bio' is 4001 characters long; at most 4000 are accepted, so that the link stays under 8,000 bytes. Shorten it.")]
    [TestCase("--redirect", "The redirect target makes the link 8,657 bytes long; servers and proxies commonly refuse more than 8,000. The largest parts are the redirect target (8,401 bytes), claim 'email' (about 36 bytes) and claim 'name' (about 24 bytes). Shorten them; docs/protocol.md#characters-and-sizes lists the limits.")]
    [TestCase("--sub", "Claim 'sub' contains an invisible or direction-changing character (U+200B) at index 1; it makes one value look like another. Remove it.")]
    [TestCase("--name", "Claim 'name' contains a bidi control character (U+202E) at index 4; it makes the text around it read in another order. Remove embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).")]
    public void Link_WhatTheLinkCannotCarry_IsAOneLineErrorNamingTheOption(string option, string message)
    {
        var args = option switch
        {
            "--bio" => Jane.Concat(new[] { "--bio", new string('b', 4001) }),
            "--redirect" => Jane.Concat(new[] { "--redirect", "/" + new string('é', 1400) }),
            "--sub" => new[] { "--sub", "4\u200B2", "--name", "Jane Doe", "--email", "jane@example.com" },
            _ => new[] { "--sub", "42", "--name", "Jane\u202EeoD", "--email", "jane@example.com" },
        };

        var run = Cli.Execute(Key, new[] { "link", "--community", "https://community.example.com", "--issued-at", "1767225600" }.Concat(args).ToArray());

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Be("tribe-sso link: " + option + ": " + message + "\n");
    }

    [Test]
    public void Token_Over8000Bytes_IsAOneLineErrorNamingTheLargestClaim()
    {
        var run = Cli.Execute(Key, new[] { "token", "--issued-at", "1767225600", "--bio", string.Concat(Enumerable.Repeat("漢字", 2000)) }.Concat(Jane).ToArray());

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("tribe-sso token: --bio: Claim 'bio' makes the token 16,").And.NotContain("漢字");
    }

    /// <summary>A seeded sample of the fuzz generators, run as processes: slower than the in-process fuzz, so a few dozen.</summary>
    [Test]
    public void Inspect_OnFuzzedInputs_ExitsWith0Or1Or2_WithoutAStackTrace_AndEchoesNothingRaw()
    {
        var inputs = Fuzz.Sample(
            Gen.Frequency((2, HostileInputs.Tokens), (1, HostileInputs.Links)).Select(ArgumentSafe).Where(s => s.Length is > 0 and < 100_000 && s[0] != '-'),
            count: 24);
        var exitCodes = new int[3];

        foreach (var input in inputs.Distinct())
        {
            foreach (var json in new[] { false, true })
            {
                var run = Cli.Execute(Key, json ? new[] { "inspect", input, "--now", Now, "--json" } : new[] { "inspect", input, "--now", Now });

                run.ExitCode.Should().BeInRange(0, 2, Fuzz.Escape(input));
                exitCodes[run.ExitCode]++;
                run.All.Should().NotContain("   at ").And.NotContain("Unhandled exception", Fuzz.Escape(input));
                Unsafe(run.Stdout + run.Stderr).Should().BeEmpty(Fuzz.Escape(input));
                if (run.ExitCode == 2)
                {
                    run.Stdout.Should().BeEmpty();
                    run.Stderr.TrimEnd('\n').Should().NotContain("\n");
                }
                else if (json)
                {
                    JsonDocument.Parse(run.Stdout).RootElement.GetProperty("accepted").GetBoolean().Should().Be(run.ExitCode == 0);
                }
            }
        }

        exitCodes[1].Should().BePositive("some inputs are readable tokens the community rejects");
        exitCodes[2].Should().BePositive("some inputs are unusable");
    }

    private static string Payload(string extra)
        => "{\"sub\":\"42\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\",\"iat\":1767225600,\"exp\":1767225660," + extra + "}";

    /// <summary>What no command line can carry: NUL, and lone surrogates (arguments travel as UTF-8).</summary>
    private static string ArgumentSafe(string input)
        => new(input.Where((c, i) => c != '\0' && (!char.IsSurrogate(c) || (char.IsHighSurrogate(c) ? i + 1 < input.Length && char.IsLowSurrogate(input[i + 1]) : i > 0 && char.IsHighSurrogate(input[i - 1])))).ToArray());

    /// <summary>The characters a terminal must not receive raw: C0 controls other than line feed, DEL, C1, and format characters other than ZWJ and ZWNJ.</summary>
    private static string Unsafe(string output)
        => new(output.Where((c, i) => (c < ' ' && c != '\n') || c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029'
            || (c is not ('\u200C' or '\u200D') && CharUnicodeInfo.GetUnicodeCategory(output, i) == UnicodeCategory.Format)).ToArray());
}
