using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Tribe.Sso.StackExchangeRedis.Tests;

/// <summary>
/// The community's side of a delivery, written without the SDK: a member event and its signature, lowercase hex
/// HMAC-SHA256 of <c>timestamp:rawBody</c> keyed with the app's signing secret, the way the community's own apps check it.
/// </summary>
internal static class Community
{
    public const string Secret = "whsec-test-0123456789-abcdefghij";
    public const string Path = "/community/webhooks";

    public static string MemberUpdated(string id, int padTo = 0)
    {
        var body = "{\"networkId\":\"net1\",\"context\":\"NETWORK\",\"entityId\":\"net1\",\"currentSettings\":[],\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"" + id
            + "\",\"name\":\"member.updated\",\"noun\":\"MEMBER\",\"verb\":\"UPDATED\",\"time\":\"2026-12-04T12:00:00.000Z\",\"actor\":{\"id\":\"m1\",\"roleType\":\"admin\"},"
            + "\"object\":{\"id\":\"m1\",\"externalId\":\"42\",\"email\":\"jane@example.com\",\"name\":\"Jane Doe\",\"status\":\"VERIFIED\",\"tagline\":\"{pad}\"},"
            + "\"target\":{\"networkId\":\"net1\",\"memberId\":\"m1\"}}}";
        return body.Replace("{pad}", new string('x', Math.Max(0, padTo - body.Length + 5)), StringComparison.Ordinal);
    }

    public static string Sign(string timestamp, byte[] body)
    {
        var message = Encoding.ASCII.GetBytes(timestamp + ":").Concat(body).ToArray();
        return Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), message)).ToLowerInvariant();
    }

    /// <summary>A delivery of <paramref name="body"/> signed now: a retry is signed anew, as the community does.</summary>
    public static HttpRequestMessage Delivery(Uri instance, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(instance, Path)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Bettermode-Signature", Sign(timestamp, bytes));
        request.Headers.Add("X-Bettermode-Request-Timestamp", timestamp);
        return request;
    }
}
