using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Tests.Conformance;

/// <summary>
/// The conformance vectors in conformance/ (docs/conformance.md), read back both ways: the SDK signs each token vector
/// again at its <c>iat</c> and gets the same bytes, refuses each refusal for its field, and gives each redirect target its
/// verdict and encoding; Node's jsonwebtoken and jose, and node:crypto, verify every token and link (interop/conformance.mjs).
/// </summary>
public class ConformanceVectorTests
{
    private static readonly JsonObject Tokens = Load("tokens.json");
    private static readonly JsonObject Refusals = Load("refusals.json");
    private static readonly JsonObject Redirects = Load("redirects.json");

    private static string Key => Tokens["key"]!.GetValue<string>();

    public static IEnumerable<TestCaseData> TokenVectors() => Vectors(Tokens).Select(v => new TestCaseData(v).SetName("token: " + v["name"]));

    public static IEnumerable<TestCaseData> RefusalVectors() => Vectors(Refusals).Select(v => new TestCaseData(v).SetName("refusal: " + v["name"]));

    public static IEnumerable<TestCaseData> RedirectVectors() => Vectors(Redirects).Select((v, i) => new TestCaseData(v).SetName($"redirect {i}: {Printable(v["target"]!.GetValue<string>())}"));

    [TestCaseSource(nameof(TokenVectors))]
    public void TokenVector_SignedAgainAtItsIat_IsTheSameTokenAndLink(JsonObject vector)
    {
        var payload = vector["payload"]!.AsObject();
        var link = vector["link"]?.AsObject();
        var issuer = new TribeSsoIssuer(VectorClaims.Options(Key, payload, link), new FixedClock(payload["iat"]!.GetValue<long>()));
        var user = VectorClaims.User(payload);

        issuer.CreateToken(user).Should().Be(vector["token"]!.GetValue<string>());
        if (link is not null)
        {
            issuer.CreateLoginUrl(user, link["redirect"]?.GetValue<string>()).AbsoluteUri.Should().Be(link["url"]!.GetValue<string>());
        }
    }

    [TestCaseSource(nameof(RefusalVectors))]
    public void RefusalVector_IsRefusedForItsField(JsonObject vector)
    {
        VectorClaims.RefusedField(Key, vector["claims"]!.AsObject()).Should().Be(vector["refusedField"]!.GetValue<string>());
    }

    [TestCaseSource(nameof(RedirectVectors))]
    public void RedirectVector_HasItsVerdictAndEncoding(JsonObject vector)
    {
        var target = vector["target"]!.GetValue<string>();
        var allowed = vector["allowed"]!.GetValue<bool>();

        (TribeSsoRedirectPath.FindProblem(target) is null).Should().Be(allowed);
        if (allowed)
        {
            var url = new TribeSsoIssuer(Issuers.Options(Key), new FixedClock(1_767_225_600)).CreateLoginUrl(Issuers.Jane(), target).AbsoluteUri;
            url.Should().EndWith("&redirect=" + vector["encoded"]!.GetValue<string>());
        }
        else
        {
            vector.ContainsKey("encoded").Should().BeFalse("a refused target has no encoding");
        }
    }

    [Test]
    public void Vectors_CoverWhatTheDocumentationPromises()
    {
        var tokens = Vectors(Tokens).ToList();
        var payloads = tokens.Select(v => v["payload"]!.AsObject()).ToList();
        tokens.Should().HaveCountGreaterThanOrEqualTo(30);
        payloads.SelectMany(p => p.Select(c => c.Key)).Distinct().Should().BeEquivalentTo(
            "sub", "name", "email", "aud", "role", "picture", "source", "title", "bio", "locale", "tagline", "groups", "groupsOperation", "iat", "exp");
        tokens.Select(v => v["link"]?["ssoPath"]?.GetValue<string>()).Should().Contain(new[] { "/auth/sso", "/api/auth/sso" }, "both URL shapes");
        tokens.Select(v => v["name"]!.GetValue<string>()).Should().Contain(n => n.Contains("ZWJ", StringComparison.Ordinal));
        payloads.Select(p => p["groups"]?.ToJsonString()).Should().Contain(g => g != null && g.Contains("\"joined\"", StringComparison.Ordinal))
            .And.Contain(g => g != null && g.Contains("\"unapproved\"", StringComparison.Ordinal)).And.Contain("[]");
        payloads.Should().Contain(p => p.ContainsKey("groupsOperation"));

        Vectors(Refusals).Should().HaveCountGreaterThanOrEqualTo(50);
        Vectors(Refusals).Should().OnlyContain(v => v["claims"]!.AsObject().ContainsKey(v["refusedField"]!.GetValue<string>()));
        Vectors(Redirects).Should().HaveCountGreaterThanOrEqualTo(60);
        Vectors(Redirects).Count(v => !v["allowed"]!.GetValue<bool>()).Should().BeGreaterThanOrEqualTo(30);
    }

    [Test]
    public void NodeImplementations_VerifyEveryTokenLinkAndEncoding()
    {
        var results = NodeInterop.CheckConformance();

        results.Should().HaveCount(Vectors(Tokens).Count() + Vectors(Redirects).Count());
        results.Where(r => r!["problems"]!.AsArray().Count > 0).Select(r => r!.ToJsonString()).Should().BeEmpty();
    }

    private static IEnumerable<JsonObject> Vectors(JsonObject file) => file["vectors"]!.AsArray().Select(v => v!.AsObject());

    private static JsonObject Load(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Repository.Root, "conformance", name)))!.AsObject();

    private static string Printable(string text) => string.Concat(text.Take(60).Select(c => c < 0x20 || c > 0x7E ? $"\\u{(int)c:X4}" : c.ToString()));
}
