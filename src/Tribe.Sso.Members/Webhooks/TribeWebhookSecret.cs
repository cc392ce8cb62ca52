using System;
using System.Text;

namespace Tribe.Sso.Members;

/// <summary>
/// The signing secret of a community app: the HMAC-SHA256 key of its webhook deliveries, shown with the app's
/// credentials in the community's developer portal.
/// </summary>
/// <remarks>
/// The community keys the HMAC with the UTF-8 bytes of the secret as shown; so does <see cref="FromString"/>. A secret
/// with surrounding whitespace is refused as a copy/paste accident. <see cref="ToString"/> and every message hide it.
/// </remarks>
public sealed class TribeWebhookSecret
{
    private readonly byte[] _key;

    private TribeWebhookSecret(byte[] key) => _key = key;

    /// <summary>Creates the secret from the string the community shows (its UTF-8 bytes are the HMAC key).</summary>
    /// <param name="secret">The signing secret exactly as shown.</param>
    /// <returns>The secret.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is null.</exception>
    /// <exception cref="ArgumentException">The secret is empty, has surrounding whitespace or holds an invalid UTF-16 sequence.</exception>
    public static TribeWebhookSecret FromString(string secret)
    {
        Guard.NotNull(secret, nameof(secret));
        if (secret.Length == 0)
        {
            throw new ArgumentException("The webhook signing secret is empty: copy the app's signing secret from the community's developer portal.", nameof(secret));
        }

        if (char.IsWhiteSpace(secret[0]) || char.IsWhiteSpace(secret[secret.Length - 1]))
        {
            throw new ArgumentException("The webhook signing secret starts or ends with whitespace: copy it again without the surrounding spaces or line break.", nameof(secret));
        }

        try
        {
            return new TribeWebhookSecret(new UTF8Encoding(false, throwOnInvalidBytes: true).GetBytes(secret));
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException("The webhook signing secret holds an invalid UTF-16 sequence (a lone surrogate): copy it again.", nameof(secret));
        }
    }

    /// <summary>The HMAC key. Internal: no public member gives the secret back.</summary>
    internal byte[] Key => _key;

    /// <summary>Returns a description that never contains the secret.</summary>
    /// <returns>The text <c>TribeWebhookSecret (hidden)</c>.</returns>
    public override string ToString() => "TribeWebhookSecret (hidden)";
}
