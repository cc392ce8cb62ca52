using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary>
/// Hostile bodies for <c>POST /api/gateway</c>: random JSON and text, valid queries with characters changed, deep and huge
/// documents, fragment bombs, lone surrogates, variables of every wrong shape. The gateway never throws, never answers
/// 500, and always answers GraphQL JSON: an error with a code, or data.
/// </summary>
public class GatewayFuzzTests
{
    private static readonly string[] Queries =
    {
        "query Members($after: String, $filterBy: [MemberListFilterByInput!], $limit: Int!, $query: String, $status: [MemberStatusInput!]) { members(after: $after, filterBy: $filterBy, limit: $limit, query: $query, status: $status) { totalCount edges { cursor node { " + GatewayFixture.MemberFields + " } } pageInfo { hasNextPage endCursor } } }",
        "query Member($id: ID, $username: String) { member(id: $id, username: $username) { ...F __typename } } fragment F on Member { id email externalId }",
        "mutation UpdateMember($input: UpdateMemberInput!, $id: ID) { updateMember(id: $id, input: $input) { id externalId email } }",
        "mutation DeleteMember($id: ID!) { deleteMember(id: $id) { status } }",
        GatewayFixture.LimitedTokenQuery,
        "{ a: members(limit: 2) { nodes { id } } b: member(externalId: \"42\") { id @include(if: true) } }",
    };

    private static readonly Gen<string> Noise = Gen.OneOf(
            Gen.Char[' ', '~'],
            Gen.OneOf('{', '}', '(', ')', '[', ']', '$', '@', '!', ':', '"', '\\', '.', '#', '\n', '|', '&', '='),
            Gen.OneOf('\u0000', '\u001B', '\u00A0', '\u202E', '\u2028', '\uFEFF', '\uD800', '\uDC00', '\uFFFF'))
        .Array[0, 12].Select(c => new string(c));

    private static readonly Gen<string> MutatedQueries = Gen.Select(Gen.Int[0, Queries.Length - 1], Gen.Int[0, 400], Gen.Int[0, 20], Noise)
        .Select(t =>
        {
            var query = Queries[t.Item1];
            var at = Math.Min(t.Item2, query.Length);
            return query[..at] + t.Item4 + query[Math.Min(query.Length, at + t.Item3)..];
        });

    private static readonly Gen<string> HugeQueries = Gen.Int[0, 5].Select(Gen.Int[1, 400], (kind, n) => kind switch
    {
        0 => string.Concat(Enumerable.Repeat("{ members(limit: 1) { nodes ", n)) + "{ id }" + new string('}', n),
        1 => "{ members(limit: 1, filterBy: " + new string('[', n) + new string(']', n) + ") { totalCount } }",
        2 => "{ " + string.Join(" ", Enumerable.Range(0, n * 10).Select(i => "a" + i + ": __typename")) + " }",
        3 => "{ members(limit: 1) { nodes { ...F0 } } } " + string.Join(" ", Enumerable.Range(0, Math.Min(n, 40)).Select(i => "fragment F" + i + " on Member { ...F" + (i + 1) + " ...F" + (i + 1) + " }")) + " fragment F" + Math.Min(n, 40) + " on Member { id }",
        4 => "{ __typename }" + new string(' ', n * 200),
        _ => "query Q(" + string.Join(" ", Enumerable.Range(0, n).Select(i => "$v" + i + ": Int")) + ") { __typename }",
    });

    private static readonly Gen<JsonNode?> Values = Gen.Recursive<JsonNode?>((depth, inner) => depth > 4
        ? Gen.OneOf<JsonNode?>(Gen.Int[0, 0].Select(_ => (JsonNode?)null), Gen.Int.Select(i => (JsonNode?)i), Gen.Bool.Select(b => (JsonNode?)b), Noise.Select(s => (JsonNode?)s), Gen.Double.Select(d => (JsonNode?)(double.IsFinite(d) ? d : 0)))
        : Gen.Frequency<JsonNode?>(
            (4, Gen.OneOf<JsonNode?>(Gen.Int[0, 0].Select(_ => (JsonNode?)null), Gen.Int.Select(i => (JsonNode?)i), Noise.Select(s => (JsonNode?)s), Gen.OneOf("NETWORK", "equals", "email", "42", "VERIFIED").Select(s => (JsonNode?)s))),
            (1, inner.Array[0, 3].Select(items => (JsonNode?)new JsonArray(items))),
            (2, Gen.Select(Gen.OneOf("id", "limit", "input", "email", "externalId", "filterBy", "key", "operator", "value", "\uD800", "context"), inner).Array[0, 4]
                .Select(fields => (JsonNode?)new JsonObject(fields.GroupBy(f => f.Item1).Select(g => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(g.Key, g.First().Item2)))))));

    private static readonly Gen<string> Bodies = Gen.Frequency(
        (4, Gen.Select(Gen.OneOf(Gen.OneOf(Queries), MutatedQueries, HugeQueries), Values).Select(t => Json(new JsonObject { ["query"] = t.Item1, ["variables"] = t.Item2 is JsonObject ? t.Item2 : new JsonObject { ["limit"] = t.Item2?.DeepClone(), ["id"] = t.Item2?.DeepClone(), ["input"] = t.Item2?.DeepClone() } }))),
        (1, Values.Select(Json)),
        (1, HostileInputs.Garbage),
        (1, Gen.Int[1, 200].Select(n => new string('[', n) + new string(']', n))),
        (1, Gen.OneOf(Queries).Select(q => "{\"query\": \"" + JsonEncodedText.Encode(q).Value + "\\ud800\", \"variables\": {\"limit\": 1, \"\\udc00\": 2}}")));

    [Test]
    public void Gateway_WithHostileBodies_AnswersGraphQLErrorsAndNeverFails()
    {
        var gateway = GatewayFixture.Create();
        gateway.Seed("jane@example.com", "Jane Doe", "42");
        var authorizations = new[] { null, "Bearer " + gateway.Token(), GatewayFixture.Basic(), "Bearer \uD800", "Basic " + new string('A', 5000) };
        var input = Gen.Select(Bodies, Gen.Int[0, authorizations.Length - 1]);

        Fuzz.Run(input, t =>
        {
            var response = gateway.Simulator.Handle("POST", "/api/gateway", body: t.Item1, authorization: authorizations[t.Item2]);

            response.StatusCode.Should().BeOneOf(200, 400);
            response.Body.Should().NotContain("   at ").And.NotContain("Exception");
            var json = JsonDocument.Parse(response.Body).RootElement;
            json.TryGetProperty("data", out _).Should().BeTrue();
            if (json.TryGetProperty("errors", out var errors))
            {
                errors.EnumerateArray().Should().NotBeEmpty().And.AllSatisfy(e =>
                {
                    e.GetProperty("code").ValueKind.Should().Be(JsonValueKind.String);
                    e.GetProperty("message").GetString().Should().NotBeNullOrEmpty();
                });
            }
            else
            {
                response.StatusCode.Should().Be(200);
            }
        }, ciDefault: 2000, show: t => t.Item1);
    }

    /// <summary>
    /// JSON text as a hostile client may send it: every non-ASCII character as an escape, lone surrogates included, which
    /// .NET's own writers refuse to produce.
    /// </summary>
    private static string Json(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o => "{" + string.Join(",", o.Select(p => Text(p.Key) + ":" + Json(p.Value))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(Json)) + "]",
        JsonValue v when v.TryGetValue<string>(out var text) => Text(text),
        _ => node.ToJsonString(),
    };

    private static string Text(string text)
        => "\"" + string.Concat(text.Select(c => c is >= ' ' and <= '~' and not '"' and not '\\' ? c.ToString() : "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture))) + "\"";

    [Test]
    public void Gateway_WithAFragmentBomb_RefusesItBeforeRunning()
    {
        var fragments = string.Join(" ", Enumerable.Range(0, 30).Select(i => "fragment F" + i + " on Member { id ...F" + (i + 1) + " ...F" + (i + 1) + " }"));
        var query = "{ members(limit: 100) { nodes { ...F0 } } } " + fragments + " fragment F30 on Member { id }";

        var response = GatewayFixture.Create().Bot(query);

        response.StatusCode.Should().Be(400);
        GatewayFixture.Error(response).GetProperty("message").GetString().Should().Be("The operation selects more than 2000 fields (fragments counted each time they are spread).");
    }

    [Test]
    public void Gateway_WithADeepQuery_RefusesIt()
    {
        var query = string.Concat(Enumerable.Repeat("{ members(limit: 1) { nodes ", 20)) + "{ id }" + new string('}', 20);

        var response = GatewayFixture.Create().Bot(query);

        response.StatusCode.Should().Be(400);
        Encoding.UTF8.GetByteCount(response.Body).Should().BeLessThan(100_000);
    }
}
