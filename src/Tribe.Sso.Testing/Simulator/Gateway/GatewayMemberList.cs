using System;
using System.Collections.Generic;
using System.Linq;

namespace Tribe.Sso.Testing;

/// <summary>
/// <c>members(...)</c>: a page of members, oldest first (<c>reverse</c> turns it), narrowed by <c>query</c> (names and
/// emails, ignoring case), <c>filterBy</c> (<c>{ key, operator, value }</c>), <c>roleIds</c> and <c>status</c>, then
/// paged by <c>after</c>/<c>before</c> cursors, <c>offset</c> and <c>limit</c>.
/// </summary>
internal static class GatewayMemberList
{
    private static readonly string[] Keys = { "email", "externalId", "id", "locale", "name", "roleId", "status", "tagline", "username" };

    public static GatewayObject List(GatewayContext context, Dictionary<string, object?> arguments)
    {
        _ = context.Caller();
        var limit = (int)arguments["limit"]!;
        if (limit is < 1 or > GatewayLimits.MaxPageSize)
        {
            throw new GatewayException(GatewayCodes.Validation, "limit must be between 1 and " + GatewayLimits.MaxPageSize + ".");
        }

        var offset = arguments.TryGetValue("offset", out var given) && given is int skip ? skip : 0;
        if (offset < 0)
        {
            throw new GatewayException(GatewayCodes.Validation, "offset must be 0 or more.");
        }

        IEnumerable<TribeCommunityMember> members = context.Community.Members;
        members = GatewayResolvers.Text(arguments, "orderBy") switch
        {
            null or "createdAt" => members,
            "name" => members.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase),
            "updatedAt" => members.OrderBy(m => m.UpdatedAt),
            _ => throw new GatewayException(GatewayCodes.Validation, "orderBy must be createdAt, name or updatedAt."),
        };
        if (arguments.TryGetValue("reverse", out var reverse) && reverse is true)
        {
            members = members.Reverse();
        }

        if (GatewayResolvers.Text(arguments, "query") is { Length: > 0 } query)
        {
            members = members.Where(m => m.Name.Contains(query, StringComparison.OrdinalIgnoreCase) || m.Email.Contains(query, StringComparison.OrdinalIgnoreCase));
        }

        foreach (var filter in List(arguments, "filterBy").Cast<Dictionary<string, object?>>())
        {
            var test = Filter((string)filter["key"]!, (string)filter["operator"]!, (string)filter["value"]!);
            members = members.Where(m => test(Value(m, (string)filter["key"]!)));
        }

        if (arguments.TryGetValue("roleIds", out var roles) && roles is List<object?> roleIds)
        {
            members = members.Where(m => roleIds.Contains(GatewayMembers.RoleId(m.Role)));
        }

        if (arguments.TryGetValue("status", out var status) && status is List<object?> statuses)
        {
            members = members.Where(_ => statuses.Contains("VERIFIED"));
        }

        var matching = members.ToList();
        var start = 0;
        var end = matching.Count;
        if (GatewayResolvers.Text(arguments, "after") is { } after)
        {
            start = Position(matching, after) + 1;
        }

        if (GatewayResolvers.Text(arguments, "before") is { } before)
        {
            end = Position(matching, before);
        }

        start = (int)Math.Min((long)start + offset, Math.Max(end, start));
        var page = matching.Skip(start).Take(Math.Min(limit, Math.Max(0, end - start))).ToList();
        var edges = page.Select(m => (object?)new GatewayObject("MemberEdge", new Dictionary<string, object?> { ["cursor"] = GatewayMembers.Cursor(m), ["node"] = context.ToObject(m) })).ToList();
        var pageInfo = new GatewayObject("PageInfo", new Dictionary<string, object?>
        {
            ["endCursor"] = page.Count == 0 ? null : GatewayMembers.Cursor(page[page.Count - 1]),
            ["hasNextPage"] = start + page.Count < end,
        });
        return new GatewayObject("PaginatedMember", new Dictionary<string, object?>
        {
            ["edges"] = edges,
            ["nodes"] = page.Select(m => (object?)context.ToObject(m)).ToList(),
            ["pageInfo"] = pageInfo,
            ["totalCount"] = matching.Count,
        });
    }

    private static List<object?> List(Dictionary<string, object?> arguments, string name)
        => arguments.TryGetValue(name, out var value) && value is List<object?> list ? list : new List<object?>();

    private static int Position(List<TribeCommunityMember> members, string cursor)
    {
        var id = GatewayMembers.FromCursor(cursor);
        var index = members.FindIndex(m => m.Id == id);
        return index >= 0 ? index : throw new GatewayException(GatewayCodes.Validation, "The cursor is not one of this list's: use an endCursor or edge cursor from a members answer with the same filters.");
    }

    private static string? Value(TribeCommunityMember member, string key) => key switch
    {
        "email" => member.Email,
        "externalId" => member.ExternalId,
        "id" => member.Id,
        "locale" => member.Profile.Locale ?? "en-US",
        "name" => member.Name,
        "roleId" => GatewayMembers.RoleId(member.Role),
        "status" => "VERIFIED",
        "tagline" => member.Profile.Tagline,
        _ => GatewayMembers.Username(member),
    };

    private static Func<string?, bool> Filter(string key, string op, string value)
    {
        if (Array.IndexOf(Keys, key) < 0)
        {
            throw new GatewayException(GatewayCodes.Validation, "filterBy key must be one of " + string.Join(", ", Keys) + ".");
        }

        // Ids are compared exactly; emails, names and the rest ignoring case, as the community's search does.
        var comparison = key is "id" or "externalId" ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return op switch
        {
            "equals" => v => string.Equals(v, value, comparison),
            "not" => v => !string.Equals(v, value, comparison),
            "contains" => v => v is not null && v.Contains(value, comparison),
            "startsWith" => v => v is not null && v.StartsWith(value, comparison),
            "endsWith" => v => v is not null && v.EndsWith(value, comparison),
            "hasValue" => v => string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) ? v is null : v is not null,
            _ => throw new GatewayException(GatewayCodes.Validation, "filterBy operator " + op + " is not served by the simulated community; use equals, not, contains, startsWith, endsWith or hasValue."),
        };
    }
}
