using System;

namespace Tribe.Sso.Members;

/// <summary>The verdict on one webhook delivery: valid, or refused and why. A value: verifying allocates nothing.</summary>
/// <remarks>Neither <see cref="Message"/> nor <see cref="ToString"/> ever holds the secret, the signature or the body.</remarks>
public readonly struct TribeWebhookVerification : IEquatable<TribeWebhookVerification>
{
    /// <summary>The last millisecond <see cref="DateTimeOffset"/> holds (9999-12-31T23:59:59.999Z); a header may say more (18 digits).</summary>
    private const long MaxTimestampMilliseconds = 253_402_300_799_999;

    private readonly long _timestampMilliseconds;
    private readonly bool _hasTimestamp;

    internal TribeWebhookVerification(TribeWebhookRefusal refusal, long timestampMilliseconds, bool hasTimestamp)
    {
        Refusal = refusal;
        _timestampMilliseconds = timestampMilliseconds;

        // A timestamp past the year 9999 is refused as from the future, but has no DateTimeOffset: reading it must not throw.
        _hasTimestamp = hasTimestamp && timestampMilliseconds <= MaxTimestampMilliseconds;
    }

    /// <summary>Gets a value indicating whether the delivery is authentic and within the tolerance.</summary>
    /// <remarks>False for <c>default(TribeWebhookVerification)</c>, which no verifier returns: a verdict never set fails closed.</remarks>
    public bool IsValid => Refusal == TribeWebhookRefusal.None && _hasTimestamp;

    /// <summary>Why the delivery was refused; <see cref="TribeWebhookRefusal.None"/> when it is valid.</summary>
    public TribeWebhookRefusal Refusal { get; }

    /// <summary>The delivery's timestamp when it could be read, whatever the verdict; otherwise (or past the year 9999) null.</summary>
    public DateTimeOffset? Timestamp => _hasTimestamp ? DateTimeOffset.FromUnixTimeMilliseconds(_timestampMilliseconds) : null;

    /// <summary>What the verdict means and what to check, in one sentence.</summary>
    public string Message => Refusal switch
    {
        TribeWebhookRefusal.None when !_hasTimestamp => "No delivery was verified: this verdict is the default value, not one a verifier returned.",
        TribeWebhookRefusal.None => "The delivery is authentic and fresh.",
        TribeWebhookRefusal.MissingSignature => "The delivery has no X-Bettermode-Signature (or X-Tribe-Signature) header.",
        TribeWebhookRefusal.MissingTimestamp => "The delivery has no X-Bettermode-Request-Timestamp (or X-Tribe-Request-Timestamp) header.",
        TribeWebhookRefusal.MalformedSignature => "The signature header is not 64 lowercase hexadecimal digits.",
        TribeWebhookRefusal.MalformedTimestamp => "The timestamp header is not a whole number of milliseconds since the Unix epoch.",
        TribeWebhookRefusal.Stale => "The timestamp is older than the tolerance: a replayed or long-delayed delivery, seconds sent instead of milliseconds, or a clock behind.",
        TribeWebhookRefusal.FromTheFuture => "The timestamp is further ahead than the tolerance: check this server's clock.",
        TribeWebhookRefusal.WrongSignature => "The signature does not match: another app's signing secret, or a body changed on the way (verify the raw bytes as received, never re-serialised JSON).",
        _ => "The delivery was refused.",
    };

    /// <summary>Determines whether two verdicts are the same.</summary>
    /// <param name="left">One verdict.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when both have the same refusal and timestamp.</returns>
    public static bool operator ==(TribeWebhookVerification left, TribeWebhookVerification right) => left.Equals(right);

    /// <summary>Determines whether two verdicts differ.</summary>
    /// <param name="left">One verdict.</param>
    /// <param name="right">The other.</param>
    /// <returns>True when the refusal or the timestamp differs.</returns>
    public static bool operator !=(TribeWebhookVerification left, TribeWebhookVerification right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(TribeWebhookVerification other)
        => Refusal == other.Refusal && _hasTimestamp == other._hasTimestamp && _timestampMilliseconds == other._timestampMilliseconds;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is TribeWebhookVerification other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => ((int)Refusal * 397) ^ _timestampMilliseconds.GetHashCode();

    /// <summary>The verdict in words: <c>valid</c> or the refusal's name, never the signature or the body.</summary>
    /// <returns>For example <c>TribeWebhookVerification { Refusal = Stale }</c>.</returns>
    public override string ToString() => "TribeWebhookVerification { Refusal = " + Refusal + " }";
}
