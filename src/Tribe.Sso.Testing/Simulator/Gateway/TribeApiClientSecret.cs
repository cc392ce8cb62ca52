using System;
using System.Text;

namespace Tribe.Sso.Testing;

/// <summary>
/// The client secret of an app installed on a simulated community, the password half of the HTTP Basic credentials that
/// <c>limitedToken</c> takes. Held like a key: never shown by <see cref="ToString"/>, never part of a message.
/// </summary>
public sealed class TribeApiClientSecret
{
    private readonly byte[] _utf8;

    private TribeApiClientSecret(byte[] utf8) => _utf8 = utf8;

    /// <summary>Wraps a client secret, such as the value of <c>TRIBE_API_CLIENT_SECRET</c>.</summary>
    /// <param name="secret">The secret: at least one character, no ':' (it would end the Basic credentials' user part otherwise).</param>
    /// <returns>The secret.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="secret"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="secret"/> is empty or white space.</exception>
    public static TribeApiClientSecret FromString(string secret)
    {
        Guard.NotNull(secret, nameof(secret));
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new ArgumentException("The API client secret is empty; give the secret of the app installed on the community.", nameof(secret));
        }

        return new TribeApiClientSecret(Encoding.UTF8.GetBytes(secret));
    }

    /// <summary>Never shows the secret.</summary>
    /// <returns><c>TribeApiClientSecret (hidden)</c>.</returns>
    public override string ToString() => "TribeApiClientSecret (hidden)";

    /// <summary>Compares in time that depends only on the lengths, so a caller cannot find the secret byte by byte.</summary>
    internal bool Matches(ReadOnlySpan<byte> candidate)
    {
        var difference = candidate.Length ^ _utf8.Length;
        for (var i = 0; i < candidate.Length; i++)
        {
            difference |= candidate[i] ^ _utf8[i % _utf8.Length];
        }

        return difference == 0;
    }
}
