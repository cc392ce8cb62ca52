using System;

namespace Tribe.Sso.Testing;

/// <summary>
/// One thing that happened in the community, as a <c>SUBSCRIPTION</c> delivery tells it: the event's name, noun and
/// verb, who did it, and the member (with the member before, on an update) or the space it is about.
/// </summary>
internal sealed class WebhookEvent
{
    public WebhookEvent(string name, string noun, string verb, DateTimeOffset time, WebhookActor actor, TribeCommunityMember member)
    {
        Name = name;
        Noun = noun;
        Verb = verb;
        Time = time;
        Actor = actor;
        Member = member;
    }

    /// <summary>Gets the event's name, such as <c>member.updated</c>.</summary>
    public string Name { get; }

    /// <summary>Gets what the event is about: <c>MEMBER</c> or <c>SPACE_MEMBERSHIP</c>.</summary>
    public string Noun { get; }

    /// <summary>Gets what happened: <c>CREATED</c>, <c>VERIFIED</c>, <c>UPDATED</c> or <c>DELETED</c>.</summary>
    public string Verb { get; }

    /// <summary>Gets when it happened, on the simulator's clock.</summary>
    public DateTimeOffset Time { get; }

    /// <summary>Gets who did it: the member themselves on a sign-in, the app's bot or an impersonated member through the API.</summary>
    public WebhookActor Actor { get; }

    /// <summary>Gets the member the event is about, as it is after the event (as it was, for a deletion).</summary>
    public TribeCommunityMember Member { get; }

    /// <summary>Gets the member before an update, or null.</summary>
    public TribeCommunityMember? OldMember { get; init; }

    /// <summary>Gets the space (group) of a space membership event, or null for a member event.</summary>
    public string? SpaceId { get; init; }
}
