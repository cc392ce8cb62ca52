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
}
