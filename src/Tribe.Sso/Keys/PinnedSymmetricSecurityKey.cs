using Microsoft.IdentityModel.Tokens;

namespace Tribe.Sso;

/// <summary>
/// A <see cref="SymmetricSecurityKey"/> that hands the signature provider its own array instead of a copy.
/// <c>SymmetricSecurityKey.Key</c> clones the key on every call, and <c>SymmetricSignatureProvider.Sign</c> reads it on
/// every signature: 72 bytes of garbage per token for a 48-byte key. The provider only passes the array to the HMAC
/// constructor, which copies it, and this key never leaves <see cref="JwsSigner"/>.
/// </summary>
internal sealed class PinnedSymmetricSecurityKey : SymmetricSecurityKey
{
    private readonly byte[] _key;

    public PinnedSymmetricSecurityKey(byte[] key)
        : base(key) => _key = key;

    public override byte[] Key => _key;

    /// <summary>The base class prints a thumbprint of the key; this prints nothing about it.</summary>
    public override string ToString() => "TribeSsoKey (hidden)";
}
