using System.Text;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Reading;

/// <summary>Hand-made and altered tokens, built with the BCL only.</summary>
internal static class Tokens
{
    public static string Segment(string json) => Jwt.Base64UrlEncode(Encoding.UTF8.GetBytes(json));

    /// <summary>Replaces the payload of a signed token, keeping its header and signature (a tampered token).</summary>
    public static string WithPayload(string token, JsonObject payload)
    {
        var parts = Jwt.Segments(token);
        return parts[0] + "." + Segment(payload.ToJsonString()) + "." + parts[2];
    }

    /// <summary>Replaces the header, keeping payload and signature.</summary>
    public static string WithHeader(string token, string headerJson)
    {
        var parts = Jwt.Segments(token);
        return Segment(headerJson) + "." + parts[1] + "." + parts[2];
    }

    public static JsonObject PayloadOf(string token) => JsonNode.Parse(Jwt.PayloadJson(token))!.AsObject();

    /// <summary>
    /// Signs raw header and payload text with the BCL's HMAC, as any issuer could: the text is taken as is, so it may hold
    /// what no JSON object model can (an escaped lone surrogate, a repeated name, <c>null</c> dates).
    /// </summary>
    public static string Sign(string headerJson, string payloadJson, string key = TestKeys.Primary)
    {
        var signingInput = Segment(headerJson) + "." + Segment(payloadJson);
        return signingInput + "." + Signature(signingInput, key);
    }

    /// <summary>Signs a raw payload under the standard HS256 header.</summary>
    public static string Sign(string payloadJson) => Sign(Hs256Header, payloadJson);

    /// <summary>The canonical signature segment of <paramref name="signingInput"/>: base64url of its HMAC-SHA-256, computed independently of the SDK.</summary>
    public static string Signature(string signingInput, string key = TestKeys.Primary)
    {
        using var hmac = new System.Security.Cryptography.HMACSHA256(TestKeys.Bytes(key));
        return Jwt.Base64UrlEncode(hmac.ComputeHash(Encoding.ASCII.GetBytes(signingInput)));
    }

    public const string Hs256Header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    /// <summary>A payload for Jane at the fixed clock, with <paramref name="extra"/> raw JSON members appended (such as <c>"exp":null</c>, which then repeats exp).</summary>
    public static string JanePayload(string extra = "", long? exp = TestClock.UnixSeconds + 60)
        => "{\"sub\":\"42\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\",\"iat\":" + TestClock.UnixSeconds
           + (exp is { } e ? ",\"exp\":" + e : string.Empty) + (extra.Length == 0 ? string.Empty : "," + extra) + "}";
}
