using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Tribe.Sso.Members.Tests.Webhooks;

/// <summary>
/// conformance/webhooks.json (docs/conformance.md), read back both ways: every vector gets its verdict and status from
/// <see cref="TribeWebhookVerifier"/> at the file's "now", every valid one is signed again to the same header, and the
/// Node receiver of interop/webhooks.mjs, written from the wire rule alone, gives every vector the same verdict.
/// </summary>
public class WebhookConformanceTests
{
    private static readonly JsonObject Document = JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "conformance", "webhooks.json")))!.AsObject();

    private static TribeWebhookSecret Secret => TribeWebhookSecret.FromString(Document["secret"]!.GetValue<string>());

    private static DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds(Document["now"]!.GetValue<long>());

    public static IEnumerable<TestCaseData> WebhookVectors() => Vectors().Select(v => new TestCaseData(v).SetName("webhook: " + v["name"]));

    [TestCaseSource(nameof(WebhookVectors))]
    public void WebhookVector_HasItsVerdictAndStatus(JsonObject vector)
    {
        var (signature, timestamp) = Pick(vector["headers"]!.AsObject());
        var verifier = new TribeWebhookVerifier(Secret, new FakeTimeProvider(Now), TimeSpan.FromMilliseconds(Document["toleranceMilliseconds"]!.GetValue<long>()));

        var verdict = verifier.Verify(signature, timestamp, Body(vector));

        (verdict.IsValid ? "valid" : verdict.Refusal.ToString()).Should().Be(vector["verdict"]!.GetValue<string>());
        (verdict.IsValid ? 200 : 401).Should().Be(vector["status"]!.GetValue<int>());
    }

    [TestCaseSource(nameof(WebhookVectors))]
    public void WebhookVector_WhenValid_IsWhatTheSignerWritesAtItsTimestamp(JsonObject vector)
    {
        var (signature, timestamp) = Pick(vector["headers"]!.AsObject());
        if (vector["verdict"]!.GetValue<string>() != "valid")
        {
            vector["status"]!.GetValue<int>().Should().Be(401, "every refused delivery is answered 401");
            return;
        }

        var signed = new TribeWebhookSigner(Secret).Sign(Body(vector), DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(timestamp!, System.Globalization.CultureInfo.InvariantCulture)));

        signed.Signature.Should().Be(signature);
        signed.Timestamp.Should().Be(timestamp);
        vector["status"]!.GetValue<int>().Should().Be(200);
    }

    [Test]
    public void Document_CoversWhatTheDocumentationPromises()
    {
        var vectors = Vectors().ToList();
        Document["now"]!.GetValue<long>().Should().Be(1_767_225_600_000);
        Document["nowUtc"]!.GetValue<string>().Should().Be("2026-01-01T00:00:00.000Z");
        Document["toleranceMilliseconds"]!.GetValue<long>().Should().Be((long)TribeWebhookVerifier.DefaultTolerance.TotalMilliseconds);
        Document["bodyEncoding"]!.GetValue<string>().Should().Be("UTF-8");
        vectors.Select(v => v["verdict"]!.GetValue<string>()).Distinct().Should().BeEquivalentTo(
            Enum.GetValues<TribeWebhookRefusal>().Where(r => r != TribeWebhookRefusal.None).Select(r => r.ToString()).Append("valid"), "every refusal has a vector");
        vectors.Should().Contain(v => v["headers"]!.AsObject().Any(h => h.Key == TribeWebhookHeaders.LegacySignature) && v["verdict"]!.GetValue<string>() == "valid");
        vectors.Select(v => v["name"]!.GetValue<string>()).Should().Contain(n => n.StartsWith("re-serialised", StringComparison.Ordinal))
            .And.Contain(n => n.StartsWith("tampered", StringComparison.Ordinal)).And.Contain(n => n.StartsWith("wrong secret", StringComparison.Ordinal))
            .And.Contain(n => n.Contains("seconds", StringComparison.Ordinal)).And.Contain(n => n.Contains("upper-case", StringComparison.Ordinal))
            .And.OnlyHaveUniqueItems();
        vectors.Should().Contain(v => Body(v).Any(b => b > 0x7F), "a body with non-ASCII text proves the bytes are UTF-8");
    }

    [Test]
    public void NodeReceiver_GivesEveryVectorItsVerdictAndStatus()
    {
        var results = NodeInterop.CheckWebhookConformance();

        results.Should().HaveCount(Vectors().Count());
        results.Where(r => r!["problems"]!.AsArray().Count > 0).Select(r => r!.ToJsonString()).Should().BeEmpty();
    }

    private static IEnumerable<JsonObject> Vectors() => Document["vectors"]!.AsArray().Select(v => v!.AsObject());

    private static byte[] Body(JsonObject vector) => Encoding.UTF8.GetBytes(vector["body"]!.GetValue<string>());

    /// <summary>What an endpoint reads: the X-Bettermode-* pair when either header is present, else the X-Tribe-* pair; names case-insensitive.</summary>
    private static (string? Signature, string? Timestamp) Pick(JsonObject headers)
    {
        string? Find(string name) => headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.GetValue<string>();

        return Find(TribeWebhookHeaders.Signature) is not null || Find(TribeWebhookHeaders.Timestamp) is not null
            ? (Find(TribeWebhookHeaders.Signature), Find(TribeWebhookHeaders.Timestamp))
            : (Find(TribeWebhookHeaders.LegacySignature), Find(TribeWebhookHeaders.LegacyTimestamp));
    }
}
