using System.Linq;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <content>
/// Fields that cannot be merged, found wherever graphql-js finds them (argument names and values exactly, inline
/// fragments, fragments spread by fragments on either side, sub-selections against fragments both ways) and each
/// reported once; keys and reasons shortened at 1,000 characters and places at 20 a side, as graphql-js shortens them.
/// </content>
public partial class GatewayValidationTests
{
    private const string Alias = " Use different aliases on the fields to fetch both if this was intentional.";

    [TestCase("{ a: member(id: \"1\") { id } a: member(externalId: \"1\") { id } }", "1:3,1:29 Fields \"a\" conflict because they have differing arguments.")]
    [TestCase("{ a: member(id: \"1\") { id } a: member(username: \"u\") { id } }", "1:3,1:29 Fields \"a\" conflict because they have differing arguments.")]
    [TestCase("{ a: member(id: \"a\\\\b\") { id } a: member(id: \"ab\") { id } }", "1:3,1:32 Fields \"a\" conflict because they have differing arguments.")]
    [TestCase("{ a: member(id: \"a\\\"b\") { id } a: member(id: \"ab\") { id } }", "1:3,1:32 Fields \"a\" conflict because they have differing arguments.")]
    [TestCase("{ a: members(limit: 1, roleIds: [1, 2]) { totalCount } a: members(limit: 1, roleIds: [12]) { totalCount } }", "1:3,1:56 Fields \"a\" conflict because they have differing arguments.")]
    [TestCase("mutation { a: updateMember(id: \"1\", input: {name: \"x\"}) { id } a: updateMember(id: \"1\", input: {email: \"x\"}) { id } }", "1:12,1:64 Fields \"a\" conflict because they have differing arguments.")]
    [TestCase("mutation M($v: String, $vuser: String, $w: String) { a: updateMember(input: {locale: $v, username: $w}) { id } a: updateMember(input: {locale: $vuser, name: $w}) { id } }", "1:54,1:112 Fields \"a\" conflict because they have differing arguments.")]
    [TestCase("{ ... on Query { members(limit: 1) { x: totalCount x: pageInfo { hasNextPage } } } }", "1:38,1:52 Fields \"x\" conflict because \"totalCount\" and \"pageInfo\" are different fields.")]
    [TestCase("{ ... { a: member(id: \"1\") { id } a: member(id: \"2\") { id } } }", "1:9,1:35 Fields \"a\" conflict because they have differing arguments.")]
    [TestCase("{ a: member(id: \"1\") { id } ...F ...G } fragment F on Query { ...G } fragment G on Query { a: member(id: \"2\") { id } }", "1:3,1:92 Fields \"a\" conflict because they have differing arguments.")]
    [TestCase("{ a: member(id: \"1\") { id } ...F } fragment F on Query { ...G } fragment G on Query { a: member(id: \"2\") { id } }", "1:3,1:87 Fields \"a\" conflict because they have differing arguments.")]
    [TestCase("{ ...F ...G } fragment F on Query { a: member(id: \"1\") { id } } fragment G on Query { ...H } fragment H on Query { a: member(id: \"2\") { id } }", "1:37,1:116 Fields \"a\" conflict because they have differing arguments.")]
    [TestCase("{ ...G ...F } fragment G on Query { ...H } fragment H on Query { a: member(id: \"2\") { id } } fragment F on Query { a: member(id: \"1\") { id } }", "1:66,1:116 Fields \"a\" conflict because they have differing arguments.")]
    [TestCase("{ a: members(limit: 1) { x: totalCount } a: members(limit: 1) { ...F } } fragment F on PaginatedMember { x: pageInfo { hasNextPage } }", "1:3,1:26,1:42,1:106 Fields \"a\" conflict because subfields \"x\" conflict because \"totalCount\" and \"pageInfo\" are different fields.")]
    [TestCase("{ a: members(limit: 1) { ...F } a: members(limit: 1) { x: totalCount } } fragment F on PaginatedMember { x: pageInfo { hasNextPage } }", "1:3,1:56,1:33,1:106 Fields \"a\" conflict because subfields \"x\" conflict because \"totalCount\" and \"pageInfo\" are different fields.")]
    [TestCase("{ a: members(limit: 1) { x: totalCount ...F } a: members(limit: 1) { ...F } } fragment F on PaginatedMember { x: pageInfo { hasNextPage } }", "1:3,1:26,1:47,1:111 Fields \"a\" conflict because subfields \"x\" conflict because \"totalCount\" and \"pageInfo\" are different fields.")]
    [TestCase("{ m1: members(limit: 1) { ...F ...G } m2: members(limit: 1) { ...F ...G } } fragment F on PaginatedMember { x: totalCount } fragment G on PaginatedMember { x: pageInfo { hasNextPage } }", "1:109,1:157 Fields \"x\" conflict because \"totalCount\" and \"pageInfo\" are different fields.")]
    [TestCase("{ m1: members(limit: 1) { ...F ...G } m2: members(limit: 1) { ...G ...F } } fragment F on PaginatedMember { x: totalCount } fragment G on PaginatedMember { x: pageInfo { hasNextPage } }", "1:109,1:157 Fields \"x\" conflict because \"totalCount\" and \"pageInfo\" are different fields.")]
    public void FieldsThatCannotBeMerged_AreFoundWhereverTheyStand_AndReportedOnce(string query, string expected)
    {
        GatewayAnswers.Only(_gateway.Bot(query), 400, "GRAPHQL_VALIDATION_FAILED").Should().Be(expected + Alias);
    }

    /// <summary>A response key is shown whole up to 1,000 characters, then cut there and followed by "...".</summary>
    [TestCase(1000, false)]
    [TestCase(1001, true)]
    public void ConflictKey_IsShortenedPast1000Characters(int length, bool shortened)
    {
        var key = new string('k', length);

        var error = GatewayAnswers.Only(_gateway.Bot("{ " + key + ": __typename " + key + ": members(limit: 1) { totalCount } }"), 400, "GRAPHQL_VALIDATION_FAILED");

        var shown = shortened ? new string('k', 1000) + "..." : key;
        error.Should().Be("1:3,1:" + (3 + length + 13) + " Fields \"" + shown + "\" conflict because \"__typename\" and \"members\" are different fields." + Alias);
    }

    /// <summary>
    /// The sub-conflicts' reasons are joined until the text passes 1,000 characters: a first reason of exactly 1,000 is
    /// followed by the next, and the whole cut at 1,000 with "...".
    /// </summary>
    [Test]
    public void ConflictReason_OfExactly1000Characters_TakesTheNextReason_ThenIsShortened()
    {
        var key = new string('k', 922);
        var query = "{ a: members(limit: 1) { " + key + ": totalCount y: totalCount } a: members(limit: 1) { " + key + ": pageInfo { hasNextPage } y: pageInfo { hasNextPage } } }";

        var error = GatewayAnswers.Only(_gateway.Bot(query), 400, "GRAPHQL_VALIDATION_FAILED");

        var first = "subfields \"" + key + "\" conflict because \"totalCount\" and \"pageInfo\" are different fields";
        first.Should().HaveLength(1000);
        error.Should().Be("1:3,1:26,1:961,1:977,1:1000,1:1949 Fields \"a\" conflict because " + first + "...." + Alias);
    }

    /// <summary>A conflict shows at most 20 fields a side: the field, then its sub-conflicts' fields, the last ones cut.</summary>
    [Test]
    public void ConflictPlaces_AreAtMost20ASide()
    {
        string Side(string leaf) => "a: members(limit: 1) { " + string.Concat(Enumerable.Range(1, 10).Select(n => "n" + n + ": nodes { x: " + leaf + " } ")) + "} ";

        var error = GatewayAnswers.Only(_gateway.Bot("{ " + Side("id") + Side("email") + "}"), 400, "GRAPHQL_VALIDATION_FAILED");

        var places = error.Substring(0, error.IndexOf(' ', System.StringComparison.Ordinal)).Split(',');
        places.Should().HaveCount(40);
        var reason = string.Join(" and ", Enumerable.Range(1, 10).Select(n => "subfields \"n" + n + "\" conflict because subfields \"x\" conflict because \"id\" and \"email\" are different fields"));
        reason.Length.Should().BeGreaterThan(1000);
        error.Should().EndWith(" Fields \"a\" conflict because " + reason[..1000] + "...." + Alias);
    }
}
