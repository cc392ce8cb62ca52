using System;

namespace Tribe.Sso;

/// <summary>The wire spelling of the enum values.</summary>
internal static class ClaimValues
{
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

    public const string AddOperation = "add";
}
