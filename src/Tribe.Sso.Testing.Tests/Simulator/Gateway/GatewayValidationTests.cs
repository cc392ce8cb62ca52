using System.Linq;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary>
/// Every rule the validator applies, each refusal with its exact message and location (HTTP 400, code
/// GRAPHQL_VALIDATION_FAILED, data null), in the order the errors are reported; and the documents just inside each rule,
/// which run.
/// </summary>
public partial class GatewayValidationTests
{
    private GatewayFixture _gateway = null!;

    [SetUp]
    public void SetUp() => _gateway = GatewayFixture.Create();

    // Definitions and operations.
    [TestCase("{ ...F } fragment F on Query { __typename } fragment F on Query { __typename }", "1:45 There can be only one fragment named \"F\".")]
    [TestCase("scalar Date", "1:1 The ScalarTypeDefinition definition is not executable.")]
    [TestCase("schema { query: Query }", "1:1 The SchemaDefinition definition is not executable.")]
    [TestCase("directive @x on FIELD", "1:1 The DirectiveDefinition definition is not executable.")]
    [TestCase("{ __typename } extend type Query { x: Int }", "1:16 The ObjectTypeExtension definition is not executable.")]
    [TestCase("{ __typename } query Q { __typename }", "1:1 This anonymous operation must be the only defined operation.")]
    [TestCase("query Q { __typename } { __typename }", "1:24 This anonymous operation must be the only defined operation.")]
    [TestCase("{ __typename } { __typename }", "1:1 This anonymous operation must be the only defined operation.")]
    [TestCase("query Q { __typename } query Q { __typename }", "1:24 There can be only one operation named \"Q\".")]
    [TestCase("query Q { __typename } query Q { __typename } query Q { __typename }", "1:24 There can be only one operation named \"Q\".")]
    [TestCase("subscription S { __typename }", "1:1 Schema is not configured to execute subscription operation.")]
    [TestCase("subscription S @skip(if: true) { __typename }", "1:16 Directive \"@skip\" may not be used on SUBSCRIPTION.", "1:1 Schema is not configured to execute subscription operation.")]
    [TestCase("query @skip(if: true) { __typename }", "1:7 Directive \"@skip\" may not be used on QUERY.")]
    [TestCase("mutation @include(if: true) { __typename }", "1:10 Directive \"@include\" may not be used on MUTATION.")]

    // Fragments.
    [TestCase("query Q { ...F } fragment F on String { length }", "1:29 Fragment \"F\" cannot condition on non composite type \"String\".")]
    [TestCase("query Q { ...F } fragment F on Nope { x }", "1:29 Unknown type \"Nope\".")]
    [TestCase("query Q { ...F } fragment F on Query @skip(if: true) { __typename }", "1:38 Directive \"@skip\" may not be used on FRAGMENT_DEFINITION.")]
    [TestCase("{ ...A } fragment A on Query { ...A }", "1:32 Cannot spread fragment \"A\" within itself.")]
    [TestCase("{ ... on Member { id } }", "1:3 Fragment cannot be spread here as objects of type \"Query\" can never be of type \"Member\".")]
    [TestCase("{ ... on String { length } }", "1:7 Fragment cannot condition on non composite type \"String\".")]
    [TestCase("{ ... on Nope { x } }", "1:7 Unknown type \"Nope\".")]
    [TestCase("{ members(limit: 1) { nodes { ...F } } } fragment F on Member { id } fragment G on Member { id }", "1:70 Fragment \"G\" is never used.")]
    [TestCase("   ", "- The document has no operation to run.")]
    [TestCase("# only a comment", "- The document has no operation to run.")]

    // Variables.
    [TestCase("query Q($a: Int!, $a: Int!) { members(limit: $a) { totalCount } }", "1:19 There can be only one variable named \"$a\".")]
    [TestCase("query Q($a: Nope) { members(limit: $a) { totalCount } }", "1:13 Unknown type \"Nope\".", "1:36 Variable \"$a\" of type \"Nope\" used in position expecting type \"Int!\".")]
    [TestCase("query Q($m: [Member!]) { __typename }", "1:13 Variable \"$m\" cannot be non-input type \"[Member!]\".", "1:9 Variable \"$m\" is never used in operation \"Q\".")]
    [TestCase("query Q($a: Int! @skip(if: true)) { members(limit: $a) { totalCount } }", "1:18 Directive \"@skip\" may not be used on VARIABLE_DEFINITION.")]
    [TestCase("query Q($f: Float = \"x\", $d: DateTime = 1) { __typename }", "1:21 Variable \"$f\": expected value of type \"Float\", found StringValue.", "1:41 Variable \"$d\": expected value of type \"DateTime\", found IntValue.", "1:9 Variable \"$f\" is never used in operation \"Q\".", "1:26 Variable \"$d\" is never used in operation \"Q\".")]
    [TestCase("query Q($f: Float = 1, $g: Float = 1.5, $d: DateTime = \"2026\", $b: Boolean = true, $i: ID = 7) { __typename }", "1:9 Variable \"$f\" is never used in operation \"Q\".", "1:24 Variable \"$g\" is never used in operation \"Q\".", "1:41 Variable \"$d\" is never used in operation \"Q\".", "1:64 Variable \"$b\" is never used in operation \"Q\".", "1:84 Variable \"$i\" is never used in operation \"Q\".")]
    [TestCase("query ($m: Int) { __typename }", "1:8 Variable \"$m\" is never used.")]
    [TestCase("{ members(limit: $n) { totalCount } }", "1:18 Variable \"$n\" is not defined.")]
    [TestCase("query Q { ...F } fragment F on Query { members(limit: $n) { totalCount } }", "1:55 Variable \"$n\" is not defined in operation \"Q\".")]
    [TestCase("query A($n: Int!) { ...F } query B { ...F } fragment F on Query { members(limit: $n) { totalCount } }", "1:82 Variable \"$n\" is not defined in operation \"B\".")]
    [TestCase("query Q { members(limit: 1) { nodes { ...M } } } fragment M on Member { id @include(if: $b) }", "1:89 Variable \"$b\" is not defined in operation \"Q\".")]
    [TestCase("query Q($f: MemberListFilterByInput) { members(limit: 1, filterBy: $f) { totalCount } }", "1:68 Variable \"$f\" of type \"MemberListFilterByInput\" used in position expecting type \"[MemberListFilterByInput!]\".")]
    [TestCase("query Q($r: [ID]) { members(limit: 1, roleIds: $r) { totalCount } }", "1:48 Variable \"$r\" of type \"[ID]\" used in position expecting type \"[ID!]\".")]
    [TestCase("query Q($r: ID!) { members(limit: 1, roleIds: $r) { totalCount } }", "1:47 Variable \"$r\" of type \"ID!\" used in position expecting type \"[ID!]\".")]
    [TestCase("query Q($r: ID) { members(limit: 1, roleIds: [$r]) { totalCount } }", "1:47 Variable \"$r\" of type \"ID\" used in position expecting type \"ID!\".")]
    [TestCase("query Q($n: String!) { members(limit: $n) { totalCount } }", "1:39 Variable \"$n\" of type \"String!\" used in position expecting type \"Int!\".")]
    [TestCase("query Q($n: [Int!]!) { members(limit: $n) { totalCount } }", "1:39 Variable \"$n\" of type \"[Int!]!\" used in position expecting type \"Int!\".")]
    [TestCase("query Q($n: Int = null) { members(limit: $n) { totalCount } }", "1:42 Variable \"$n\" of type \"Int\" used in position expecting type \"Int!\".")]
    [TestCase("query Q($s: Boolean) { __typename @skip(if: $s) }", "1:45 Variable \"$s\" of type \"Boolean\" used in position expecting type \"Boolean!\".")]

    // Directives.
    [TestCase("{ __typename @deprecated }", "1:14 Directive \"@deprecated\" may not be used on FIELD.")]
    [TestCase("{ __typename @skip(if: true) @skip(if: false) }", "1:30 The directive \"@skip\" can only be used once at this location.")]
    [TestCase("{ __typename @skip(if: true, if: false) }", "1:30 There can be only one argument named \"if\".")]
    [TestCase("{ __typename @skip(if: true, unless: false) }", "1:30 Unknown argument \"unless\" on directive \"@skip\".")]
    [TestCase("{ __typename @skip(if: \"yes\") }", "1:24 Directive \"@skip\" argument \"if\": expected value of type \"Boolean!\", found StringValue.")]
    [TestCase("{ __typename @skip(if: null) }", "1:24 Directive \"@skip\" argument \"if\": expected value of type \"Boolean!\", found null.")]
    [TestCase("{ __typename @include }", "1:14 Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.")]
    [TestCase("{ __typename @deprecated(reason: 1) }", "1:14 Directive \"@deprecated\" may not be used on FIELD.", "1:34 Directive \"@deprecated\" argument \"reason\": expected value of type \"String\", found IntValue.")]
    [TestCase("{ __typename @specifiedBy }", "1:14 Directive \"@specifiedBy\" may not be used on FIELD.", "1:14 Directive \"@specifiedBy\" argument \"url\" of type \"String!\" is required, but it was not provided.")]
    [TestCase("{ __typename @oneOf(x: 1) }", "1:14 Directive \"@oneOf\" may not be used on FIELD.", "1:21 Unknown argument \"x\" on directive \"@oneOf\".")]
    [TestCase("{ ...F @include(if: true) @include(if: true) } fragment F on Query { __typename }", "1:27 The directive \"@include\" can only be used once at this location.")]
    [TestCase("{ ... @skip(if: 1) { __typename } }", "1:17 Directive \"@skip\" argument \"if\": expected value of type \"Boolean!\", found IntValue.")]

    // Fields and their arguments.
    [TestCase("{ __typename(x: 1) }", "1:14 Unknown argument \"x\" on field \"__typename\".")]
    [TestCase("{ __typename { x } }", "1:14 Field \"__typename\" must not have a selection since type \"String\" has no subfields.")]
    [TestCase("{ member(id: \"1\") { email { x } } }", "1:27 Field \"email\" must not have a selection since type \"String\" has no subfields.")]
    [TestCase("{ members(limit: 1) { edges } }", "1:23 Field \"edges\" of type \"[MemberEdge!]\" must have a selection of subfields. Did you mean \"edges { ... }\"?")]
    [TestCase("{ members(limit: 1, limit: 2) { totalCount } }", "1:21 There can be only one argument named \"limit\".")]
    [TestCase("{ limitedToken { accessToken } }", "1:3 Field \"limitedToken\" argument \"context\" of type \"PermissionContext!\" is required, but it was not provided.", "1:3 Field \"limitedToken\" argument \"entityId\" of type \"String!\" is required, but it was not provided.", "1:3 Field \"limitedToken\" argument \"networkId\" of type \"String!\" is required, but it was not provided.")]
    [TestCase("mutation { updateMember { id } }", "1:12 Field \"updateMember\" argument \"input\" of type \"UpdateMemberInput!\" is required, but it was not provided.")]
    [TestCase("mutation { members(limit: 1) { totalCount } }", "1:12 Cannot query field \"members\" on type \"Mutation\".")]
    [TestCase("{ members(limit: 1) { nodes { id password } } }", "1:34 Cannot query field \"password\" on type \"Member\".")]

    // Literal values.
    [TestCase("{ members(limit: null) { totalCount } }", "1:18 Argument \"limit\": expected value of type \"Int!\", found null.")]
    [TestCase("{ members(limit: 2147483648) { totalCount } }", "1:18 Argument \"limit\": expected value of type \"Int!\", found IntValue.")]
    [TestCase("{ members(limit: -2147483649) { totalCount } }", "1:18 Argument \"limit\": expected value of type \"Int!\", found IntValue.")]
    [TestCase("{ members(limit: 1.0) { totalCount } }", "1:18 Argument \"limit\": expected value of type \"Int!\", found FloatValue.")]
    [TestCase("{ members(limit: 1, reverse: 1) { totalCount } }", "1:30 Argument \"reverse\": expected value of type \"Boolean\", found IntValue.")]
    [TestCase("{ member(id: 1.5) { id } }", "1:14 Argument \"id\": expected value of type \"ID\", found FloatValue.")]
    [TestCase("{ member(id: true) { id } }", "1:14 Argument \"id\": expected value of type \"ID\", found BooleanValue.")]
    [TestCase("{ members(limit: 1, query: ABC) { totalCount } }", "1:28 Argument \"query\": expected value of type \"String\", found EnumValue.")]
    [TestCase("{ members(limit: 1, query: [\"a\"]) { totalCount } }", "1:28 Argument \"query\": expected value of type \"String\", found ListValue.")]
    [TestCase("{ members(limit: 1, status: [NOPE]) { totalCount } }", "1:30 Argument \"status\": expected value of type \"MemberStatusInput!\", found EnumValue.")]
    [TestCase("{ members(limit: 1, status: \"VERIFIED\") { totalCount } }", "1:29 Argument \"status\": expected value of type \"MemberStatusInput!\", found StringValue.")]
    [TestCase("{ members(limit: 1, roleIds: [1, \"x\", true]) { totalCount } }", "1:39 Argument \"roleIds\": expected value of type \"ID!\", found BooleanValue.")]
    [TestCase("{ members(limit: 1, roleIds: [null]) { totalCount } }", "1:31 Argument \"roleIds\": expected value of type \"ID!\", found null.")]
    [TestCase("{ members(limit: 1, filterBy: [\"x\"]) { totalCount } }", "1:32 Argument \"filterBy\": expected value of type \"MemberListFilterByInput\", found StringValue.")]
    [TestCase("{ members(limit: 1, filterBy: {key: \"email\", operator: equals, value: \"x\", nope: 1}) { totalCount } }", "1:76 Argument \"filterBy\": field \"nope\" is not defined by type \"MemberListFilterByInput\".")]
    [TestCase("{ members(limit: 1, filterBy: {key: \"email\", operator: equals}) { totalCount } }", "1:31 Argument \"filterBy\": field \"MemberListFilterByInput.value\" of required type \"String!\" was not provided.")]
    [TestCase("{ members(limit: 1, filterBy: {value: \"x\"}) { totalCount } }", "1:31 Argument \"filterBy\": field \"MemberListFilterByInput.key\" of required type \"String!\" was not provided.", "1:31 Argument \"filterBy\": field \"MemberListFilterByInput.operator\" of required type \"MemberListFilterByOperator!\" was not provided.")]
    [TestCase("{ members(limit: 1, filterBy: {key: \"email\", operator: equals, value: \"x\", key: \"name\"}) { totalCount } }", "1:76 There can be only one input field named \"key\".")]
    [TestCase("{ members(limit: 1, filterBy: {key: \"email\", operator: EQUALS, value: \"x\"}) { totalCount } }", "1:56 Argument \"filterBy\": expected value of type \"MemberListFilterByOperator!\", found EnumValue.")]
    [TestCase("{ members(limit: 1, filterBy: {key: \"email\", operator: \"equals\", value: \"x\"}) { totalCount } }", "1:56 Argument \"filterBy\": expected value of type \"MemberListFilterByOperator!\", found StringValue.")]
    [TestCase("mutation { updateMember(input: {name: 1}) { id } }", "1:39 Argument \"input\": expected value of type \"String\", found IntValue.")]
    [TestCase("mutation { updateMember(input: null) { id } }", "1:32 Argument \"input\": expected value of type \"UpdateMemberInput!\", found null.")]

    // Fields that share a response key.
    [TestCase("{ a: __typename a: members(limit: 1) { totalCount } }", "1:3,1:17 Fields \"a\" conflict because \"__typename\" and \"members\" are different fields. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ a: __typename a: members(limit: 1) { totalCount } a: member { id } }", "1:3,1:17 Fields \"a\" conflict because \"__typename\" and \"members\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:3,1:53 Fields \"a\" conflict because \"__typename\" and \"member\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:17,1:53 Fields \"a\" conflict because \"members\" and \"member\" are different fields. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ members(limit: 1) { x: totalCount x: pageInfo { hasNextPage } } }", "1:23,1:37 Fields \"x\" conflict because \"totalCount\" and \"pageInfo\" are different fields. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ a: members(limit: 1) { x: totalCount y: totalCount } a: members(limit: 1) { x: pageInfo { hasNextPage } y: edges { cursor } } }", "1:3,1:26,1:40,1:56,1:79,1:107 Fields \"a\" conflict because subfields \"x\" conflict because \"totalCount\" and \"pageInfo\" are different fields and subfields \"y\" conflict because \"totalCount\" and \"edges\" are different fields. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ a: members(limit: 1) { nodes { x: id } } a: members(limit: 1) { nodes { x: email } } }", "1:3,1:26,1:34,1:44,1:67,1:75 Fields \"a\" conflict because subfields \"nodes\" conflict because subfields \"x\" conflict because \"id\" and \"email\" are different fields. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ a: __typename ...F } fragment F on Query { a: members(limit: 1) { totalCount } }", "1:3,1:46 Fields \"a\" conflict because \"__typename\" and \"members\" are different fields. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ a: member(id: \"1\") { id } a: member(id: 1) { id } }", "1:3,1:29 Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ a: member(externalId: \"a\\\",id:\\\"b\") { id } a: member(externalId: \"a\", id: \"b\") { id } }", "1:3,1:46 Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ a: member(id: null) { id } a: member { id } }", "1:3,1:30 Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ a: members(limit: 1, reverse: true) { totalCount } a: members(limit: 1, reverse: false) { totalCount } }", "1:3,1:54 Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ a: members(limit: 1, roleIds: [\"x\"]) { totalCount } a: members(limit: 1, roleIds: [\"x\", \"y\"]) { totalCount } }", "1:3,1:55 Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ a: members(limit: 1, status: [VERIFIED]) { totalCount } a: members(limit: 1, status: [BLOCKED]) { totalCount } }", "1:3,1:59 Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ a: members(limit: 1, filterBy: {key: \"a\", operator: equals, value: \"b\"}) { totalCount } a: members(limit: 1, filterBy: {key: \"b\", operator: equals, value: \"a\"}) { totalCount } }", "1:3,1:91 Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("query Q($x: Int!, $y: Int!) { a: members(limit: $x) { totalCount } a: members(limit: $y) { totalCount } }", "1:31,1:68 Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ a: member(id: \"1\") { id } a: member(id: \"1\") { id } a: member(id: \"2\") { id } }", "1:3,1:55 Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.", "1:29,1:55 Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ a: members(limit: 1) { x: totalCount } a: members(limit: 1) { totalCount } a: members(limit: 1) { x: pageInfo { hasNextPage } } }", "1:3,1:26,1:78,1:101 Fields \"a\" conflict because subfields \"x\" conflict because \"totalCount\" and \"pageInfo\" are different fields. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ a: members(limit: 1) { nodes { x: id } } a: members(limit: 1) { nodes { y: id } } a: members(limit: 1) { nodes { x: email y: email } } }", "1:3,1:26,1:34,1:85,1:108,1:116 Fields \"a\" conflict because subfields \"nodes\" conflict because subfields \"x\" conflict because \"id\" and \"email\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:44,1:67,1:75,1:85,1:108,1:125 Fields \"a\" conflict because subfields \"nodes\" conflict because subfields \"y\" conflict because \"id\" and \"email\" are different fields. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ a: members(limit: 1) { x: totalCount } a: members(limit: 1) { x: pageInfo { hasNextPage } x: edges { cursor } } }", "1:3,1:26,1:26,1:42,1:65,1:93 Fields \"a\" conflict because subfields \"x\" conflict because \"totalCount\" and \"pageInfo\" are different fields and subfields \"x\" conflict because \"totalCount\" and \"edges\" are different fields. Use different aliases on the fields to fetch both if this was intentional.", "1:65,1:93 Fields \"x\" conflict because \"pageInfo\" and \"edges\" are different fields. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ a: members(limit: 1) { x: totalCount } ...F } fragment F on Query { a: members(limit: 1) { x: pageInfo { hasNextPage } } }", "1:3,1:26,1:71,1:94 Fields \"a\" conflict because subfields \"x\" conflict because \"totalCount\" and \"pageInfo\" are different fields. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ ...F ...G } fragment F on Query { a: member(id: \"1\") { id } } fragment G on Query { a: member(id: \"2\") { id } }", "1:37,1:87 Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ ...F } fragment F on Query { ...G a: member(id: \"1\") { id } } fragment G on Query { a: member(id: \"2\") { id } }", "1:37,1:87 Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ members(limit: 1) { nodes { ...M } nodes { ...N } } } fragment M on Member { x: id } fragment N on Member { x: email }", "1:23,1:80,1:38,1:111 Fields \"nodes\" conflict because subfields \"x\" conflict because \"id\" and \"email\" are different fields. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("query A { ...F } query B { ...F } fragment F on Query { a: member(id: \"1\") { id } a: member(id: \"2\") { id } }", "1:57,1:83 Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ ... { a: member(id: \"1\") { id } } ... { a: member(id: \"2\") { id } } }", "1:9,1:43 Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ a: members(limit: 1) { nodes { id } } ... on Query { a: members(limit: 1) { nodes { id: email } } } }", "1:3,1:26,1:34,1:56,1:79,1:87 Fields \"a\" conflict because subfields \"nodes\" conflict because subfields \"id\" conflict because \"id\" and \"email\" are different fields. Use different aliases on the fields to fetch both if this was intentional.")]
    [TestCase("{ a: __typename a: members(limit: 1) { totalCount } nope }", "1:53 Cannot query field \"nope\" on type \"Query\".")]
    public void InvalidDocument_IsRefusedWithEachRulesMessageAndLocation(string query, params string[] expected)
    {
        var response = _gateway.Bot(query);

        GatewayAnswers.Refusal(response, 400, "GRAPHQL_VALIDATION_FAILED").Should().Equal(expected);
    }

    [Test]
    public void MoreThanAHundredErrors_StopAtAHundred_AsGraphQLJsStops()
    {
        var errors = GatewayAnswers.Refusal(_gateway.Bot("{ " + string.Join(" ", Enumerable.Range(0, 101).Select(i => "x" + i)) + " }"), 400, "GRAPHQL_VALIDATION_FAILED");

        errors.Should().HaveCount(101);
        errors[99].Should().Be("1:389 Cannot query field \"x99\" on type \"Query\".");
        errors[100].Should().Be("- Too many validation errors, error limit reached. Validation aborted.");
    }

    [Test]
    public void FragmentsConflictingPairwise_StopAtAHundredConflicts()
    {
        var query = "{ " + string.Join(" ", Enumerable.Range(0, 20).Select(i => "...f" + i)) + " } " + string.Join(" ", Enumerable.Range(0, 20).Select(i => "fragment f" + i + " on Query{a:member(id:" + i + "){id}}"));

        var errors = GatewayAnswers.Refusal(_gateway.Bot(query), 400, "GRAPHQL_VALIDATION_FAILED");

        errors.Should().HaveCount(101);
        errors[0].Should().Be("1:156,1:197 Fields \"a\" conflict because they have differing arguments. Use different aliases on the fields to fetch both if this was intentional.");
        errors[100].Should().Be("- Too many validation errors, error limit reached. Validation aborted.");
    }

    /// <summary>graphql-js spends 2 of its 500,000 units on each pair of fields it compares: 707 fields under one key make 249,571 pairs, 708 make 250,278.</summary>
    [TestCase(708)]
    [TestCase(1000)]
    public void FieldsComparedBeyondGraphQLJsBudget_AreRefusedAsItAbortsValidation(int fields)
    {
        var response = _gateway.Bot("{ " + string.Concat(Enumerable.Repeat("a: __typename ", fields)) + "}");

        GatewayAnswers.Only(response, 400, "GRAPHQL_VALIDATION_FAILED").Should().Be("- Validation aborted.");
    }

    [Test]
    public void FieldsComparedWithinGraphQLJsBudget_Run()
    {
        var data = GatewayFixture.Data(_gateway.Bot("{ " + string.Concat(Enumerable.Repeat("a: __typename ", 707)) + "}"));

        data.GetProperty("a").GetString().Should().Be("Query");
    }

    [TestCase("query Q($n: Int!) { ...F } fragment F on Query { members(limit: $n) { totalCount } }")]
    [TestCase("query Q($n: Int!) { ...F } fragment F on Query { ...G } fragment G on Query { members(limit: $n) { totalCount } }")]
    [TestCase("query Q($b: Boolean!) { members(limit: 1) { nodes { ...M } } } fragment M on Member { id @include(if: $b) }")]
    [TestCase("query Q($n: Int = 3) { members(limit: $n) { totalCount } }")]
    [TestCase("query Q($r: [ID!]!) { members(limit: 1, roleIds: $r) { totalCount } }")]
    [TestCase("query Q($r: ID!) { members(limit: 1, roleIds: [$r]) { totalCount } }")]
    [TestCase("query Q($o: MemberListFilterByOperator!) { members(limit: 1, filterBy: {key: \"email\", operator: $o, value: \"x\"}) { totalCount } }")]
    [TestCase("{ a: members(limit: 1, offset: 2) { totalCount } a: members(offset: 2, limit: 1) { totalCount } }")]
    [TestCase("{ a: members(limit: 1, filterBy: {key: \"name\", operator: equals, value: \"b\"}) { totalCount } a: members(limit: 1, filterBy: {value: \"b\", operator: equals, key: \"name\"}) { totalCount } }")]
    [TestCase("{ members(limit: 1, roleIds: [1, \"x\"], status: VERIFIED) { totalCount } }")]
    [TestCase("{ ... { __typename } ... on Query { __typename } }")]
    [TestCase("{ ...F @skip(if: false) ... @include(if: true) { __typename } } fragment F on Query { __typename }")]
    [TestCase("{ members(limit: 1) { nodes { id id } } }")]
    [TestCase("{ a: members(limit: 1, reverse: true, query: null, roleIds: [1, \"x\"], status: [VERIFIED]) { totalCount } a: members(limit: 1, reverse: true, query: null, roleIds: [1, \"x\"], status: [VERIFIED]) { totalCount } }")]
    [TestCase("query Q($n: Int!) { a: members(limit: $n) { totalCount } a: members(limit: $n) { totalCount } }")]
    public void DocumentJustInsideTheRules_Runs(string query)
    {
        var response = _gateway.Post(query, Used(query, new JsonObject { ["n"] = 2, ["b"] = true, ["r"] = "role-member", ["o"] = "equals" }), "Bearer " + _gateway.Token());

        GatewayFixture.Data(response).ValueKind.Should().Be(System.Text.Json.JsonValueKind.Object);
    }

    [Test]
    public void OperationName_NamingNoOperation_IsRefusedWithoutALocation()
    {
        var response = _gateway.Post("query A { __typename } query B { __typename }", operationName: "C");

        GatewayAnswers.Only(response, 400, "GRAPHQL_VALIDATION_FAILED").Should().Be("- Unknown operation named \"C\".");
    }

    [Test]
    public void OperationName_ForADocumentOfOneAnonymousOperation_IsRefused()
    {
        var response = _gateway.Post("{ __typename }", operationName: "Q");

        GatewayAnswers.Only(response, 400, "GRAPHQL_VALIDATION_FAILED").Should().Be("- Unknown operation named \"Q\".");
    }

    [Test]
    public void MultipleOperations_WithoutOperationName_AreRefusedWithoutALocation()
    {
        var response = _gateway.Post("query A { __typename } query B { __typename }");

        GatewayAnswers.Only(response, 400, "GRAPHQL_VALIDATION_FAILED").Should().Be("- Must provide operation name if query contains multiple operations.");
    }

    [TestCase("A", "a")]
    [TestCase("B", "b")]
    public void OperationName_RunsTheOperationItNames(string name, string key)
    {
        var data = GatewayFixture.Data(_gateway.Post("query A { a: __typename } query B { b: __typename }", operationName: name));

        data.EnumerateObject().Select(p => p.Name + "=" + p.Value.GetString()).Should().Equal(key + "=Query");
    }

    [Test]
    public void OperationName_WithOneNamedOperation_IsOptional()
    {
        GatewayFixture.Data(_gateway.Post("query A { a: __typename }")).GetProperty("a").GetString().Should().Be("Query");
    }

    /// <summary>Keeps only the variables the query declares, so none is refused as never used.</summary>
    private static JsonObject Used(string query, JsonObject variables)
    {
        foreach (var name in variables.Select(p => p.Key).ToList())
        {
            if (!query.Contains("$" + name + ":", System.StringComparison.Ordinal))
            {
                variables.Remove(name);
            }
        }

        return variables;
    }
}
