using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Tribe.Sso;

/// <summary>
/// Makes compact HS256 JWS strings. There is no unsigned path: every output has three segments and a 43-character
/// signature, computed by a Microsoft.IdentityModel signature provider that is created once and shared (it pools its HMACs).
/// </summary>
internal sealed class JwsSigner
{
    /// <summary>base64url of <c>{"alg":"HS256","typ":"JWT"}</c>.</summary>
    public static readonly byte[] Hs256Header = Encoding.ASCII.GetBytes("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9");

    public const int SignatureLength = 32;
    public const int EncodedSignatureLength = 43;

    private readonly SignatureProvider _provider;

    public JwsSigner(TribeSsoKey key) => _provider = key.CreateSignatureProvider();

    /// <summary>The length of the compact token for a payload of <paramref name="payloadLength"/> bytes.</summary>
    public static int GetTokenLength(int encodedHeaderLength, int payloadLength)
        => encodedHeaderLength + 1 + Base64Url.GetEncodedLength(payloadLength) + 1 + EncodedSignatureLength;

    /// <summary>Signs <c>header.base64url(payload)</c> and returns the compact token.</summary>
    /// <param name="encodedHeader">The already base64url-encoded header, ASCII.</param>
    /// <param name="payloadJson">The payload JSON, UTF-8.</param>
    public string CreateCompact(ReadOnlySpan<byte> encodedHeader, ReadOnlySpan<byte> payloadJson)
    {
        var length = GetTokenLength(encodedHeader.Length, payloadJson.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            WriteCompact(encodedHeader, payloadJson, buffer, 0);
            return Encoding.ASCII.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Writes the compact token (ASCII) into <paramref name="buffer"/> at <paramref name="offset"/>; the caller makes room
    /// for <see cref="GetTokenLength"/> bytes. Returns the number of bytes written.
    /// </summary>
    public int WriteCompact(ReadOnlySpan<byte> encodedHeader, ReadOnlySpan<byte> payloadJson, byte[] buffer, int offset)
    {
        var payloadLength = Base64Url.GetEncodedLength(payloadJson.Length);
        var signingInputLength = encodedHeader.Length + 1 + payloadLength;
        var span = buffer.AsSpan(offset, signingInputLength + 1 + EncodedSignatureLength);
        encodedHeader.CopyTo(span);
        span[encodedHeader.Length] = (byte)'.';
        Base64Url.EncodeToUtf8(payloadJson, span.Slice(encodedHeader.Length + 1, payloadLength));
        span[signingInputLength] = (byte)'.';

        Span<byte> mac = stackalloc byte[SignatureLength];
        Sign(buffer, offset, signingInputLength, mac);
        Base64Url.EncodeToUtf8(mac, span.Slice(signingInputLength + 1));
        return span.Length;
    }

    /// <summary>
    /// Checks an HS256 signature over the first <paramref name="length"/> bytes of <paramref name="buffer"/>, in constant
    /// time (Microsoft.IdentityModel compares without early exit).
    /// </summary>
    public bool Verify(byte[] buffer, int length, byte[] signature)
        => signature.Length == SignatureLength && _provider.Verify(buffer, 0, length, signature, 0, signature.Length);

    /// <summary>Computes the HMAC-SHA-256 of <paramref name="length"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/> into <paramref name="mac"/> (32 bytes).</summary>
    public void Sign(byte[] buffer, int offset, int length, Span<byte> mac)
    {
#if NETSTANDARD2_0
        // The netstandard2.0 build of Microsoft.IdentityModel signs arrays only.
        var signature = _provider.Sign(buffer, offset, length);
        var signed = signature.Length == SignatureLength;
        if (signed)
        {
            signature.AsSpan().CopyTo(mac);
        }

#else
        var signed = _provider.Sign(buffer.AsSpan(offset, length), mac, out var written) && written == SignatureLength;
#endif
        if (!signed)
        {
            throw new InvalidOperationException("The HS256 signature provider did not produce a 32-byte signature.");
        }
    }
}
