using System.Linq;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <content>
/// graphql-js's budget of 500,000 units for comparing fields, spent unit for unit: documents that spend all of it run,
/// one pair more is "Validation aborted.". A pair of fields costs 2, each argument compared 1 (until one differs, and
/// only for one field name with as many arguments), each response key looked up in the other set 1, a set compared with
/// a fragment 1, a pair of fragments 2; a set of no fields and one fragment costs nothing, and a comparison made once is
/// not paid again.
/// </content>
public partial class GatewayValidationTests
{
    // 12 units: nodes' set compared with G (1) and F (1), the pair G, F (2) with its one key (1) and field pair (2), G with
    // the F it spreads (2, the same fragment); then G's own set with F (1) and its field pair (2), the key lookup known.
    private const string X = "m: members(limit: 1) { nodes { ...G ...F } } ";
    private const string XFragments = " fragment G on Member { x: id ...F } fragment F on Member { x: id }";

    // Nothing: one fragment, spread twice, in a set without fields.
    private const string Y = "m: members(limit: 1) { ...P ...P } ";
    private const string YFragments = " fragment P on PaginatedMember { totalCount }";

    // 6 units: each of m1 and m2 compared with P (1, P has no fields to look up) and with the Q that P spreads (1, and 1 key).
    private const string Z = "m1: members(limit: 1) { totalCount ...P } m2: members(limit: 1) { totalCount ...P } ";
    private const string ZFragments = " fragment P on PaginatedMember { ...Q } fragment Q on PaginatedMember { pageInfo { hasNextPage } }";

    /// <summary>Root keys of <c>__typename</c>, a run of n fields each (n(n-1)/2 pairs of 2 units), then the rest of the document.</summary>
    [TestCase(new[] { 501, 500 }, "", "", true)] // 250,000 pairs: 500,000 units, the whole budget
    [TestCase(new[] { 501, 500, 2 }, "", "", false)] // one pair more: 500,002
    [TestCase(new[] { 501, 500 }, Y, YFragments, true)] // 500,000
    [TestCase(new[] { 700, 89, 54 }, Z, ZFragments, true)] // 499,994 + 6
    [TestCase(new[] { 700, 89, 54, 2 }, Z, ZFragments, false)] // 499,996 + 6
    [TestCase(new[] { 700, 103, 14 }, X, XFragments, true)] // 499,988 + 12
    [TestCase(new[] { 566, 425 }, X, XFragments, false)] // 499,990 + 12
    public void Comparisons_UpToGraphQLJsBudget_Run_AndOneUnitPastIt_AreAborted(int[] runs, string more, string fragments, bool within)
    {
        var keys = string.Concat(runs.Select((n, k) => string.Concat(Enumerable.Repeat("k" + k + ": __typename ", n))));

        var response = _gateway.Bot("{ " + keys + more + "}" + fragments);

        if (within)
        {
            GatewayFixture.Data(response).GetProperty("k0").GetString().Should().Be("Query");
        }
        else
        {
            GatewayAnswers.Only(response, 400, "GRAPHQL_VALIDATION_FAILED").Should().Be("- Validation aborted.");
        }
    }

    /// <summary>
    /// One field with equal arguments and a sub-selection, repeated under one key: a pair costs 2, 1 per argument, 1 for
    /// the sub-selections' one key and 2 for their pair of <c>id</c>: 6 units with one argument (408 fields: 498,168; 409:
    /// 500,616), 7 with two (378: 498,771; 379: 501,417).
    /// </summary>
    [TestCase("a: member(id: 1) { id } ", 408, true)]
    [TestCase("a: member(id: 1) { id } ", 409, false)]
    [TestCase("a: member(id: 1, username: \"u\") { id } ", 378, true)]
    [TestCase("a: member(id: 1, username: \"u\") { id } ", 379, false)]
    public void SameFieldRepeated_SpendsOnEachArgumentAndItsSubSelection(string field, int count, bool within)
    {
        var response = _gateway.Bot("{ " + string.Concat(Enumerable.Repeat(field, count)) + "}");

        if (within)
        {
            GatewayAnswers.Only(response, 200, "110").Should().Be("[a] Member not found.");
        }
        else
        {
            GatewayAnswers.Only(response, 400, "GRAPHQL_VALIDATION_FAILED").Should().Be("- Validation aborted.");
        }
    }

    /// <summary>
    /// 501 fields whose first argument differs pairwise: 3 units a pair (2, then 1 for the first argument, which differs),
    /// 375,750 in all; the conflicts are then reported, the first hundred of 125,250.
    /// </summary>
    [Test]
    public void ArgumentsThatDiffer_AreComparedOnlyUpToTheFirstThatDiffers()
    {
        var query = "{ " + string.Concat(Enumerable.Range(1, 501).Select(k => "a: member(id: " + k + ", username: \"u\") { id } ")) + "}";

        var errors = GatewayAnswers.Refusal(_gateway.Bot(query), 400, "GRAPHQL_VALIDATION_FAILED");

        errors.Should().HaveCount(101);
        errors[0].Should().Be("1:3,1:42 Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.");
        errors[99].Should().StartWith("1:3,1:").And.EndWith(" Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.");
        errors[100].Should().Be("- Too many validation errors, error limit reached. Validation aborted.");
    }

    /// <summary>
    /// 250 <c>member</c> and 250 <c>members</c> under one key: 6 units for each pair of one field (186,750 each side) and
    /// 2 for each of the 62,500 pairs of different fields, whose arguments are not compared: 498,500 in all.
    /// </summary>
    [Test]
    public void DifferentFields_DoNotSpendOnTheirArguments()
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("a: member(id: 1) { id } ", 250)) + string.Concat(Enumerable.Repeat("a: members(limit: 1) { totalCount } ", 250)) + "}";

        var errors = GatewayAnswers.Refusal(_gateway.Bot(query), 400, "GRAPHQL_VALIDATION_FAILED");

        errors.Should().HaveCount(101);
        errors[0].Should().Be("1:3,1:6003 Fields \"a\" conflict because \"member\" and \"members\" are different fields. Use different aliases on the fields to fetch both if this was intentional.");
        errors[100].Should().Be("- Too many validation errors, error limit reached. Validation aborted.");
    }
}
