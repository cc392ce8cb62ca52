using System;
using System.Globalization;

namespace Tribe.Sso.Members;

/// <summary>
/// Signs a delivery as the community does, for tests and tools that play the community: the signature is the lowercase
/// hex HMAC-SHA256 of <c>timestamp:rawBody</c>, the timestamp the clock's milliseconds since the Unix epoch.
/// </summary>
/// <remarks>A receiver never needs this type; it exists so a partner's tests can send deliveries their endpoint must accept.</remarks>
public sealed class TribeWebhookSigner
{
    private readonly TribeWebhookSecret _secret;
    private readonly TimeProvider _time;

    /// <summary>Creates a signer for one app's signing secret.</summary>
    /// <param name="secret">The app's signing secret.</param>
    /// <param name="timeProvider">The clock of the timestamps; null means the system clock.</param>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is null.</exception>
    public TribeWebhookSigner(TribeWebhookSecret secret, TimeProvider? timeProvider = null)
    {
        _secret = Guard.NotNull(secret, nameof(secret));
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Signs a body now.</summary>
    /// <param name="rawBody">The exact bytes that will be sent.</param>
    /// <returns>The two header values.</returns>
    public TribeWebhookSignature Sign(ReadOnlySpan<byte> rawBody) => Sign(rawBody, _time.GetUtcNow());

    /// <summary>Signs a body with a given timestamp (a stale or future one, for a receiver's negative tests).</summary>
    /// <param name="rawBody">The exact bytes that will be sent.</param>
    /// <param name="timestamp">The time to sign; before the Unix epoch is refused.</param>
    /// <returns>The two header values.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="timestamp"/> is before the Unix epoch.</exception>
    public TribeWebhookSignature Sign(ReadOnlySpan<byte> rawBody, DateTimeOffset timestamp)
    {
        var milliseconds = timestamp.ToUnixTimeMilliseconds();
        if (milliseconds < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(timestamp), "A webhook timestamp counts milliseconds since the Unix epoch; it cannot be before 1970.");
        }

        var text = milliseconds.ToString(CultureInfo.InvariantCulture);
        Span<byte> mac = stackalloc byte[WebhookMac.Length];
        WebhookMac.Compute(_secret.Key, text.AsSpan(), rawBody, mac);
        return new TribeWebhookSignature(WebhookMac.ToHex(mac), text);
    }

    /// <summary>Returns a description that never contains the secret.</summary>
    /// <returns>The text <c>TribeWebhookSigner (secret hidden)</c>.</returns>
    public override string ToString() => "TribeWebhookSigner (secret hidden)";
}
