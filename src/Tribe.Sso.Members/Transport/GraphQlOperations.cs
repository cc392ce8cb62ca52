namespace Tribe.Sso.Members;

/// <summary>The operations the client runs, with their documents and JSON shapes.</summary>
internal static class GraphQlOperations
{
    public static readonly GraphQlOperation<LimitedTokenVariables, LimitedTokenData> LimitedToken = new(
        "limitedToken", GraphQlDocuments.LimitedToken, MembersJsonContext.Default.GraphQlRequestLimitedTokenVariables, MembersJsonContext.Default.GraphQlResponseLimitedTokenData, idempotent: true);

    public static readonly GraphQlOperation<ExternalIdVariables, MemberData> MemberByExternalId = new(
        "member", GraphQlDocuments.MemberByExternalId, MembersJsonContext.Default.GraphQlRequestExternalIdVariables, MembersJsonContext.Default.GraphQlResponseMemberData, idempotent: true);

    public static readonly GraphQlOperation<MembersVariables, MembersData> Members = new(
        "members", GraphQlDocuments.Members, MembersJsonContext.Default.GraphQlRequestMembersVariables, MembersJsonContext.Default.GraphQlResponseMembersData, idempotent: true);

    /// <summary>Idempotent: the same input sets the same values again.</summary>
    public static readonly GraphQlOperation<UpdateMemberVariables, UpdateMemberData> UpdateMember = new(
        "updateMember", GraphQlDocuments.UpdateMember, MembersJsonContext.Default.GraphQlRequestUpdateMemberVariables, MembersJsonContext.Default.GraphQlResponseUpdateMemberData, idempotent: true);

    /// <summary>
    /// Not idempotent as far as the client can tell: after a server error the delete may have happened, and how the
    /// community answers a second delete of the same member is not documented. Repeated only after refusals.
    /// </summary>
    public static readonly GraphQlOperation<IdVariables, DeleteMemberData> DeleteMember = new(
        "deleteMember", GraphQlDocuments.DeleteMember, MembersJsonContext.Default.GraphQlRequestIdVariables, MembersJsonContext.Default.GraphQlResponseDeleteMemberData, idempotent: false);
}
