using System;
using System.Collections.Generic;
using System.Linq;

namespace Tribe.Sso.Testing;

/// <summary>
/// What the community tells an app about a change to its members: a sign-in that creates a member is
/// <c>member.created</c> then <c>member.verified</c> (an SSO email is verified); one that changes a member is
/// <c>member.updated</c> with the member before, and nothing when nothing changed; a space joined or left through the
/// token's groups is <c>space_membership.created</c> or <c>.deleted</c>. A membership waiting for approval is not yet one.
/// </summary>
internal static class WebhookEvents
{
    public static IEnumerable<WebhookEvent> SignedIn(TribeCommunityMember? before, TribeCommunityMember after, DateTimeOffset time)
    {
        var actor = WebhookActor.Of(after);
        if (before is null)
        {
            yield return Member("member.created", "CREATED", time, actor, after);
            yield return Member("member.verified", "VERIFIED", time, actor, after);
        }
        else if (Differ(before, after))
        {
            yield return Updated(before, after, actor, time);
        }

        var spacesBefore = Spaces(before);
        var spacesAfter = Spaces(after);
        foreach (var joined in spacesAfter.Where(s => !spacesBefore.Contains(s)))
        {
            yield return Space("space_membership.created", "CREATED", time, actor, after, joined);
        }

        foreach (var left in spacesBefore.Where(s => !spacesAfter.Contains(s)))
        {
            yield return Space("space_membership.deleted", "DELETED", time, actor, after, left);
        }
    }

    public static WebhookEvent Updated(TribeCommunityMember before, TribeCommunityMember after, WebhookActor actor, DateTimeOffset time)
        => new("member.updated", "MEMBER", "UPDATED", time, actor, after) { OldMember = before };

    public static WebhookEvent Deleted(TribeCommunityMember member, WebhookActor actor, DateTimeOffset time) => Member("member.deleted", "DELETED", time, actor, member);

    private static WebhookEvent Member(string name, string verb, DateTimeOffset time, WebhookActor actor, TribeCommunityMember member)
        => new(name, "MEMBER", verb, time, actor, member);

    private static WebhookEvent Space(string name, string verb, DateTimeOffset time, WebhookActor actor, TribeCommunityMember member, string spaceId)
        => new(name, "SPACE_MEMBERSHIP", verb, time, actor, member) { SpaceId = spaceId };

    /// <summary>What the community stores of a member, apart from when it was last stamped and its group memberships.</summary>
    private static bool Differ(TribeCommunityMember a, TribeCommunityMember b)
        => !string.Equals(a.ExternalId, b.ExternalId, StringComparison.Ordinal)
        || !string.Equals(a.Email, b.Email, StringComparison.Ordinal)
        || !string.Equals(a.Name, b.Name, StringComparison.Ordinal)
        || a.Role != b.Role
        || !a.Profile.Equals(b.Profile);

    /// <summary>The spaces the member has joined, in the order they were joined.</summary>
    private static List<string> Spaces(TribeCommunityMember? member)
        => member is null ? new List<string>() : member.Groups.Where(g => g.Status == TribeGroupStatus.Joined).Select(g => g.GroupId).ToList();
}
