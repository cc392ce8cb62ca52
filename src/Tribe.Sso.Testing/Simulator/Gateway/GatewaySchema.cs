using System;
using System.Collections.Generic;
using System.Linq;
using GraphQLParser;
using GraphQLParser.AST;

namespace Tribe.Sso.Testing;

/// <summary>
/// The subset of the community's GraphQL schema the simulator serves, in the community's own names and types (those its
/// Node client selects), written as SDL and parsed once: validation and execution read types from it.
/// </summary>
internal sealed class GatewaySchema
{
    internal const string Sdl = """
        scalar DateTime

        type Query {
          limitedToken(context: PermissionContext!, entityId: String!, impersonateMemberId: String, networkId: String!): AppToken!
          member(externalId: String, id: ID, username: String): Member!
          members(after: String, before: String, filterBy: [MemberListFilterByInput!], limit: Int!, offset: Int, orderBy: String, query: String, reverse: Boolean, roleIds: [ID!], status: [MemberStatusInput!]): PaginatedMember!
        }

        type Mutation {
          deleteMember(id: ID!): Action!
          updateMember(id: ID, input: UpdateMemberInput!): Member!
        }

        type AppToken { accessToken: String! gatewayUrl: String }
        type Action { status: ActionStatus! }
        enum ActionStatus { failed succeeded }
        type PaginatedMember { edges: [MemberEdge!] nodes: [Member!] pageInfo: PageInfo! totalCount: Int! }
        type MemberEdge { cursor: String! node: Member! }
        type PageInfo { endCursor: String hasNextPage: Boolean! }

        type Member {
          bannerId: ID
          createdAt: DateTime!
          displayName: String
          email: String
          emailStatus: MemberEmailStatus
          externalId: ID
          externalUrl: String
          flagged: Boolean!
          id: ID!
          lastSeen: DateTime
          lastSeenAt: DateTime
          locale: String!
          name: String
          networkId: ID!
          newEmail: String
          profilePictureId: ID
          relativeUrl: String
          roleId: ID!
          score: Int
          staffReasons: [StaffReason!]
          status: MemberStatus!
          subscribersCount: Int
          tagline: String
          teammate: Boolean!
          updatedAt: DateTime!
          url: String
          username: String!
          verifiedAt: DateTime
        }

        enum MemberEmailStatus { notDelivered sent spammed verified }
        enum MemberStatus { BLOCKED DELETED REMOVED Suspended UNVERIFIED VERIFIED }
        enum MemberStatusInput { BLOCKED Suspended UNVERIFIED VERIFIED }
        enum StaffReason { NetworkStaffRole SamlSso SpaceStaffRole }
        enum PermissionContext { MEMBER NETWORK POST SPACE }
        enum MemberListFilterByOperator { contains endsWith equals gt gte hasValue in lt lte nin not startsWith }
        input MemberListFilterByInput { key: String! operator: MemberListFilterByOperator! value: String! }

        input UpdateMemberInput {
          displayName: String
          email: String
          externalId: String
          locale: String
          name: String
          roleId: ID
          tagline: String
          username: String
        }
        """;

    private static readonly string[] BuiltInScalars = { "String", "Int", "Float", "Boolean", "ID" };

    private readonly Dictionary<string, GraphQLTypeDefinition> _types;

    private GatewaySchema()
    {
        var document = Parser.Parse(Sdl, new ParserOptions { Ignore = IgnoreOptions.All });
        _types = document.Definitions.OfType<GraphQLTypeDefinition>().ToDictionary(t => t.Name.StringValue, StringComparer.Ordinal);
    }

    /// <summary>Gets the one schema; it is read-only once parsed.</summary>
    public static GatewaySchema Instance { get; } = new();

    /// <summary>The root type of an operation: <c>Query</c> or <c>Mutation</c>; a subscription has none.</summary>
    public static string? RootTypeName(OperationType operation) => operation switch
    {
        OperationType.Query => "Query",
        OperationType.Mutation => "Mutation",
        _ => null,
    };

    /// <summary>The type's definition, or null for a built-in scalar or an unknown name.</summary>
    public GraphQLTypeDefinition? Find(string name) => _types.TryGetValue(name, out var type) ? type : null;

    /// <summary>Whether <paramref name="name"/> names a type, built-in scalars included.</summary>
    public bool Exists(string name) => _types.ContainsKey(name) || Array.IndexOf(BuiltInScalars, name) >= 0;

    /// <summary>Whether values of the type are written as they are (scalars and enums), without a selection.</summary>
    public bool IsLeaf(string name) => Array.IndexOf(BuiltInScalars, name) >= 0 || Find(name) is GraphQLScalarTypeDefinition or GraphQLEnumTypeDefinition;

    /// <summary>Whether a variable of the type may hold input: scalars, enums and input objects.</summary>
    public bool IsInput(string name) => IsLeaf(name) || Find(name) is GraphQLInputObjectTypeDefinition;

    /// <summary>A field of an object type, or null.</summary>
    public GraphQLFieldDefinition? Field(string typeName, string fieldName)
        => Find(typeName) is GraphQLObjectTypeDefinition { Fields: { } fields } ? fields.Items.FirstOrDefault(f => f.Name.StringValue == fieldName) : null;

    /// <summary>The named type under list and non-null wrappers.</summary>
    public static string NamedType(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => NamedType(nonNull.Type),
        GraphQLListType list => NamedType(list.Type),
        _ => ((GraphQLNamedType)type).Name.StringValue, // a type is named, a list or non-null
    };

    /// <summary>Writes a type as GraphQL does in messages, such as <c>[MemberListFilterByInput!]</c>.</summary>
    public static string Print(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => Print(nonNull.Type) + "!",
        GraphQLListType list => "[" + Print(list.Type) + "]",
        _ => ((GraphQLNamedType)type).Name.StringValue, // a type is named, a list or non-null
    };
}
