namespace Tribe.Sso.Members;

/// <summary>
/// The GraphQL documents the client sends. Variables carry every value, so no input is ever written into a document.
/// Members are read with one selection, the scalar fields <see cref="TribeMember"/> maps.
/// </summary>
internal static class GraphQlDocuments
{
    public const string MemberFields = "id externalId email name username status tagline locale roleId createdAt updatedAt";

    public const string LimitedToken =
        "query limitedToken($context: PermissionContext!, $networkId: String!, $entityId: String!) "
        + "{ limitedToken(context: $context, networkId: $networkId, entityId: $entityId) { accessToken } }";

    public const string MemberByExternalId =
        "query MemberByExternalId($externalId: String) { member(externalId: $externalId) { " + MemberFields + " } }";

    public const string Members =
        "query Members($limit: Int!, $query: String, $after: String) "
        + "{ members(limit: $limit, query: $query, after: $after) { edges { node { " + MemberFields + " } } pageInfo { hasNextPage endCursor } } }";

    public const string UpdateMember =
        "mutation UpdateMember($id: ID, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { " + MemberFields + " } }";

    public const string DeleteMember =
        "mutation DeleteMember($id: ID!) { deleteMember(id: $id) { status } }";
}
