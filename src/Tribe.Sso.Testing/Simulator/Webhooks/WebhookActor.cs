namespace Tribe.Sso.Testing;

/// <summary>Who did what an event tells (<c>data.actor</c>): a member's id or the app's bot, and their role (<c>member</c>, <c>moderator</c>, <c>admin</c>).</summary>
internal sealed class WebhookActor
{
    public WebhookActor(string id, TribeRole role)
    {
        Id = id;
        RoleType = ClaimValues.Of(role);
    }

    public string Id { get; }

    public string RoleType { get; }

    /// <summary>The member themselves, as on a sign-in.</summary>
    public static WebhookActor Of(TribeCommunityMember member) => new(member.Id, member.Role);
}
