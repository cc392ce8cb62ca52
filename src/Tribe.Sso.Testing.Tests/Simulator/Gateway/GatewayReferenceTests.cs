using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary>
/// The gateway against graphql-js 16, the reference implementation, on the gateway's own schema: each request is
/// refused by both with the same messages, or run by both. graphql-js runs in Node (interop/graphql-reference.mjs; the
/// test says how to install Node when it is missing).
/// </summary>
[NonParallelizable]
public class GatewayReferenceTests
{
    private static readonly (string Name, string Query, string? Variables, string? OperationName)[] Cases =
    {
        ("skip on a query", "query @skip(if: true) { __typename }", null, null),
        ("include on a mutation", "mutation M @include(if: false) { deleteMember(id: \"1\") { status } }", null, null),
        ("unknown directive on an operation", "query @foo { __typename }", null, null),
        ("unknown directive on a fragment definition", "query Q { ...F } fragment F on Query @foo { __typename }", null, null),
        ("skip on a fragment definition", "query Q { ...F } fragment F on Query @skip(if: true) { __typename }", null, null),
        ("unknown directive on a variable definition", "query Q($a: Int! @foo) { members(limit: $a) { totalCount } }", null, null),
        ("skip on a variable definition", "query Q($a: Int! @skip(if: true)) { members(limit: $a) { totalCount } }", null, null),
        ("deprecated on a field", "{ __typename @deprecated }", null, null),
        ("skip without its argument", "{ __typename @skip }", null, null),
        ("skip with an unknown argument", "{ __typename @skip(if: true, x: 1) }", null, null),
        ("skip repeated on a field", "{ __typename @skip(if: false) @skip(if: true) }", null, null),
        ("include repeated on a spread", "query Q { ...F @include(if: true) @include(if: true) } fragment F on Query { __typename }", null, null),
        ("skip and include on one field", "{ __typename @skip(if: false) @include(if: true) }", null, null),
        ("an input field named twice", "{ members(limit: 1, filterBy: [{key: \"email\", key: \"name\", operator: equals, value: \"a\"}]) { totalCount } }", null, null),
        ("a conflict under skip(if: true)", "{ a: __typename @skip(if: true) a: members(limit: 1) { totalCount } }", null, null),
        ("a conflict in the operation not chosen", "query A { __typename } query B { x: __typename x: members(limit: 1) { totalCount } }", null, "A"),
        ("a U+0001 inside a string", "{ members(limit: 1, query: \"a\u0001b\") { totalCount } }", null, null),
        ("a \\u{1F600} escape", "{ members(limit: 1, query: \"\\u{1F600}\") { totalCount } }", null, null),
        ("a \\u{110000} escape", "{ members(limit: 1, query: \"\\u{110000}\") { totalCount } }", null, null),
        ("an ID variable beyond 32 bits", "query Q($id: ID) { member(id: $id) { id } }", "{\"id\": 1099511627776}", null),
        ("an ID variable written with an exponent", "query Q($id: ID) { member(id: $id) { id } }", "{\"id\": 1e3}", null),
        ("a subfield conflict between two fields merged", "{ a: members(limit: 1) { x: totalCount } a: members(limit: 1) { x: pageInfo { hasNextPage } } }", null, null),
        ("a surrogate pair of escapes", "{ members(limit: 1, query: \"\\uD83D\\uDE00\") { totalCount } }", null, null),
        ("a \\u{D800} escape", "{ members(limit: 1, query: \"\\u{D800}\") { totalCount } }", null, null),
        ("an empty \\u{} escape", "{ members(limit: 1, query: \"\\u{}\") { totalCount } }", null, null),
        ("a \\u{...} in a comment and a block string", "{ members(limit: 1, query: \"\"\"\\u{110000}\"\"\") { totalCount } } # \\u{110000}", null, null),
        ("a \\u{80000000} escape", "{ members(limit: 1, query: \"\\u{80000000}\") { totalCount } }", null, null),
        ("a \\u{12G} escape", "{ members(limit: 1, query: \"\\u{12G}\") { totalCount } }", null, null),
        ("a \\u{1F600 escape left open", "{ members(limit: 1, query: \"\\u{1F600 and more text\") { totalCount } }", null, null),
        ("a subfield conflict between the second and third fields merged", "{ a: members(limit: 1) { totalCount } a: members(limit: 1) { x: totalCount } a: members(limit: 1) { x: pageInfo { hasNextPage } } }", null, null),
        ("three fields under one key, each pair conflicting", "{ a: __typename a: members(limit: 1) { totalCount } a: member { id } }", null, null),
        ("two fragments whose fields conflict", "{ ...F } fragment F on Query { ...G a: member(id: \"1\") { id } } fragment G on Query { a: member(id: \"2\") { id } }", null, null),
        ("a conflict inside a fragment two operations spread", "query A { ...F } query B { ...F } fragment F on Query { a: member(id: \"1\") { id } a: member(id: \"2\") { id } }", null, "A"),
        ("more comparisons than graphql-js makes", "{ " + string.Concat(Enumerable.Repeat("a: __typename ", 1000)) + "}", null, null),
        ("a hundred and one unknown fields", "{ " + string.Join(" ", Enumerable.Range(0, 101).Select(i => "x" + i)) + " }", null, null),
        ("twenty fragments conflicting pairwise", "{ " + string.Join(" ", Enumerable.Range(0, 20).Select(i => "...f" + i)) + " } " + string.Join(" ", Enumerable.Range(0, 20).Select(i => "fragment f" + i + " on Query{a:member(id:" + i + "){id}}")), null, null),
        ("oneOf on a field", "{ __typename @oneOf }", null, null),
    };

    private static readonly Lazy<JsonArray> Reference = new(() =>
    {
        var cases = new JsonArray(Cases.Select(c => (JsonNode)new JsonObject
        {
            ["query"] = c.Query,
            ["variables"] = c.Variables is null ? null : JsonNode.Parse(c.Variables),
            ["operationName"] = c.OperationName,
        }).ToArray());
        var output = NodeInterop.GraphQlReference(new JsonObject { ["sdl"] = GatewaySchema.Sdl, ["cases"] = cases });
        output["version"]!.GetValue<string>().Should().StartWith("16.");
        return (JsonArray)output["results"]!;
    });

    private static IEnumerable<TestCaseData> Names() => Cases.Select((c, i) => new TestCaseData(i).SetArgDisplayNames(c.Name));

    [TestCaseSource(nameof(Names))]
    public void Request_IsRefusedOrRunAsGraphQLJs16Does(int index)
    {
        var (_, query, variables, operationName) = Cases[index];
        var expected = Reference.Value[index]!;
        var gateway = GatewayFixture.Create();
        var body = new JsonObject { ["query"] = query, ["variables"] = variables is null ? null : JsonNode.Parse(variables), ["operationName"] = operationName };

        var response = gateway.Simulator.Handle("POST", "/api/gateway", body: body.ToJsonString(), authorization: "Bearer " + gateway.Token());

        var phase = expected["phase"]!.GetValue<string>();
        var messages = ((JsonArray)expected["errors"]!).Select(e => e!["message"]!.GetValue<string>()).ToList();
        if (phase == "ok")
        {
            response.StatusCode.Should().Be(200, "graphql-js runs it; the gateway answered {0}", response.Body);
        }
        else
        {
            response.StatusCode.Should().Be(400, "graphql-js refuses it in its {0} phase with {1}", phase, string.Join(" | ", messages));
            var errors = JsonDocument.Parse(response.Body).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("message").GetString()).ToList();
            errors.Should().BeEquivalentTo(messages, "graphql-js 16 says so ({0} phase)", phase);
        }
    }

    /// <summary>Introspection is the one part of graphql-js the gateway leaves out, and says so (docs/cli.md).</summary>
    [TestCase("{ __schema { types { name } } }", "__schema")]
    [TestCase("{ __type(name: \"Member\") { name } }", "__type")]
    public void Introspection_IsRefusedAsDocumented(string query, string field)
    {
        var gateway = GatewayFixture.Create();

        var response = gateway.Post(query);

        response.StatusCode.Should().Be(400);
        GatewayFixture.Error(response).GetProperty("message").GetString().Should().Be("Cannot query field \"" + field + "\" on type \"Query\".");
    }
}
