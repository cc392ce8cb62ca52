using System.Collections.Generic;
using System.Text.Json;

namespace Tribe.Sso.Members;

// What the community answers. Every property is optional: the answer is untrusted, and the client checks what it needs.
#pragma warning disable CA1812
internal sealed class GraphQlResponse<TData>
    where TData : class
{
    public TData? Data { get; set; }

    public List<GraphQlError?>? Errors { get; set; }
}

internal sealed class GraphQlError
{
    /// <summary>A string in the community's answers; a number is tolerated.</summary>
    public JsonElement Code { get; set; }

    public string? Field { get; set; }

    public GraphQlErrorExtensions? Extensions { get; set; }
}

internal sealed class GraphQlErrorExtensions
{
    public JsonElement Code { get; set; }
}

internal sealed class LimitedTokenData
{
    public AppTokenDto? LimitedToken { get; set; }
}

internal sealed class AppTokenDto
{
    public string? AccessToken { get; set; }
}

internal sealed class MemberData
{
    public MemberDto? Member { get; set; }
}

internal sealed class UpdateMemberData
{
    public MemberDto? UpdateMember { get; set; }
}

internal sealed class DeleteMemberData
{
    public ActionDto? DeleteMember { get; set; }
}

internal sealed class ActionDto
{
    public string? Status { get; set; }
}

internal sealed class MembersData
{
    public PaginatedMemberDto? Members { get; set; }
}

internal sealed class PaginatedMemberDto
{
    public List<MemberEdgeDto?>? Edges { get; set; }

    public List<MemberDto?>? Nodes { get; set; }

    public PageInfoDto? PageInfo { get; set; }
}

internal sealed class MemberEdgeDto
{
    public MemberDto? Node { get; set; }
}

internal sealed class PageInfoDto
{
    public bool HasNextPage { get; set; }

    public string? EndCursor { get; set; }
}

internal sealed class MemberDto
{
    public string? Id { get; set; }

    public string? ExternalId { get; set; }

    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Username { get; set; }

    public string? Status { get; set; }

    public string? Tagline { get; set; }

    public string? Locale { get; set; }

    public string? RoleId { get; set; }

    public string? CreatedAt { get; set; }

    public string? UpdatedAt { get; set; }
}
#pragma warning restore CA1812

#pragma warning disable CA1812
internal sealed class JwtPayload
{
    public double? Exp { get; set; }
}
#pragma warning restore CA1812
