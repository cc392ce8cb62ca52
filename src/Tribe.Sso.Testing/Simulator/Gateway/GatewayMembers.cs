using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Tribe.Sso.Testing;

/// <summary>
/// A community member as the gateway's <c>Member</c> type shows it: the stored snapshot, plus the fields the community
/// has and the simulator does not model, with the values a fresh, verified member has (no pictures, not flagged).
/// </summary>
internal static class GatewayMembers
{
    private const string CursorPrefix = "member:";

    private static readonly TribeRole[] Roles = { TribeRole.Member, TribeRole.Moderator, TribeRole.Admin };

    /// <summary>A time as the community writes one: ISO 8601 in UTC with milliseconds, such as <c>2026-12-04T12:00:00.000Z</c>.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The role ids of the community's three network roles.</summary>
    public static string RoleId(TribeRole role) => "role-" + ClaimValues.Of(role);

    /// <summary>The role a role id names, or null.</summary>
    public static TribeRole? Role(string roleId)
        => Roles.Where(r => RoleId(r) == roleId).Select(r => (TribeRole?)r).FirstOrDefault();

    /// <summary>The member's username: stable for the member's life, made from the id (the simulator keeps no other).</summary>
    public static string Username(TribeCommunityMember member) => "member" + member.Id.TrimStart('0');

    /// <summary>An opaque cursor for a page edge.</summary>
    public static string Cursor(TribeCommunityMember member) => Convert.ToBase64String(Encoding.UTF8.GetBytes(CursorPrefix + member.Id));

    /// <summary>The member id in a cursor this gateway wrote, or null.</summary>
    public static string? FromCursor(string cursor)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(cursor));
            return text.StartsWith(CursorPrefix, StringComparison.Ordinal) ? text.Substring(CursorPrefix.Length) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The member as a <c>Member</c> object.</summary>
    public static GatewayObject ToObject(TribeCommunityMember member, string networkId, string basePath)
    {
        var staff = member.Role != TribeRole.Member;
        return new GatewayObject("Member", new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["bannerId"] = null,
            ["createdAt"] = member.CreatedAt,
            ["displayName"] = member.Name,
            ["email"] = member.Email,
            ["emailStatus"] = "verified",
            ["externalId"] = member.ExternalId,
            ["externalUrl"] = null,
            ["flagged"] = false,
            ["id"] = member.Id,
            ["lastSeen"] = null,
            ["lastSeenAt"] = null,
            ["locale"] = member.Profile.Locale ?? "en-US",
            ["name"] = member.Name,
            ["networkId"] = networkId,
            ["newEmail"] = null,
            ["profilePictureId"] = null,
            ["relativeUrl"] = basePath + "/member/" + member.Id,
            ["roleId"] = RoleId(member.Role),
            ["score"] = 0,
            ["staffReasons"] = staff ? new List<object?> { "NetworkStaffRole" } : new List<object?>(),
            ["status"] = "VERIFIED",
            ["subscribersCount"] = 0,
            ["tagline"] = member.Profile.Tagline,
            ["teammate"] = staff,
            ["updatedAt"] = member.UpdatedAt,
            ["url"] = null,
            ["username"] = Username(member),
            ["verifiedAt"] = member.CreatedAt,
        });
    }
}
