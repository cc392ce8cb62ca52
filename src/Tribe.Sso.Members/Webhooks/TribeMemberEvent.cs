namespace Tribe.Sso.Members;

/// <summary>A member event: <c>member.created</c>, <c>member.verified</c>, <c>member.updated</c> or <c>member.deleted</c>.</summary>
public sealed class TribeMemberEvent : TribeWebhookEvent
{
    internal TribeMemberEvent(EventFields fields, TribeMember member, TribeMember? oldMember)
        : base(fields)
    {
        Member = member;
        OldMember = oldMember;
    }

    /// <summary>The member as the event left it (for <c>member.deleted</c>, as it was when deleted).</summary>
    public TribeMember Member { get; }

    /// <summary>The member before the change, on <c>member.updated</c>; otherwise null.</summary>
    public TribeMember? OldMember { get; }
}
