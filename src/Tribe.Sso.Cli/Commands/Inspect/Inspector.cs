using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Tribe.Sso.Testing;

namespace Tribe.Sso.Cli;

/// <summary><c>inspect</c>: the Testing reader's verdict in plain words, or as JSON.</summary>
internal static class Inspector
{
    public static int Run(string input, string? keyText, long? now, bool json, TextWriter stdout)
    {
        TimeProvider clock = now is { } seconds ? new FixedTimeProvider(UnixTime.Parse("--now", seconds, latest: UnixTime.Max)) : TimeProvider.System;
        var result = Read(input, keyText, clock, out var keyNote);
        // The malformed finding's own message: the first rejection may be another one, such as an ambiguous link.
        if (result.Findings.FirstOrDefault(f => f.Code == TribeSsoFindingCode.Malformed) is { } malformed)
        {
            throw new CliException("TOKEN_OR_URL", malformed.Message + ". Pass a token (three base64url segments) or a whole SSO link.");
        }

        var refusal = RefusalOf(result);
        if (json)
        {
            WriteJson(result, refusal, keyNote, clock, stdout);
        }
        else
        {
            WriteText(result, refusal, keyNote, keyText is not null, clock, stdout);
        }

        return refusal is null ? 0 : 1;
    }

    /// <summary>
    /// Why the community would not follow the input as given, or null: a rejection, or an unsafe redirect target, which
    /// the reader only warns about (the token itself is fine) but which makes the link one the community does not follow.
    /// </summary>
    private static string? RefusalOf(TribeSsoReadResult result)
    {
        if (result.Rejection is { } rejection)
        {
            return rejection.Message;
        }

        return result.Findings.FirstOrDefault(f => f.Code == TribeSsoFindingCode.RedirectUnsafe) is { } redirect
            ? "the community would not follow this link as given: " + redirect.Message
            : null;
    }

    /// <summary>Verifies with the key exactly as given (short keys are padded as HMAC does); if that fails and the key has surrounding whitespace, says whether the trimmed key works.</summary>
    private static TribeSsoReadResult Read(string input, string? keyText, TimeProvider clock, out string? keyNote)
    {
        keyNote = null;
        var options = new TribeSsoTokenReaderOptions { TimeProvider = clock };
        var result = new TribeSsoTokenReader(keyText is null ? null : KeyAsGiven(keyText), options).Read(input);
        if (keyText is not null && result.SignatureStatus == TribeSsoSignatureStatus.Invalid && keyText.Trim() != keyText && keyText.Trim().Length > 0)
        {
            var trimmed = new TribeSsoTokenReader(KeyAsGiven(keyText.Trim()), options).Read(input);
            keyNote = trimmed.SignatureStatus == TribeSsoSignatureStatus.Valid
                ? "the key has surrounding whitespace; the token verifies with the trimmed key, so trim the key where you load it"
                : "the key has surrounding whitespace (the trimmed key does not verify the token either)";
        }

        return result;
    }

    private static TribeSsoKey KeyAsGiven(string keyText)
    {
        var bytes = Encoding.UTF8.GetBytes(keyText);
        Array.Resize(ref bytes, Math.Max(bytes.Length, TribeSsoKey.MinimumLength));
        return TribeSsoKey.FromBytes(bytes);
    }

    private static void WriteText(TribeSsoReadResult result, string? refusal, string? keyNote, bool hasKey, TimeProvider clock, TextWriter stdout)
    {
        var text = new StringBuilder();
        Line(text, "header", result.HeaderJson ?? "(undecodable)");
        Line(text, "payload", result.PayloadJson ?? "(undecodable)");
        Line(text, "signature", result.SignatureStatus switch
        {
            TribeSsoSignatureStatus.Valid => "valid (HS256)",
            TribeSsoSignatureStatus.Invalid => "INVALID: signed with another key or the key has surrounding whitespace, or the token was altered",
            _ => hasKey ? "not checked (the token is not HS256)" : "not checked (no key: set " + KeySource.EnvironmentVariable + " or pass --key-file)",
        });
        if (keyNote is not null)
        {
            Line(text, "key", keyNote);
        }

        Line(text, "expiry", Expiry(result, clock));
        if (result.RedirectPath is not null)
        {
            Line(text, "redirect", result.RedirectPath);
        }

        var findings = result.Findings.Where(f => f.Code != TribeSsoFindingCode.SignatureNotChecked).ToList();
        Line(text, "findings", findings.Count == 0 ? "none" : string.Empty);
        foreach (var finding in findings)
        {
            text.Append("  - ").Append(finding.Severity.ToString().ToLowerInvariant()).Append(": ").Append(TerminalText.EscapeEchoed(finding.Message)).Append('\n');
        }

        Line(text, "verdict", refusal is null
            ? (result.SignatureStatus == TribeSsoSignatureStatus.Valid ? "accepted" : "accepted if the signature is valid (not checked)")
            : "rejected: " + refusal);
        stdout.Write(text.ToString());
    }

    private static string Expiry(TribeSsoReadResult result, TimeProvider clock)
    {
        if (result.Claims?.ExpiresAt is not { } expires)
        {
            // An exp the reader could not read (null, a string, 1e400) is not a missing exp: it is rejected, not eternal.
            return result.Findings.Any(f => f.Code == TribeSsoFindingCode.ClaimInvalid && f.Claim == ClaimNames.Expires)
                ? "invalid exp (see findings)"
                : "no exp: valid forever";
        }

        var now = clock.GetUtcNow();
        var when = expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (expires >= now)
        {
            return "expires in " + Seconds(expires - now) + " (" + when + ")";
        }

        var withinLeeway = now - expires <= TribeSsoTokenReaderOptions.DefaultLeeway;
        return "expired " + Seconds(now - expires) + " ago (" + when + ")" + (withinLeeway ? ", still accepted within the community's 30 s leeway" : string.Empty);
    }

    private static string Seconds(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s";

    /// <summary>One line of the text output; the value is escaped, backslashes too, because it may come from the token.</summary>
    private static void Line(StringBuilder text, string label, string value)
        => text.Append(value.Length == 0 ? label : label.PadRight(10) + " " + TerminalText.EscapeEchoed(value)).Append('\n');

    private static void WriteJson(TribeSsoReadResult result, string? refusal, string? keyNote, TimeProvider clock, TextWriter stdout)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("accepted", refusal is null);
            WriteRaw(writer, "header", result.HeaderJson);
            WriteRaw(writer, "payload", result.PayloadJson);
            writer.WriteString("signature", result.SignatureStatus switch
            {
                TribeSsoSignatureStatus.Valid => "valid",
                TribeSsoSignatureStatus.Invalid => "invalid",
                _ => "not-checked",
            });
            if (keyNote is not null)
            {
                writer.WriteString("keyNote", keyNote);
            }

            writer.WriteString("expiry", Expiry(result, clock));
            if (result.Claims?.ExpiresAt is { } expires)
            {
                writer.WriteNumber("exp", expires.ToUnixTimeSeconds());
            }

            if (result.RedirectPath is not null)
            {
                writer.WriteString("redirect", TerminalText.WellFormed(result.RedirectPath));
            }

            writer.WriteStartArray("findings");
            foreach (var finding in result.Findings)
            {
                writer.WriteStartObject();
                writer.WriteString("code", finding.Code.ToString());
                writer.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
                if (finding.Claim is not null)
                {
                    writer.WriteString("claim", finding.Claim);
                }

                writer.WriteString("message", TerminalText.WellFormed(finding.Message));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        // The writer escapes C0 controls, but not C1 controls, bidi controls or invisible characters: escape them too.
        stdout.Write(TerminalText.EscapeJson(Encoding.UTF8.GetString(buffer.ToArray())) + "\n");
    }

    /// <summary>
    /// The decoded header or payload as JSON when it re-encodes cleanly, otherwise as a string. It is validated into a
    /// buffer of its own first, so a value the writer cannot encode (an escaped lone surrogate) never leaves the output
    /// half-written.
    /// </summary>
    private static void WriteRaw(Utf8JsonWriter writer, string name, string? json)
    {
        writer.WritePropertyName(name);
        if (json is null)
        {
            writer.WriteNullValue();
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            using var scratch = new MemoryStream();
            using (var check = new Utf8JsonWriter(scratch))
            {
                document.RootElement.WriteTo(check);
            }

            document.RootElement.WriteTo(writer);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            writer.WriteStringValue(TerminalText.WellFormed(json));
        }
    }
}
