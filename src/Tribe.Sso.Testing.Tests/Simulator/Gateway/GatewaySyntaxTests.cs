using System.Linq;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary>
/// Reading the query text: syntax errors with their location (HTTP 400, code GRAPHQL_PARSE_FAILED), braced Unicode
/// escapes as graphql-js 16 reads them, control characters in strings, comments and block strings, and the parser's
/// nesting bound.
/// </summary>
public class GatewaySyntaxTests
{
    private GatewayFixture _gateway = null!;

    [SetUp]
    public void SetUp() => _gateway = GatewayFixture.Create();

    [TestCase("{ members(limit: 1, query: \"\\u{110000}\") { totalCount } }", "1:29 Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".")]
    [TestCase("{ members(limit: 1, query: \"\\u{D800}\") { totalCount } }", "1:29 Syntax Error: Invalid Unicode escape sequence: \"\\u{D800}\".")]
    [TestCase("{ members(limit: 1, query: \"\\u{DFFF}\") { totalCount } }", "1:29 Syntax Error: Invalid Unicode escape sequence: \"\\u{DFFF}\".")]
    [TestCase("{ members(limit: 1, query: \"\\u{}\") { totalCount } }", "1:29 Syntax Error: Invalid Unicode escape sequence: \"\\u{}\".")]
    [TestCase("{ members(limit: 1, query: \"\\u{12G}\") { totalCount } }", "1:29 Syntax Error: Invalid Unicode escape sequence: \"\\u{12G\".")]
    [TestCase("{ members(limit: 1, query: \"\\u{000000041}\") { totalCount } }", "1:29 Syntax Error: Invalid Unicode escape sequence: \"\\u{000000041\".")]
    [TestCase("{ members(limit: 1, query: \"\\u{1F6", "1:29 Syntax Error: Invalid Unicode escape sequence: \"\\u{1F6\".")]
    [TestCase("{ members(limit: 1, query: \"\\u{1F600 and more text\") { totalCount } }", "1:29 Syntax Error: Invalid Unicode escape sequence: \"\\u{1F600 \".")]
    [TestCase("{ members(limit: 1, query: \"\\u{80000000}\") { totalCount } }", "1:29 Syntax Error: Invalid Unicode escape sequence: \"\\u{80000000\".")]
    [TestCase("{ members(limit: 1, query: \"\\u{FFFFFFFF}\") { totalCount } }", "1:29 Syntax Error: Invalid Unicode escape sequence: \"\\u{FFFFFFFF\".")]
    [TestCase("{ members(limit: 1, query: \"\\u{100000000}\") { totalCount } }", "1:29 Syntax Error: Invalid Unicode escape sequence: \"\\u{100000000\".")]
    [TestCase("{ members(limit: 1, query: \"\\u{", "1:29 Syntax Error: Invalid Unicode escape sequence: \"\\u{\".")]
    [TestCase("{\n  members(limit: 1,\n    query: \"ok \\u{110000}\") { totalCount } }", "3:16 Syntax Error: Invalid Unicode escape sequence: \"\\u{110000}\".")]
    public void BracedEscape_NamingNoScalarValue_IsRefusedWhereItStands(string query, string expected)
    {
        GatewayAnswers.Only(_gateway.Bot(query), 400, "GRAPHQL_PARSE_FAILED").Should().Be(expected);
    }

    [TestCase("{ members(limit: 1) { totalCount }", "1:35 Syntax Error: Expected Name, found EOF; for more information see http://spec.graphql.org/October2021/#Field")]
    [TestCase("{ members(limit: 1, query: \"open) { totalCount } }", "1:51 Syntax Error: Unterminated string.")]
    [TestCase("{ members(limit: 1, query: \"\"\"open) { totalCount } }", "1:53 Syntax Error: Unterminated block string.")]
    [TestCase("{ members(limit: 1, query: \"line\nbreak\") { totalCount } }", "1:33 Syntax Error: Unterminated string.")]
    // A default value is a constant: the parser refuses a variable in one, wherever it stands in it.
    [TestCase("query Q($a: Int = $b) { members(limit: $a) { totalCount } }", "1:19 Syntax Error: Unexpected $")]
    [TestCase("query Q($a: [Int] = [$b]) { members(limit: 1, offset: $a) { totalCount } }", "1:22 Syntax Error: Unexpected $")]
    [TestCase("query Q($f: MemberListFilterByInput = {key: $k, operator: equals, value: \"x\"}) { members(limit: 1, filterBy: [$f]) { totalCount } }", "1:45 Syntax Error: Unexpected $")]
    // A comment at the end of the query is blanked to its last character, so the end is where graphql-js sees it.
    [TestCase("{ __typename # c", "1:17 Syntax Error: Expected Name, found EOF; for more information see http://spec.graphql.org/October2021/#Field")]
    // A query that ends inside a string just after a backslash, or after \u, is never read past its end. (The parser's
    // words: graphql-js names the escape at the backslash, 1:29, as "\" and as "\u".)
    [TestCase("{ members(limit: 1, query: \"\\", "1:30 Syntax Error: Invalid character escape sequence: \\\0.")]
    [TestCase("{ members(limit: 1, query: \"\\u", "1:30 Syntax Error: Invalid character escape sequence at EOF: \\u.")]
    public void SyntaxError_IsRefusedWithItsLocation(string query, string expected)
    {
        GatewayAnswers.Only(_gateway.Bot(query), 400, "GRAPHQL_PARSE_FAILED").Should().Be(expected);
    }

    [TestCase("\\u{1F600}")]
    [TestCase("\\u{1f600}")]
    [TestCase("\\u{0001F600}")]
    [TestCase("\\uD83D\\uDE00")]
    [TestCase("\\u{1F600}\\u{41}")]
    public void BracedEscape_NamesItsCodePoint(string escaped)
    {
        var name = "\U0001F600" + (escaped.EndsWith("{41}", System.StringComparison.Ordinal) ? "A" : string.Empty);
        _gateway.Seed("smile@example.com", "Jo " + name);
        _gateway.Seed("other@example.com", "Jo");

        var data = GatewayFixture.Data(_gateway.Bot("{ members(limit: 5, query: \"" + escaped + "\") { nodes { name } } }"));

        data.GetProperty("members").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("name").GetString()).Should().Equal("Jo " + name);
    }

    [TestCase("\"a\u0001b\"", "a\u0001b")]
    [TestCase("\"a\u001Fb\"", "a\u001Fb")]
    [TestCase("\"a\tb\"", "a\tb")]
    [TestCase("\"a#b\"", "a#b")]
    [TestCase("\"a\\\"b\"", "a\"b")]
    [TestCase("\"a\\\\u{110000}\"", "a\\u{110000}")]
    [TestCase("\"\"\"a \\u{110000} \\\"\"\" b\"\"\"", "a \\u{110000} \"\"\" b")]
    [TestCase("\"\"\"a\"\"\" # \\u{110000} \"\n", "a")]
    [TestCase("\"\\u{39}\"", "9")]
    [TestCase("\"\\u{4A}\"", "J")]
    [TestCase("\"\\u{4a}\"", "J")]
    [TestCase("\"\"\"a#b\"\"\"", "a#b")]
    [TestCase("\"\"\"a\\\"\"\"b#c\"\"\"", "a\"\"\"b#c")]
    public void StringLiteral_IsReadAsGraphQLJs16ReadsIt(string literal, string value)
    {
        _gateway.Seed("probe@example.com", value);
        _gateway.Seed("decoy@example.com", "b");
        _gateway.Seed("decoy2@example.com", value + "z");

        var data = GatewayFixture.Data(_gateway.Bot("{ members(limit: 5, filterBy: [{key: \"name\", operator: equals, value: " + literal + "}]) { nodes { email } } }"));

        data.GetProperty("members").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("email").GetString()).Should().Equal("probe@example.com");
    }

    /// <summary>The first and last code points, and a one-digit escape, are read (none matches a member here).</summary>
    [TestCase("\\u{0}")]
    [TestCase("\\u{9}")]
    [TestCase("\\u{10FFFF}")]
    public void BracedEscape_AtTheEdgesOfItsRange_IsRead(string escaped)
    {
        _gateway.Seed("jo@example.com", "Jo");

        var data = GatewayFixture.Data(_gateway.Bot("{ members(limit: 5, query: \"" + escaped + "\") { totalCount } }"));

        data.GetProperty("members").GetProperty("totalCount").GetInt32().Should().Be(0);
    }

    [Test]
    public void Comment_HoldingAnEscape_IsIgnored()
    {
        var data = GatewayFixture.Data(_gateway.Bot("{ # \\u{110000} and \"\n  __typename # \"\n}"));

        data.GetProperty("__typename").GetString().Should().Be("Query");
    }

    [TestCase(10, 400, "GRAPHQL_VALIDATION_FAILED")]
    [TestCase(70, 400, "GRAPHQL_PARSE_FAILED")]
    public void ListLiteral_NestedBeyondTheParsersBound_IsRefused(int depth, int status, string code)
    {
        var response = _gateway.Bot("{ members(limit: 1, roleIds: " + new string('[', depth) + "\"x\"" + new string(']', depth) + ") { totalCount } }");

        var error = GatewayAnswers.Only(response, status, code);
        if (code == "GRAPHQL_PARSE_FAILED")
        {
            error.Should().MatchRegex("^1:[0-9]+ The query nests deeper than the gateway reads[.]$");
        }
        else
        {
            error.Should().Be("1:31 Argument \"roleIds\": expected value of type \"ID!\", found ListValue.");
        }
    }
}
