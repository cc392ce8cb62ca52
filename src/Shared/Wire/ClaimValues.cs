using System;

namespace Tribe.Sso;

/// <summary>
/// The wire spelling of the enum values, written and read side by side so the two can never drift apart.
/// Shared source: compiled into every package that reads or writes claims. See docs/protocol.md#claims.
/// </summary>
internal static class ClaimValues
{
    public const string AddOperation = "add";
    public const string Hs256 = "HS256";

    public static string Of(TribeRole role) => role switch
    {
        TribeRole.Member => "member",
        TribeRole.Moderator => "moderator",
        TribeRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static string Of(TribeGroupRole role) => role switch
    {
        TribeGroupRole.Member => "member",
        TribeGroupRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static string Of(TribeGroupStatus status) => status switch
    {
        TribeGroupStatus.Joined => "joined",
        TribeGroupStatus.Unapproved => "unapproved",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static bool TryParseRole(string? text, out TribeRole role) => TryFind(Roles, Of, text, out role);

    public static bool TryParseGroupRole(string? text, out TribeGroupRole role) => TryFind(GroupRoles, Of, text, out role);

    public static bool TryParseGroupStatus(string? text, out TribeGroupStatus status) => TryFind(GroupStatuses, Of, text, out status);

    private static readonly TribeRole[] Roles = { TribeRole.Member, TribeRole.Moderator, TribeRole.Admin };
    private static readonly TribeGroupRole[] GroupRoles = { TribeGroupRole.Member, TribeGroupRole.Admin };
    private static readonly TribeGroupStatus[] GroupStatuses = { TribeGroupStatus.Joined, TribeGroupStatus.Unapproved };

    /// <summary>Reads a value by comparing the text with the written spelling of each candidate, ordinally.</summary>
    private static bool TryFind<T>(T[] candidates, Func<T, string> spell, string? text, out T value)
        where T : struct
    {
        foreach (var candidate in candidates)
        {
            if (string.Equals(text, spell(candidate), StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
