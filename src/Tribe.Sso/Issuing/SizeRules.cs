using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace Tribe.Sso;

/// <summary>
/// The size rule of what the issuer writes: a token or link travels in a request line and a <c>Location</c> header, and
/// servers and proxies commonly refuse more than 8 KB, so anything over 8,000 bytes is refused at once, with the largest
/// parts named (never their values) so the caller knows what to shorten. See docs/protocol.md#characters-and-sizes.
/// </summary>
internal static class SizeRules
{
    public const int MaxBytes = 8000;

    /// <summary>
    /// The exception for a token or link of <paramref name="length"/> bytes: a <see cref="TribeSsoClaimException"/> naming
    /// the largest claim, or a <see cref="TribeSsoRedirectException"/> when the redirect target is the largest part.
    /// </summary>
    /// <param name="what"><c>token</c> or <c>link</c>.</param>
    /// <param name="length">The bytes it would take.</param>
    /// <param name="payloadJson">The payload it would carry.</param>
    /// <param name="encodedRedirectLength">The bytes of the percent-encoded redirect target in the link, or 0.</param>
    public static TribeSsoException TooLarge(string what, int length, ReadOnlySpan<byte> payloadJson, int encodedRedirectLength)
    {
        var parts = ClaimSizes(payloadJson);
        if (encodedRedirectLength > 0)
        {
            parts.Add((null, "the redirect target", encodedRedirectLength));
        }

        var largest = parts.OrderByDescending(p => p.Bytes).Take(3).ToList();
        var list = string.Join(", ", largest.Take(largest.Count - 1).Select(Describe))
            + (largest.Count > 1 ? " and " : string.Empty) + Describe(largest[largest.Count - 1]);
        var rule = TextRules.Invariant($"makes the {what} {length:N0} bytes long; servers and proxies commonly refuse more than {MaxBytes:N0}. The largest parts are {list}. Shorten them; docs/protocol.md#characters-and-sizes lists the limits.");
        return largest[0].Claim is { } claim
            ? new TribeSsoClaimException(claim, "Claim '" + claim + "' " + rule)
            : new TribeSsoRedirectException("The redirect target " + rule);
    }

    private static string Describe((string? Claim, string Label, int Bytes) part)
        => TextRules.Invariant($"{part.Label} ({(part.Claim is null ? string.Empty : "about ")}{part.Bytes:N0} bytes)");

    /// <summary>The bytes each claim takes in the token: its <c>"name":value,</c> in the JSON, times 4/3 for base64url.</summary>
    private static List<(string? Claim, string Label, int Bytes)> ClaimSizes(ReadOnlySpan<byte> payloadJson)
    {
        var sizes = new List<(string? Claim, string Label, int Bytes)>();
        var reader = new Utf8JsonReader(payloadJson);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var start = reader.TokenStartIndex;
            var name = reader.GetString()!;
            reader.Skip(); // from a property name, Skip reads its value and everything inside it
            var jsonBytes = reader.BytesConsumed - start + 1;
            sizes.Add((name, "claim '" + name + "'", (int)((jsonBytes * 4 + 2) / 3)));
        }

        return sizes;
    }
}
