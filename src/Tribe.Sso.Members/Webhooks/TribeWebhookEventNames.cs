namespace Tribe.Sso.Members;

/// <summary>The names of the community's events that this package reads into typed events (<c>data.name</c>).</summary>
public static class TribeWebhookEventNames
{
    /// <summary>A member was created (before their email is verified; an SSO sign-in's member is verified next).</summary>
    public const string MemberCreated = "member.created";

    /// <summary>A member's email was verified.</summary>
    public const string MemberVerified = "member.verified";

    /// <summary>A member changed; the event carries the member before the change.</summary>
    public const string MemberUpdated = "member.updated";

    /// <summary>A member was deleted.</summary>
    public const string MemberDeleted = "member.deleted";

    /// <summary>A member joined a space.</summary>
    public const string SpaceMembershipCreated = "space_membership.created";

    /// <summary>A member left, or was removed from, a space.</summary>
    public const string SpaceMembershipDeleted = "space_membership.deleted";
}
