using System;
using System.Security.Cryptography;

namespace Tribe.Sso.Members;

/// <summary>
/// Checks that a webhook delivery comes from the community and is fresh: the signature header must be the lowercase hex
/// HMAC-SHA256 of <c>timestamp:rawBody</c> under the app's signing secret, and the timestamp (milliseconds since the
/// Unix epoch) within <see cref="Tolerance"/> of now, in either direction. Immutable and thread-safe: create one per
/// secret and share it.
/// </summary>
/// <remarks>
/// <para>
/// Verify the body exactly as received, before parsing it: JSON re-serialised by any library changes bytes (spacing,
/// escapes, number forms) and fails, as it should. The comparison is in constant time over the decoded MAC.
/// </para>
/// <para>
/// <see cref="Verify(string, string, ReadOnlySpan{byte})"/> never throws on its input: a missing, malformed, stale or
/// wrong header is a verdict, not an exception. A valid delivery costs one HMAC-SHA256 over the body and allocates nothing.
/// </para>
/// </remarks>
public sealed class TribeWebhookVerifier
{
    /// <summary>The default tolerance: 5 minutes, what the community's own apps allow (its docs say at most 15).</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private readonly TribeWebhookSecret _secret;
    private readonly TimeProvider _time;
    private readonly long _toleranceMilliseconds;

    /// <summary>Creates a verifier for one app's signing secret.</summary>
    /// <param name="secret">The app's signing secret.</param>
    /// <param name="timeProvider">The clock that says what "now" is; null means the system clock.</param>
    /// <param name="tolerance">How far a timestamp may be from now, either way; null means <see cref="DefaultTolerance"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tolerance"/> is not between one second and one hour.</exception>
    public TribeWebhookVerifier(TribeWebhookSecret secret, TimeProvider? timeProvider = null, TimeSpan? tolerance = null)
    {
        _secret = Guard.NotNull(secret, nameof(secret));
        _time = timeProvider ?? TimeProvider.System;
        Tolerance = tolerance ?? DefaultTolerance;
        if (Tolerance < TimeSpan.FromSeconds(1) || Tolerance > TimeSpan.FromHours(1))
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), Tolerance, "The tolerance must be between one second and one hour; the community's own apps use 5 minutes.");
        }

        _toleranceMilliseconds = (long)Tolerance.TotalMilliseconds;
    }

    /// <summary>How far a delivery's timestamp may be from now, in either direction.</summary>
    public TimeSpan Tolerance { get; }

    /// <summary>Checks a delivery's headers against its raw body.</summary>
    /// <param name="signature">The <see cref="TribeWebhookHeaders.Signature"/> header (or the legacy one), or null when absent.</param>
    /// <param name="timestamp">The <see cref="TribeWebhookHeaders.Timestamp"/> header (or the legacy one), or null when absent.</param>
    /// <param name="rawBody">The body's bytes exactly as received.</param>
    /// <returns>The verdict; never throws on input.</returns>
    public TribeWebhookVerification Verify(string? signature, string? timestamp, ReadOnlySpan<byte> rawBody)
    {
        Span<byte> claimed = stackalloc byte[WebhookMac.Length];
        if (Headers(signature, timestamp, claimed, out var sent) is { } refused)
        {
            return refused;
        }

        Span<byte> expected = stackalloc byte[WebhookMac.Length];
        WebhookMac.Compute(_secret.Key, timestamp.AsSpan(), rawBody, expected);
        var refusal = FixedTimeEquals(expected, claimed) ? TribeWebhookRefusal.None : TribeWebhookRefusal.WrongSignature;
        return new TribeWebhookVerification(refusal, sent, hasTimestamp: true);
    }

    /// <summary>
    /// Checks what can be checked before the body arrives: both headers present, well-formed, and the timestamp inside
    /// the tolerance. A receiver that reads the body only after this passes holds no memory for a request that could
    /// never verify. <see cref="Verify(string, string, ReadOnlySpan{byte})"/> repeats these checks.
    /// </summary>
    /// <param name="signature">The signature header, or null when absent.</param>
    /// <param name="timestamp">The timestamp header, or null when absent.</param>
    /// <returns>Null when the headers pass (verify the body next); otherwise the refusal. Never throws on input.</returns>
    public TribeWebhookVerification? CheckHeaders(string? signature, string? timestamp)
    {
        Span<byte> claimed = stackalloc byte[WebhookMac.Length];
        return Headers(signature, timestamp, claimed, out _);
    }

    /// <summary>Checks a delivery's headers against its raw body.</summary>
    /// <param name="signature">The signature header, or null when absent.</param>
    /// <param name="timestamp">The timestamp header, or null when absent.</param>
    /// <param name="rawBody">The body's bytes exactly as received; null is read as an empty body.</param>
    /// <returns>The verdict; never throws on input.</returns>
    public TribeWebhookVerification Verify(string? signature, string? timestamp, byte[]? rawBody)
        => Verify(signature, timestamp, new ReadOnlySpan<byte>(rawBody)); // a null array is the empty span, so no branch is needed

    /// <summary>Returns a description that never contains the secret.</summary>
    /// <returns>The tolerance, for example <c>TribeWebhookVerifier { Tolerance = 00:05:00 }</c>.</returns>
    public override string ToString() => "TribeWebhookVerifier { Tolerance = " + Tolerance + " }";

    /// <summary>The header checks, in order; the window before any HMAC, so a stale delivery costs none and a replay is refused whatever its signature.</summary>
    private TribeWebhookVerification? Headers(string? signature, string? timestamp, Span<byte> claimed, out long sent)
    {
        sent = 0;
        if (string.IsNullOrEmpty(signature))
        {
            return Refuse(TribeWebhookRefusal.MissingSignature);
        }

        if (string.IsNullOrEmpty(timestamp))
        {
            return Refuse(TribeWebhookRefusal.MissingTimestamp);
        }

        if (!WebhookMac.TryDecodeHex(signature.AsSpan(), claimed))
        {
            return Refuse(TribeWebhookRefusal.MalformedSignature);
        }

        if (!WebhookMac.TryParseTimestamp(timestamp.AsSpan(), out sent))
        {
            return Refuse(TribeWebhookRefusal.MalformedTimestamp);
        }

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        return sent < now - _toleranceMilliseconds ? new TribeWebhookVerification(TribeWebhookRefusal.Stale, sent, hasTimestamp: true)
            : sent > now + _toleranceMilliseconds ? new TribeWebhookVerification(TribeWebhookRefusal.FromTheFuture, sent, hasTimestamp: true)
            : null;
    }

    private static TribeWebhookVerification Refuse(TribeWebhookRefusal refusal) => new(refusal, 0, hasTimestamp: false);

    private static bool FixedTimeEquals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
#if NETSTANDARD2_0
    {
        var difference = 0;
        for (var i = 0; i < left.Length; i++)
        {
            difference |= left[i] ^ right[i];
        }

        return difference == 0;
    }
#else
        => CryptographicOperations.FixedTimeEquals(left, right);
#endif
}
