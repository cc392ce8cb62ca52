using System;
using System.Buffers.Text;
using System.Text.Json;

namespace Tribe.Sso.Members;

/// <summary>
/// Reads <c>exp</c> from an access token's payload to know when to renew it. The token is not validated: the
/// community checks its own tokens, and the client only needs the date.
/// </summary>
internal static class JwtExpiry
{
    private const int MaxTokenLength = 16 * 1024;

    /// <returns>The expiry, or null when the token is not a JWT with a numeric <c>exp</c>.</returns>
    public static DateTimeOffset? Read(string token)
    {
        if (token.Length > MaxTokenLength)
        {
            return null;
        }

        var first = token.IndexOf('.');
        var second = first < 0 ? -1 : token.IndexOf('.', first + 1);
        if (second < 0)
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(token.AsSpan(first + 1, second - first - 1));
            var exp = JsonSerializer.Deserialize(payload, MembersJsonContext.Default.JwtPayload)?.Exp;
            return exp is { } seconds && !double.IsNaN(seconds) && seconds > 0 && seconds < DateTimeOffset.MaxValue.ToUnixTimeSeconds()
                ? DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000))
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
