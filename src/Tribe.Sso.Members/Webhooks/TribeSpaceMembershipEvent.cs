namespace Tribe.Sso.Members;

/// <summary>A space membership event: <c>space_membership.created</c> or <c>space_membership.deleted</c>.</summary>
public sealed class TribeSpaceMembershipEvent : TribeWebhookEvent
{
    internal TribeSpaceMembershipEvent(EventFields fields, string memberId, string spaceId)
        : base(fields)
    {
        MemberId = memberId;
        SpaceId = spaceId;
    }

    /// <summary>The member who joined or left the space.</summary>
    public string MemberId { get; }

    /// <summary>The space (the SSO token's group id).</summary>
    public string SpaceId { get; }
}
