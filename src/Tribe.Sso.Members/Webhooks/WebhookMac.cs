using System;
using System.Buffers;
using System.Security.Cryptography;
#if NETSTANDARD2_0
using System.Threading;
#endif

namespace Tribe.Sso.Members;

/// <summary>
/// The one computation both sides of a delivery share: HMAC-SHA256, keyed with the secret's UTF-8 bytes, over the ASCII
/// timestamp, a colon and the raw body. Cost: one HMAC over <c>body + 14</c> bytes and one pooled copy of the body (so
/// the message is one contiguous span for the one-shot HMAC); no allocation on net10.0 once the pool is warm.
/// </summary>
internal static class WebhookMac
{
    public const int Length = 32;

    /// <summary>The longest timestamp read: 18 digits always fit a <see cref="long"/> (milliseconds need 13 until the year 2286).</summary>
    public const int MaxTimestampDigits = 18;

#if NETSTANDARD2_0
    [ThreadStatic]
    private static HMACSHA256? _hmac;

    [ThreadStatic]
    private static byte[]? _hmacKey;
#endif

    /// <summary>
    /// Writes the MAC of <c>timestamp:body</c> into <paramref name="mac"/> (32 bytes). The timestamp is the header's text
    /// as received (ASCII digits, already checked): the sender signed its text, so a leading zero is kept, never re-written.
    /// </summary>
    public static void Compute(byte[] key, ReadOnlySpan<char> timestamp, ReadOnlySpan<byte> body, Span<byte> mac)
    {
        var prefix = timestamp.Length + 1;
        var length = prefix + body.Length;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            for (var i = 0; i < timestamp.Length; i++)
            {
                buffer[i] = (byte)timestamp[i];
            }

            buffer[timestamp.Length] = (byte)':';
            body.CopyTo(buffer.AsSpan(prefix));
#if NETSTANDARD2_0
            var hmac = _hmac;
            if (hmac is null || !ReferenceEquals(_hmacKey, key))
            {
                hmac?.Dispose();
                hmac = _hmac = new HMACSHA256(key);
                _hmacKey = key;
            }

            hmac.ComputeHash(buffer, 0, length).CopyTo(mac);
#else
            HMACSHA256.HashData(key, buffer.AsSpan(0, length), mac);
#endif
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The lowercase hex text of a MAC, as the signature header carries it.</summary>
    public static string ToHex(ReadOnlySpan<byte> mac)
    {
        const string digits = "0123456789abcdef";
        var chars = new char[mac.Length * 2];
        for (var i = 0; i < mac.Length; i++)
        {
            chars[2 * i] = digits[mac[i] >> 4];
            chars[(2 * i) + 1] = digits[mac[i] & 0xF];
        }

        return new string(chars);
    }

    /// <summary>Decodes 64 lowercase hex digits; false for any other length or character (uppercase included: the community writes lowercase).</summary>
    public static bool TryDecodeHex(ReadOnlySpan<char> hex, Span<byte> mac)
    {
        if (hex.Length != Length * 2)
        {
            return false;
        }

        var bad = 0;
        for (var i = 0; i < Length; i++)
        {
            var high = Nibble(hex[2 * i]);
            var low = Nibble(hex[(2 * i) + 1]);
            bad |= high | low;
            mac[i] = (byte)((high << 4) | low);
        }

        return bad >= 0;
    }

    /// <summary>The value of a lowercase hex digit, or -1.</summary>
    private static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };

    /// <summary>Reads a timestamp header: 1 to 18 ASCII digits, nothing else (no sign, space or fraction).</summary>
    public static bool TryParseTimestamp(ReadOnlySpan<char> text, out long milliseconds)
    {
        milliseconds = 0;
        if (text.Length is 0 or > MaxTimestampDigits)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            milliseconds = (milliseconds * 10) + (c - '0');
        }

        return true;
    }
}
