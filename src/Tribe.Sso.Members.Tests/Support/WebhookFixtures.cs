using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Tribe.Sso.Members.Tests.Support;

/// <summary>
/// The webhook tests' fixed secret, clock and bodies, and an HMAC computed with the BCL alone (independently of the code
/// under test) so a test can sign headers the SDK's signer would never write (leading zeros, seconds, prefixes).
/// </summary>
public static class WebhookFixtures
{
    public const string SecretText = "tribe-webhook-test-secret-not-secret";

    /// <summary>2026-01-01T00:00:00Z in milliseconds since the Unix epoch (the golden vectors' instant).</summary>
    public const long NowMilliseconds = 1_767_225_600_000;

    public const string Now = "1767225600000";

    /// <summary>A string planted in bodies: no message or description may ever show it.</summary>
    public const string Marker = "PLANTED-MARKER-7f3a";

    public const string TestBody = "{\"networkId\":\"net-1\",\"context\":\"NETWORK\",\"currentSettings\":[],\"type\":\"TEST\",\"data\":{\"challenge\":\"c-7d1f\"}}";

    public static readonly DateTimeOffset Instant = DateTimeOffset.FromUnixTimeMilliseconds(NowMilliseconds);

    public static TribeWebhookSecret Secret => TribeWebhookSecret.FromString(SecretText);

    public static FakeTimeProvider Clock() => new(Instant);

    public static TribeWebhookVerifier Verifier(TimeSpan? tolerance = null) => new(Secret, Clock(), tolerance);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The lowercase hex HMAC-SHA256 of <c>timestamp:body</c>, keyed with the secret's UTF-8 bytes: the wire rule, written with the BCL.</summary>
    public static string Mac(string timestamp, byte[] body, string secret = SecretText)
    {
        var message = new byte[timestamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(timestamp, message);
        message[timestamp.Length] = (byte)':';
        body.CopyTo(message, timestamp.Length + 1);
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    public static string Mac(string timestamp, string body, string secret = SecretText) => Mac(timestamp, Utf8(body), secret);

    public static string Millis(long milliseconds) => milliseconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>A SUBSCRIPTION delivery of a member event; <paramref name="oldObject"/> is raw JSON or null.</summary>
    public static string MemberEvent(string name, string objectJson, string? oldObject = null, string id = "ev-1")
        => "{\"networkId\":\"net-1\",\"context\":\"NETWORK\",\"entityId\":\"net-1\",\"currentSettings\":[],\"type\":\"SUBSCRIPTION\",\"data\":{"
           + "\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"noun\":\"MEMBER\",\"verb\":\"UPDATED\",\"time\":\"2026-01-01T00:00:00.000Z\","
           + "\"actor\":{\"id\":\"admin-1\",\"roleType\":\"admin\"},\"target\":{\"networkId\":\"net-1\",\"memberId\":\"m1\"},"
           + "\"object\":" + objectJson + (oldObject is null ? string.Empty : ",\"oldObject\":" + oldObject) + "}}";

    public static string Member(string id = "m1", string externalId = "42", string email = "jane@example.com", string name = "Jane Doe", string status = "VERIFIED")
        => "{\"id\":\"" + id + "\",\"externalId\":\"" + externalId + "\",\"email\":\"" + email + "\",\"name\":\"" + name + "\",\"status\":\"" + status + "\"}";

    /// <summary>A SUBSCRIPTION delivery of a space membership event; <paramref name="target"/> and <paramref name="objectJson"/> are raw JSON.</summary>
    public static string SpaceEvent(string name, string target, string objectJson = "null")
        => "{\"networkId\":\"net-1\",\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"ev-2\",\"name\":\"" + name + "\",\"target\":" + target + ",\"object\":" + objectJson + "}}";
}
