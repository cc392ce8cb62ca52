using System;
using System.Globalization;
using System.IO;
using Tribe.Sso.Members;

namespace Tribe.Sso.Cli;

/// <summary>
/// The verdict on a delivery captured from a request log or a proxy: its two header values and its raw body, checked
/// by <see cref="TribeWebhookVerifier"/> exactly as a receiver checks them.
/// </summary>
internal static class CapturedDelivery
{
    /// <summary>Far above any delivery (receivers refuse bodies over 1 MB); a bigger input is not a delivery.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    private static readonly long LastMillisecond = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>The body of <c>--body-file</c>, or of stdin when it is not a terminal; the bytes as they are, nothing trimmed.</summary>
    public static byte[] ReadBody(FileInfo? file)
    {
        if (file is null)
        {
            if (!Console.IsInputRedirected)
            {
                throw new CliException("--body-file", "no body: pass the captured body with --body-file FILE, or pipe it on stdin.");
            }

            using var stdin = Console.OpenStandardInput();
            return ReadBounded(stdin, "stdin");
        }

        try
        {
            using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read);
            return ReadBounded(stream, "the file '" + file.FullName + "'");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CliException("--body-file", "the file '" + file.FullName + "' cannot be read (" + e.Message + "). Pass the path of a readable file that holds the captured body.");
        }
    }

    /// <summary>The clock of the check: now, <c>--now</c>, or with <c>--ignore-time</c> the delivery's own timestamp.</summary>
    public static TimeProvider Clock(long? now, bool ignoreTime, string timestamp)
    {
        if (now is not null && ignoreTime)
        {
            throw new CliException("--now", "and --ignore-time do not go together: --ignore-time checks the signature at the delivery's own time.");
        }

        if (now is { } milliseconds)
        {
            return milliseconds >= 0 && milliseconds <= LastMillisecond
                ? new FixedTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds))
                : throw new CliException("--now", "is outside the years 1970 to 9999. Pass milliseconds since the Unix epoch, as in the timestamp header, such as 1767225600000.");
        }

        return ignoreTime && SignedAt(timestamp) is { } sent ? new FixedTimeProvider(sent) : TimeProvider.System;
    }

    /// <summary>Prints the verdict: <c>valid: …</c> or <c>refused: Reason: …</c>; 0 valid, 1 refused.</summary>
    public static int Report(TribeWebhookVerification verdict, string timestamp, byte[] body, bool ignoreTime, TextWriter stdout)
    {
        var signed = SignedAt(timestamp) is { } at ? " Signed at " + at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + "." : string.Empty;
        if (verdict.IsValid)
        {
            stdout.Write("valid: " + (ignoreTime ? "The signature matches (the time was not checked: --ignore-time)." : verdict.Message) + signed + "\n");
            return 0;
        }

        var hint = verdict.Refusal == TribeWebhookRefusal.WrongSignature && body.Length > 0 && body[^1] == (byte)'\n'
            ? " The body ends with a line break: if it was added when the body was saved (echo, an editor), remove it (printf '%s')."
            : verdict.Refusal switch
            {
                TribeWebhookRefusal.Stale => " For a delivery captured earlier, --ignore-time checks the signature alone, or --now MS checks it at another time.",
                TribeWebhookRefusal.FromTheFuture => " --ignore-time checks the signature alone, or --now MS checks it at another time.",
                _ => string.Empty,
            };
        stdout.Write("refused: " + verdict.Refusal + ": " + verdict.Message + signed + hint + "\n");
        return 1;
    }

    /// <summary>The timestamp as an instant, when it is one (the SDK reads up to 18 digits; a date past 9999 is none).</summary>
    private static DateTimeOffset? SignedAt(string timestamp)
        => timestamp.Length is > 0 and <= 18 && long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds <= LastMillisecond
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : null;

    private static byte[] ReadBounded(Stream stream, string source)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                throw new CliException("--body-file", source + " holds more than " + (MaxBodyBytes / 1024 / 1024) + " MB, which is not a webhook delivery.");
            }
        }

        return buffer.ToArray();
    }
}
