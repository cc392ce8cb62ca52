using System;
using System.Text;
using System.Text.Json;

namespace Tribe.Sso.TestSupport;

/// <summary>Reads compact JWTs with nothing but the BCL, independently of the code under test.</summary>
public static class Jwt
{
    public static string[] Segments(string token) => token.Split('.');

    public static string HeaderJson(string token) => DecodeSegment(Segments(token)[0]);

    public static string PayloadJson(string token) => DecodeSegment(Segments(token)[1]);

    public static JsonElement Payload(string token)
    {
        using var document = JsonDocument.Parse(PayloadJson(token));
        return document.RootElement.Clone();
    }

    public static string DecodeSegment(string segment) => Encoding.UTF8.GetString(Base64UrlDecode(segment));

    public static byte[] Base64UrlDecode(string segment)
    {
        var base64 = segment.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        return Convert.FromBase64String(base64);
    }

    public static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
