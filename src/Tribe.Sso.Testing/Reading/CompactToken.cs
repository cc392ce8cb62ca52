using System;
using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Tribe.Sso.Testing;

/// <summary>
/// Stage 1 of a read: a compact JWS taken apart as strictly as the strictest common verifier: three segments, canonical
/// base64url (no padding, no whitespace, no '+' or '/', no stray bits), and a header and payload that are JSON objects
/// whose every string is valid UTF-16. Anything else is a <see cref="TribeSsoFindingCode.Malformed"/> finding.
/// </summary>
internal sealed class CompactToken
{
    private const int MaxJsonDepth = 64;

    private CompactToken(string token, string[] segments)
    {
        Token = token;
        Segments = segments;
    }

    public string Token { get; }

    public string[] Segments { get; }

    public string? HeaderJson { get; private set; }

    public string? PayloadJson { get; private set; }

    public JsonElement? Header { get; private set; }

    public JsonElement? Payload { get; private set; }

    /// <summary>The signature bytes, or null when the third segment is not canonical base64url.</summary>
    public byte[]? Signature { get; private set; }

    /// <summary>The signed bytes: the ASCII of <c>header.payload</c>.</summary>
    public byte[] SigningInput => Encoding.ASCII.GetBytes(Token.Substring(0, Segments[0].Length + 1 + Segments[1].Length));

    public static CompactToken? Parse(string token, FindingsCollector findings)
    {
        var segments = token.Split('.');
        if (segments.Length != 3)
        {
            findings.Malformed(segments.Length + (segments.Length == 1 ? " segment" : " segments") + "; a signed JWT has 3 (header.payload.signature)");
            return null;
        }

        var compact = new CompactToken(token, segments);
        (compact.HeaderJson, compact.Header) = DecodeObject(segments[0], "header", findings);
        (compact.PayloadJson, compact.Payload) = DecodeObject(segments[1], "payload", findings);
        compact.Signature = TryDecode(segments[2]);
        if (compact.Signature is null)
        {
            findings.Malformed("the signature is not canonical base64url (padding, whitespace, '+' or '/' are not accepted)");
        }

        return compact;
    }

    /// <summary>Decodes canonical base64url only: the alphabet A–Z a–z 0–9 '-' '_', no padding, and zero bits after the last byte.</summary>
    public static byte[]? TryDecode(string segment)
    {
        if (segment.Length % 4 == 1)
        {
            return null;
        }

        foreach (var c in segment)
        {
            if (!(c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_'))
            {
                return null;
            }
        }

        // The OperationStatus overload: DecodeFromChars and even TryDecodeFromChars throw on non-zero bits after the
        // last byte, and a reader never throws.
        var bytes = new byte[Base64Url.GetMaxDecodedLength(segment.Length)];
        if (Base64Url.DecodeFromChars(segment.AsSpan(), bytes, out _, out var written) != OperationStatus.Done)
        {
            return null;
        }

        Array.Resize(ref bytes, written);
        return Base64Url.EncodeToString(bytes) == segment ? bytes : null;
    }

    private static (string? Json, JsonElement? Element) DecodeObject(string segment, string part, FindingsCollector findings)
    {
        var bytes = TryDecode(segment);
        if (bytes is null)
        {
            findings.Malformed("the " + part + " is not canonical base64url");
            return (null, null);
        }

        var json = Encoding.UTF8.GetString(bytes);
        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxJsonDepth });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                findings.Malformed("the " + part + " is JSON but not an object");
                return (json, null);
            }

            if (!HasOnlyValidStrings(document.RootElement))
            {
                findings.Malformed("the " + part + " has a string escape that is a lone UTF-16 surrogate (such as \\ud800), which is not text");
                return (json, null);
            }

            return (json, document.RootElement.Clone());
        }
        catch (JsonException)
        {
            findings.Malformed("the " + part + " is not JSON (or nests deeper than " + MaxJsonDepth + " levels)");
            return (json, null);
        }
    }

    /// <summary>
    /// System.Text.Json parses <c>"\ud800"</c> but throws when the string is read; checking every name and string once
    /// here lets every later stage read strings without a guard.
    /// </summary>
    private static bool HasOnlyValidStrings(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String:
                    _ = element.GetString();
                    return true;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (!HasOnlyValidStrings(item))
                        {
                            return false;
                        }
                    }

                    return true;
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        _ = property.Name;
                        if (!HasOnlyValidStrings(property.Value))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
