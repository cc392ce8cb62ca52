using System;
using System.Diagnostics;
using System.Text;
using System.Threading;
using Microsoft.IdentityModel.Tokens;

namespace Tribe.Sso;

/// <summary>
/// The community's SSO private key: the secret shown by the "JWT SSO" app in the community's admin panel,
/// used as an HS256 (HMAC-SHA-256) key.
/// </summary>
/// <remarks>
/// <para>
/// Every sample Tribe publishes signs with the UTF-8 bytes of the key string as shown; so does
/// <see cref="FromString"/>. There is no base64 or hex decoding.
/// </para>
/// <para>
/// The key is checked when it is created: RFC 7518 §3.2 requires an HS256 key of at least 256 bits (32 bytes),
/// and a key with surrounding whitespace is refused as a copy/paste accident. <see cref="ToString"/>, the debugger
/// display and every exception message hide the key.
/// </para>
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class TribeSsoKey
{
    /// <summary>The minimum HS256 key size in bytes (256 bits, RFC 7518 §3.2).</summary>
    public const int MinimumLength = 32;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private readonly byte[] _bytes;

    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    private JwsSigner? _verifier;

    private TribeSsoKey(byte[] bytes, bool isShortCommunityKey)
    {
        _bytes = bytes;
        IsShortCommunityKey = isShortCommunityKey;
    }

    /// <summary>
    /// Gets a value indicating whether this key was created from a key shorter than <see cref="MinimumLength"/> bytes
    /// through <see cref="FromShortCommunityKey"/>.
    /// </summary>
    public bool IsShortCommunityKey { get; }

    /// <summary>Creates a key from the string shown in the community's "JWT SSO" app (its UTF-8 bytes are the HMAC key).</summary>
    /// <param name="key">The key exactly as shown in the admin panel.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="TribeSsoKeyException">The key is empty, has surrounding whitespace, contains an invalid UTF-16 sequence, or is shorter than 32 bytes in UTF-8.</exception>
    public static TribeSsoKey FromString(string key) => FromStringCore(key, allowShort: false);

    /// <summary>Creates a key from raw bytes (copied; later changes to <paramref name="key"/> have no effect).</summary>
    /// <param name="key">The key bytes.</param>
    /// <returns>The key.</returns>
    /// <exception cref="TribeSsoKeyException">The key is shorter than 32 bytes.</exception>
    public static TribeSsoKey FromBytes(ReadOnlySpan<byte> key)
    {
        if (key.Length < MinimumLength)
        {
            throw TooShort(key.Length, "byte");
        }

        return new TribeSsoKey(key.ToArray(), isShortCommunityKey: false);
    }

    /// <summary>
    /// Creates a key from a community key string that is shorter than the 32 bytes RFC 7518 §3.2 requires, as an explicit
    /// opt-in for communities that issued such a key. Prefer asking the community admin to generate a longer key.
    /// </summary>
    /// <remarks>
    /// The key is zero-padded to 32 bytes before it reaches the HMAC implementation (which refuses short keys).
    /// HMAC pads every key shorter than its 64-byte block with zeros, so the signatures are byte-identical to those
    /// made with the original short key, and the community verifies them as usual.
    /// </remarks>
    /// <param name="key">The key exactly as shown in the admin panel.</param>
    /// <returns>The key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
    /// <exception cref="TribeSsoKeyException">The key is empty, has surrounding whitespace or contains an invalid UTF-16 sequence.</exception>
    public static TribeSsoKey FromShortCommunityKey(string key) => FromStringCore(key, allowShort: true);

    /// <summary>
    /// Checks, in constant time, that <paramref name="signature"/> is the HS256 (HMAC-SHA-256) signature of
    /// <paramref name="signingInput"/> under this key. This is how the community checks a token.
    /// </summary>
    /// <param name="signingInput">The signed bytes: for a compact JWT, the ASCII of <c>header.payload</c>.</param>
    /// <param name="signature">The signature: for a compact JWT, the base64url-decoded third segment (32 bytes).</param>
    /// <returns>True when the signature matches; false otherwise, including when it is not 32 bytes long.</returns>
    public bool VerifySignature(ReadOnlySpan<byte> signingInput, ReadOnlySpan<byte> signature)
    {
        var verifier = LazyInitializer.EnsureInitialized(ref _verifier, () => new JwsSigner(this))!;
        return verifier.Verify(signingInput.ToArray(), signingInput.Length, signature.ToArray());
    }

    /// <summary>Returns a description that never contains key material.</summary>
    /// <returns>The text <c>TribeSsoKey (hidden)</c>.</returns>
    public override string ToString() => "TribeSsoKey (hidden)";

    /// <summary>Creates the HMAC-SHA-256 signature provider over this key; the caller owns it.</summary>
    internal SignatureProvider CreateSignatureProvider()
        => new SymmetricSignatureProvider(new PinnedSymmetricSecurityKey(_bytes), SecurityAlgorithms.HmacSha256);

    private static TribeSsoKey FromStringCore(string key, bool allowShort)
    {
        Guard.NotNull(key, nameof(key));
        if (key.Length == 0)
        {
            throw new TribeSsoKeyException(
                "The SSO private key is empty. Copy the key from the \"JWT SSO\" app in the community's admin panel into your configuration or secret store.");
        }

        if (char.IsWhiteSpace(key[0]) || char.IsWhiteSpace(key[key.Length - 1]))
        {
            throw new TribeSsoKeyException(
                "The SSO private key starts or ends with whitespace, which is almost always a copy/paste accident and would sign with a different key than the community's. Trim it where it is loaded (configuration, environment variable or file).");
        }

        byte[] bytes;
        try
        {
            bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetBytes(key);
        }
        catch (EncoderFallbackException)
        {
            throw new TribeSsoKeyException(
                "The SSO private key contains an unpaired UTF-16 surrogate, so it has no UTF-8 form the community could share. Copy the key again from the \"JWT SSO\" app.");
        }

        if (bytes.Length >= MinimumLength)
        {
            return new TribeSsoKey(bytes, isShortCommunityKey: false);
        }

        if (!allowShort)
        {
            Array.Clear(bytes, 0, bytes.Length);
            throw TooShort(bytes.Length, "UTF-8 byte");
        }

        var padded = new byte[MinimumLength];
        bytes.CopyTo(padded, 0);
        Array.Clear(bytes, 0, bytes.Length);
        return new TribeSsoKey(padded, isShortCommunityKey: true);
    }

    private static TribeSsoKeyException TooShort(int length, string unit) => new(TextRules.Invariant(
        $"The SSO private key is {length} {unit}{(length == 1 ? string.Empty : "s")} long; HS256 requires at least {MinimumLength} bytes (256 bits, RFC 7518 §3.2). Copy the whole key from the community's \"JWT SSO\" app. If the community really issued a shorter key, opt in with TribeSsoKey.FromShortCommunityKey(...) and ask the community admin to generate a longer one."));
}
