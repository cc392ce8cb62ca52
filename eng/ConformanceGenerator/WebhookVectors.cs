using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tribe.Sso.Members;

namespace Tribe.Sso.ConformanceGenerator;

/// <summary>
/// webhooks.json: deliveries as a receiver gets them (headers and the body's exact text, UTF-8 on the wire) and what it
/// must answer, at a fixed "now". Signed by <see cref="TribeWebhookSigner"/>; headers the signer never writes (odd
/// timestamps, prefixes) are MACed with the BCL over their exact text, so only their shape is wrong. Every vector is
/// checked against <see cref="TribeWebhookVerifier"/> before it is written.
/// </summary>
internal static class WebhookVectors
{
    /// <summary>A test secret: never use it for a community app.</summary>
    public const string Secret = "tribe-sso-conformance-webhook-secret-not-secret";

    /// <summary>2026-01-01T00:00:00Z in milliseconds.</summary>
    public const long Now = 1_767_225_600_000;

    private const long Tolerance = 300_000;

    private const string TestBody = "{\"networkId\":\"net-conformance\",\"context\":\"NETWORK\",\"currentSettings\":[],\"type\":\"TEST\",\"data\":{\"challenge\":\"c-1f6e2a9b\"}}";

    private const string MemberBody = "{\"networkId\":\"net-conformance\",\"context\":\"NETWORK\",\"entityId\":\"net-conformance\",\"currentSettings\":[],\"type\":\"SUBSCRIPTION\","
        + "\"data\":{\"id\":\"ev-7a1c\",\"name\":\"member.updated\",\"noun\":\"MEMBER\",\"verb\":\"UPDATED\",\"time\":\"2026-01-01T00:00:00.000Z\","
        + "\"actor\":{\"id\":\"m-admin\",\"roleType\":\"admin\"},\"target\":{\"networkId\":\"net-conformance\",\"memberId\":\"m-1\"},"
        + "\"object\":{\"id\":\"m-1\",\"externalId\":\"42\",\"email\":\"zoe@example.com\",\"name\":\"Zoë Ünal 😀\",\"status\":\"VERIFIED\"},"
        + "\"oldObject\":{\"id\":\"m-1\",\"externalId\":\"42\",\"email\":\"zoe.old@example.com\",\"name\":\"Zoë\",\"status\":\"VERIFIED\"}}}";

    private static readonly TribeWebhookSecret Key = TribeWebhookSecret.FromString(Secret);

    public static JsonObject Generate()
    {
        var verifier = new TribeWebhookVerifier(Key, new FixedTime(Now));
        var vectors = new JsonArray();
        foreach (var (name, headers, body, verdict) in Definitions())
        {
            var bodyBytes = Encoding.UTF8.GetBytes(body);
            var (signature, timestamp) = Pick(headers);
            var actual = verifier.Verify(signature, timestamp, bodyBytes);
            var said = actual.IsValid ? "valid" : actual.Refusal.ToString();
            if (said != verdict)
            {
                throw new InvalidOperationException($"Webhook vector '{name}': the SDK says {said}, not {verdict}.");
            }

            var headerObject = new JsonObject();
            foreach (var (header, value) in headers)
            {
                headerObject[header] = value;
            }

            vectors.Add(new JsonObject { ["name"] = name, ["headers"] = headerObject, ["body"] = body, ["verdict"] = verdict, ["status"] = verdict == "valid" ? 200 : 401 });
        }

        return new JsonObject
        {
            ["secret"] = Secret,
            ["now"] = Now,
            ["nowUtc"] = DateTimeOffset.FromUnixTimeMilliseconds(Now).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["toleranceMilliseconds"] = Tolerance,
            ["bodyEncoding"] = "UTF-8",
            ["vectors"] = vectors,
        };
    }

    private static IEnumerable<(string Name, (string, string)[] Headers, string Body, string Verdict)> Definitions()
    {
        var reIndented = JsonNode.Parse(MemberBody)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        var reEscaped = JsonNode.Parse(MemberBody)!.ToJsonString();
        var tampered = MemberBody.Replace("\"externalId\":\"42\",\"email\":\"zoe@", "\"externalId\":\"43\",\"email\":\"zoe@", StringComparison.Ordinal);

        yield return ("valid: the community's TEST request", Signed(TestBody, Now), TestBody, "valid");
        yield return ("valid: a member.updated event with non-ASCII text (its UTF-8 bytes are signed)", Signed(MemberBody, Now), MemberBody, "valid");
        yield return ("valid: a body ending in a line break (the exact bytes, line break included)", Signed(TestBody + "\n", Now), TestBody + "\n", "valid");
        yield return ("valid: the legacy X-Tribe-* headers of older Tribe apps", Legacy(Signed(TestBody, Now)), TestBody, "valid");
        yield return ("valid: header names in lower case (HTTP header names are case-insensitive)", Lower(Signed(TestBody, Now)), TestBody, "valid");
        yield return ("valid: X-Bettermode-* headers are read, X-Tribe-* ones beside them ignored", [.. Signed(TestBody, Now), (TribeWebhookHeaders.LegacySignature, new string('0', 64)), (TribeWebhookHeaders.LegacyTimestamp, "1")], TestBody, "valid");
        yield return ("valid: exactly 5 minutes old, the oldest accepted", Signed(TestBody, Now - Tolerance), TestBody, "valid");
        yield return ("stale: 5 minutes and 1 millisecond old", Signed(TestBody, Now - Tolerance - 1), TestBody, "Stale");
        yield return ("valid: exactly 5 minutes ahead, the furthest accepted", Signed(TestBody, Now + Tolerance), TestBody, "valid");
        yield return ("future: 5 minutes and 1 millisecond ahead", Signed(TestBody, Now + Tolerance + 1), TestBody, "FromTheFuture");
        yield return ("stale: the same delivery replayed a day later", Signed(MemberBody, Now - 86_400_000), MemberBody, "Stale");
        yield return ("stale: seconds since the epoch instead of milliseconds", Headers(Mac("1767225600", TestBody), "1767225600"), TestBody, "Stale");
        yield return ("wrong secret: signed with another app's signing secret", Headers(Mac(Millis(Now), TestBody, "another-apps-secret"), Millis(Now)), TestBody, "WrongSignature");
        yield return ("tampered body: one byte changed after signing (externalId 42 to 43)", Signed(MemberBody, Now), tampered, "WrongSignature");
        yield return ("re-serialised body: the JSON parsed and written again, indented", Signed(MemberBody, Now), reIndented, "WrongSignature");
        yield return ("re-serialised body: the JSON parsed and written again, non-ASCII escaped as \\uXXXX", Signed(MemberBody, Now), reEscaped, "WrongSignature");
        yield return ("wrong signature: another timestamp inside the window put on a signed delivery", Headers(Sign(TestBody, Now).Signature, Millis(Now - 1000)), TestBody, "WrongSignature");
        yield return ("wrong signature: the MAC of the body alone, without the timestamp", Headers(Hex(Encoding.UTF8.GetBytes(TestBody)), Millis(Now)), TestBody, "WrongSignature");
        yield return ("wrong signature: the MAC of timestamp and body without the ':'", Headers(Hex(Encoding.UTF8.GetBytes(Millis(Now) + TestBody)), Millis(Now)), TestBody, "WrongSignature");
        yield return ("malformed signature: upper-case hex", Headers(Sign(TestBody, Now).Signature.ToUpperInvariant(), Millis(Now)), TestBody, "MalformedSignature");
        yield return ("malformed signature: a 'sha256=' prefix", Headers("sha256=" + Sign(TestBody, Now).Signature, Millis(Now)), TestBody, "MalformedSignature");
        yield return ("malformed signature: 63 hex digits", Headers(Sign(TestBody, Now).Signature[..63], Millis(Now)), TestBody, "MalformedSignature");
        yield return ("malformed signature: base64 instead of hex", Headers(Convert.ToBase64String(Convert.FromHexString(Sign(TestBody, Now).Signature)), Millis(Now)), TestBody, "MalformedSignature");
        yield return ("malformed timestamp: a plus sign (MAC over the text as sent)", Headers(Mac("+1767225600000", TestBody), "+1767225600000"), TestBody, "MalformedTimestamp");
        yield return ("malformed timestamp: a fraction (MAC over the text as sent)", Headers(Mac("1767225600000.0", TestBody), "1767225600000.0"), TestBody, "MalformedTimestamp");
        yield return ("malformed timestamp: an ISO 8601 date (MAC over the text as sent)", Headers(Mac("2026-01-01T00:00:00Z", TestBody), "2026-01-01T00:00:00Z"), TestBody, "MalformedTimestamp");
        yield return ("malformed timestamp: 19 digits", Headers(Mac("0001767225600000000", TestBody), "0001767225600000000"), TestBody, "MalformedTimestamp");
        yield return ("missing: no signature header", [(TribeWebhookHeaders.Timestamp, Millis(Now))], TestBody, "MissingSignature");
        yield return ("missing: no timestamp header", [(TribeWebhookHeaders.Signature, Sign(TestBody, Now).Signature)], TestBody, "MissingTimestamp");
        yield return ("missing: neither header", [], TestBody, "MissingSignature");
        yield return ("missing: an empty signature header", Headers(string.Empty, Millis(Now)), TestBody, "MissingSignature");
    }

    private static TribeWebhookSignature Sign(string body, long milliseconds)
        => new TribeWebhookSigner(Key).Sign(Encoding.UTF8.GetBytes(body), DateTimeOffset.FromUnixTimeMilliseconds(milliseconds));

    private static (string, string)[] Signed(string body, long milliseconds)
    {
        var signed = Sign(body, milliseconds);
        return Headers(signed.Signature, signed.Timestamp);
    }

    private static (string, string)[] Headers(string signature, string timestamp) => [(TribeWebhookHeaders.Signature, signature), (TribeWebhookHeaders.Timestamp, timestamp)];

    private static (string, string)[] Legacy((string, string)[] headers)
        => Array.ConvertAll(headers, h => (h.Item1 == TribeWebhookHeaders.Signature ? TribeWebhookHeaders.LegacySignature : TribeWebhookHeaders.LegacyTimestamp, h.Item2));

    private static (string, string)[] Lower((string, string)[] headers) => Array.ConvertAll(headers, h => (h.Item1.ToLowerInvariant(), h.Item2));

    /// <summary>The wire rule with the BCL, for header text the signer never writes.</summary>
    private static string Mac(string timestamp, string body, string secret = Secret)
        => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + ":" + body)));

    private static string Hex(byte[] message) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), message));

    private static string Millis(long milliseconds) => milliseconds.ToString(CultureInfo.InvariantCulture);

    /// <summary>The headers a receiver reads: X-Bettermode-* when either is present, else X-Tribe-*; names case-insensitive.</summary>
    private static (string? Signature, string? Timestamp) Pick((string Name, string Value)[] headers)
    {
        string? Find(string name)
        {
            var i = Array.FindIndex(headers, h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase));
            return i < 0 ? null : headers[i].Value;
        }

        return Find(TribeWebhookHeaders.Signature) is not null || Find(TribeWebhookHeaders.Timestamp) is not null
            ? (Find(TribeWebhookHeaders.Signature), Find(TribeWebhookHeaders.Timestamp))
            : (Find(TribeWebhookHeaders.LegacySignature), Find(TribeWebhookHeaders.LegacyTimestamp));
    }

    /// <summary>The vectors' fixed "now".</summary>
    private sealed class FixedTime(long milliseconds) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
    }
}
