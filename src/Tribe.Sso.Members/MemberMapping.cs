using System;
using System.Collections.Generic;
using System.Globalization;

namespace Tribe.Sso.Members;

/// <summary>From the answer's member objects to <see cref="TribeMember"/>: an id is required, everything else is optional.</summary>
internal static class MemberMapping
{
    public static TribeMember ToMember(MemberDto? dto, string operation)
    {
        if (dto?.Id is not { Length: > 0 } id)
        {
            throw AnswerErrors.Malformed(operation, "has no member id");
        }

        return new TribeMember(id, Blank(dto.ExternalId), dto.Email, dto.Name, Status(dto.Status))
        {
            Username = dto.Username,
            Tagline = dto.Tagline,
            Locale = dto.Locale,
            RoleId = dto.RoleId,
            CreatedAt = Date(dto.CreatedAt),
            UpdatedAt = Date(dto.UpdatedAt),
        };
    }

    /// <summary>The members of a page, from <c>edges[].node</c> or else <c>nodes</c>; entries without an id are an unusable answer.</summary>
    public static IEnumerable<TribeMember> Nodes(PaginatedMemberDto page)
    {
        if (page.Edges is not null)
        {
            foreach (var edge in page.Edges)
            {
                yield return ToMember(edge?.Node, "members");
            }
        }
        else if (page.Nodes is not null)
        {
            foreach (var node in page.Nodes)
            {
                yield return ToMember(node, "members");
            }
        }
    }

    public static TribeMemberStatus Status(string? status) => status switch
    {
        "VERIFIED" => TribeMemberStatus.Verified,
        "UNVERIFIED" => TribeMemberStatus.Unverified,
        "BLOCKED" => TribeMemberStatus.Blocked,
        "Suspended" or "SUSPENDED" => TribeMemberStatus.Suspended,
        "DELETED" => TribeMemberStatus.Deleted,
        "REMOVED" => TribeMemberStatus.Removed,
        _ => TribeMemberStatus.Unknown,
    };

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static DateTimeOffset? Date(string? value)
        => value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
}
