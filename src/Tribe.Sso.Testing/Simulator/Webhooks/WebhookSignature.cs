using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tribe.Sso.Testing;

/// <summary>
/// How the community signs a delivery: <c>X-Bettermode-Signature</c> is the lowercase hex HMAC-SHA256, keyed with the
/// UTF-8 bytes of the app's signing secret, of the UTF-8 bytes of <c>&lt;timestamp&gt;:</c> followed by the raw body;
/// <c>X-Bettermode-Request-Timestamp</c> is that timestamp, in milliseconds since the Unix epoch. Written here on its
/// own (the Testing package does not reference the receiving side), so the two sides check each other.
/// </summary>
internal static class WebhookSignature
{
    public const string SignatureHeader = "X-Bettermode-Signature";

    public const string TimestampHeader = "X-Bettermode-Request-Timestamp";

    /// <summary>The signature of <paramref name="body"/> sent at <paramref name="timestamp"/>.</summary>
    public static string Sign(string secret, long timestamp, byte[] body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ":");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message, prefix.Length);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Hex(hmac.ComputeHash(message));
    }

    /// <summary>Lowercase hexadecimal, two digits a byte (netstandard2.0 has no Convert.ToHexStringLower).</summary>
    public static string Hex(byte[] bytes)
    {
        const string Digits = "0123456789abcdef";
        var text = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            text.Append(Digits[b >> 4]).Append(Digits[b & 0xF]);
        }

        return text.ToString();
    }
}
