using System.Linq;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary>
/// The bounds on a document's shape: fields nested at most 12 deep (fragments followed, inline fragments adding no
/// level), at most 2,000 fields selected (a fragment counted each time it is spread, without overflowing), and no
/// fragment spreading itself; each at its limit and one over.
/// </summary>
public class GatewayLimitTests
{
    private const string Deep = "1:1 The operation nests fields 13 deep; the gateway takes at most 12.";

    private GatewayFixture _gateway = null!;

    [SetUp]
    public void SetUp() => _gateway = GatewayFixture.Create();

    [TestCase(12, "1:3 Cannot query field \"a\" on type \"Query\".")]
    [TestCase(13, "1:3 Cannot query field \"a\" on type \"Query\".", Deep)]
    public void Depth_OfNestedFields_IsAtMost12(int depth, params string[] expected)
    {
        var query = "{ " + string.Concat(Enumerable.Repeat("a { ", depth - 1)) + "a" + new string('}', depth - 1).Replace("}", " }", System.StringComparison.Ordinal) + " }";

        GatewayAnswers.Refusal(_gateway.Bot(query), 400, "GRAPHQL_VALIDATION_FAILED").Should().Equal(expected);
    }

    [Test]
    public void Depth_AddsNoLevelForAnInlineFragment_AndFollowsSpreads()
    {
        var inline = "{ " + string.Concat(Enumerable.Repeat("a { ... { ", 11)) + "a" + string.Concat(Enumerable.Repeat(" } }", 11)) + " }";
        var spread = "{ ...F } fragment F on Query { " + string.Concat(Enumerable.Repeat("a { ", 12)) + "a" + string.Concat(Enumerable.Repeat(" }", 12)) + " }";

        GatewayAnswers.Refusal(_gateway.Bot(inline), 400, "GRAPHQL_VALIDATION_FAILED").Should().Equal("1:3 Cannot query field \"a\" on type \"Query\".");
        GatewayAnswers.Refusal(_gateway.Bot(spread), 400, "GRAPHQL_VALIDATION_FAILED").Should().Equal("1:32 Cannot query field \"a\" on type \"Query\".", Deep);
    }

    [TestCase(0, 200)]
    [TestCase(1, 400)]
    public void Fields_AreAtMost2000_CountingAFragmentEachTimeItIsSpread(int extra, int status)
    {
        // 20 spreads of a fragment of 100 fields: 2,000.
        var hundred = string.Join(" ", Enumerable.Repeat("__typename", 100));
        var query = "{ ...G" + string.Concat(Enumerable.Repeat(" __typename", extra)) + " } fragment G on Query { " + string.Join(" ", Enumerable.Repeat("...F", 20)) + " } fragment F on Query { " + hundred + " }";

        var response = _gateway.Bot(query);

        if (status == 200)
        {
            GatewayFixture.Data(response).GetProperty("__typename").GetString().Should().Be("Query");
        }
        else
        {
            GatewayAnswers.Only(response, 400, "GRAPHQL_VALIDATION_FAILED").Should().Be("1:1 The operation selects more than 2000 fields (fragments counted each time they are spread).");
        }
    }

    [TestCase(31)]
    [TestCase(40)]
    public void Fields_OfAFragmentBombPastTwoBillion_AreCountedWithoutOverflowing(int levels)
    {
        var fragments = string.Join(" ", Enumerable.Range(0, levels).Select(i => "fragment F" + i + " on Query { ...F" + (i + 1) + " ...F" + (i + 1) + " __typename }"));
        var query = "{ __typename ...F0 } " + fragments + " fragment F" + levels + " on Query { __typename }";

        var response = _gateway.Bot(query);

        GatewayAnswers.Only(response, 400, "GRAPHQL_VALIDATION_FAILED").Should().Be("1:1 The operation selects more than 2000 fields (fragments counted each time they are spread).");
    }

    [Test]
    public void Fragment_SpreadingItselfThroughAnother_IsRefusedOnce_AtTheSpreadThatCloses()
    {
        var response = _gateway.Bot("{ ...A ...B } fragment A on Query { ...B } fragment B on Query { ...A }");

        GatewayAnswers.Refusal(response, 400, "GRAPHQL_VALIDATION_FAILED").Should().Equal("1:66 Cannot spread fragment \"A\" within itself.");
    }
}
