using System;
using System.Linq;
using System.Text;

namespace Tribe.Sso.Testing.Tests.Simulator.Webhooks;

/// <summary>Which events a sign-in makes, and the exact bytes of an event's body.</summary>
public class WebhookEventsAndBodiesTests
{
    private static readonly DateTimeOffset Created = TestClock.Instant;
    private static readonly DateTimeOffset Later = TestClock.Instant.AddMinutes(2).AddMilliseconds(345);

    [Test]
    public void SignedIn_NewMember_IsCreatedThenVerified_ThenEachSpaceJoined()
    {
        var after = Member(groups: new[] { new TribeCommunityGroupMembership("g-news"), new TribeCommunityGroupMembership("g-vip", status: TribeGroupStatus.Unapproved), new TribeCommunityGroupMembership("g-help") });

        var events = WebhookEvents.SignedIn(null, after, Later).ToList();

        events.Select(e => (e.Name, e.Noun, e.Verb, e.SpaceId)).Should().Equal(
            ("member.created", "MEMBER", "CREATED", null),
            ("member.verified", "MEMBER", "VERIFIED", null),
            ("space_membership.created", "SPACE_MEMBERSHIP", "CREATED", "g-news"),
            ("space_membership.created", "SPACE_MEMBERSHIP", "CREATED", "g-help"));
        events.Should().OnlyContain(e => e.Member == after && e.OldMember == null && e.Time == Later && e.Actor.Id == after.Id && e.Actor.RoleType == "member");
    }

    [Test]
    public void SignedIn_NothingChanged_IsNoEvent()
        => WebhookEvents.SignedIn(Member(), Member(updatedAt: Later), Later).Should().BeEmpty("when it was last stamped is not a change");

    [TestCase("externalId")]
    [TestCase("email")]
    [TestCase("name")]
    [TestCase("name-case")]
    [TestCase("role")]
    [TestCase("profile")]
    public void SignedIn_OneFieldChanged_IsOneMemberUpdated_WithTheMemberBefore(string field)
    {
        var before = Member();
        var after = field switch
        {
            "externalId" => Member(externalId: "43"),
            "email" => Member(email: "jane.smith@example.com"),
            "name" => Member(name: "Jane Smith"),
            "name-case" => Member(name: "jane doe"),
            "role" => Member(role: TribeRole.Admin),
            _ => Member(profile: new TribeProfile { Tagline = "Gardener" }),
        };

        var events = WebhookEvents.SignedIn(before, after, Later).ToList();

        events.Should().ContainSingle();
        (events[0].Name, events[0].Noun, events[0].Verb).Should().Be(("member.updated", "MEMBER", "UPDATED"));
        events[0].Member.Should().BeSameAs(after);
        events[0].OldMember.Should().BeSameAs(before);
        events[0].Actor.RoleType.Should().Be(ClaimValues.Of(after.Role), "the actor is the member as the sign-in left them");
    }

    [Test]
    public void SignedIn_SpacesJoinedAndLeft_AreOneEventEach_JoinedFirst_AndAWaitingOneIsNeither()
    {
        var before = Member(groups: new[] { new TribeCommunityGroupMembership("a"), new TribeCommunityGroupMembership("b"), new TribeCommunityGroupMembership("w", status: TribeGroupStatus.Unapproved) });
        var after = Member(groups: new[] { new TribeCommunityGroupMembership("b"), new TribeCommunityGroupMembership("w"), new TribeCommunityGroupMembership("c") });

        var events = WebhookEvents.SignedIn(before, after, Later).ToList();

        events.Select(e => e.Name + " " + e.SpaceId).Should().Equal("space_membership.created w", "space_membership.created c", "space_membership.deleted a");
        events.Should().OnlyContain(e => e.Member == after && e.OldMember == null);
    }

    [Test]
    public void Deleted_IsAMemberDeletedEvent_ByTheActorGiven()
    {
        var member = Member();
        var bot = new WebhookActor("app-1", TribeRole.Admin);

        var e = WebhookEvents.Deleted(member, bot, Later);

        (e.Name, e.Noun, e.Verb, e.Time, e.Actor.Id, e.Actor.RoleType).Should().Be(("member.deleted", "MEMBER", "DELETED", Later, "app-1", "admin"));
        e.Member.Should().BeSameAs(member);
        e.OldMember.Should().BeNull();
        e.SpaceId.Should().BeNull();
    }

    [Test]
    public void Event_Body_IsTheEnvelopeAndEveryMemberFieldInNameOrder()
    {
        var member = Member(role: TribeRole.Moderator, profile: new TribeProfile { Locale = "fr-CA", Tagline = "Gardener" });
        var e = WebhookEvents.Updated(Member(), member, WebhookActor.Of(member), Later);

        var body = Encoding.UTF8.GetString(WebhookBodies.Event("Net1", "/community-sim", "e1", e));

        body.Should().Be("{\"networkId\":\"Net1\",\"context\":\"NETWORK\",\"entityId\":\"Net1\",\"currentSettings\":[],\"type\":\"SUBSCRIPTION\",\"data\":{"
            + "\"id\":\"e1\",\"name\":\"member.updated\",\"noun\":\"MEMBER\",\"verb\":\"UPDATED\",\"time\":\"2026-01-01T00:02:00.345Z\","
            + "\"actor\":{\"id\":\"0123456789abcdef01234567\",\"roleType\":\"moderator\"},"
            + "\"object\":" + MemberJson("moderator", "[\"NetworkStaffRole\"]", "true", "\"fr-CA\"", "\"Gardener\"", "2026-01-01T00:02:00.345Z") + ","
            + "\"oldObject\":" + MemberJson("member", "[]", "false", "\"en-US\"", "null", "2026-01-01T00:00:00.000Z") + ","
            + "\"target\":{\"networkId\":\"Net1\",\"memberId\":\"0123456789abcdef01234567\"}}}");
    }

    [Test]
    public void SpaceEvent_Body_NamesTheSpace_AsItsObjectAndInItsTarget()
    {
        var member = Member(groups: new[] { new TribeCommunityGroupMembership("g-news") });
        var e = WebhookEvents.SignedIn(Member(), member, Later).Single();

        var body = Encoding.UTF8.GetString(WebhookBodies.Event("Net1", string.Empty, "e2", e));

        body.Should().EndWith("\"object\":{\"id\":\"g-news\"},\"target\":{\"networkId\":\"Net1\",\"memberId\":\"0123456789abcdef01234567\",\"spaceId\":\"g-news\"}}}");
        body.Should().NotContain("oldObject");
    }

    [Test]
    public void Test_Body_IsTheEnvelopeAroundTheChallenge()
        => Encoding.UTF8.GetString(WebhookBodies.Test("Net1", "c-1")).Should().Be(
            "{\"networkId\":\"Net1\",\"context\":\"NETWORK\",\"entityId\":\"Net1\",\"currentSettings\":[],\"type\":\"TEST\",\"data\":{\"challenge\":\"c-1\"}}");

    [Test]
    public void Ids_AreTwentyFourHexDigits_AndThirtyTwoUrlSafeCharacters_NewEachTime()
    {
        var ids = Enumerable.Range(0, 20).Select(_ => WebhookIds.NewEventId()).ToList();
        var challenges = Enumerable.Range(0, 20).Select(_ => WebhookIds.NewChallenge()).ToList();

        ids.Should().OnlyContain(id => System.Text.RegularExpressions.Regex.IsMatch(id, "^[0-9a-f]{24}$")).And.OnlyHaveUniqueItems();
        challenges.Should().OnlyContain(c => System.Text.RegularExpressions.Regex.IsMatch(c, "^[A-Za-z0-9_-]{32}$")).And.OnlyHaveUniqueItems();
    }

    [Test]
    public void Hex_IsTwoLowercaseDigitsABytes()
        => WebhookSignature.Hex(new byte[] { 0x00, 0x0f, 0xa0, 0xff }).Should().Be("000fa0ff");

    private static string MemberJson(string role, string staffReasons, string teammate, string locale, string tagline, string updatedAt)
        => "{\"bannerId\":null,\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"displayName\":\"Jane Doe\",\"email\":\"jane@example.com\",\"emailStatus\":\"verified\","
            + "\"externalId\":\"42\",\"externalUrl\":null,\"flagged\":false,\"id\":\"0123456789abcdef01234567\",\"lastSeen\":null,\"lastSeenAt\":null,"
            + "\"locale\":" + locale + ",\"name\":\"Jane Doe\",\"networkId\":\"Net1\",\"newEmail\":null,\"profilePictureId\":null,"
            + "\"relativeUrl\":\"/community-sim/member/0123456789abcdef01234567\",\"roleId\":\"role-" + role + "\",\"score\":0,\"staffReasons\":" + staffReasons + ","
            + "\"status\":\"VERIFIED\",\"subscribersCount\":0,\"tagline\":" + tagline + ",\"teammate\":" + teammate + ",\"updatedAt\":\"" + updatedAt + "\","
            + "\"url\":null,\"username\":\"member123456789abcdef01234567\",\"verifiedAt\":\"2026-01-01T00:00:00.000Z\"}";

    private static TribeCommunityMember Member(
        string externalId = "42",
        string email = "jane@example.com",
        string name = "Jane Doe",
        TribeRole role = TribeRole.Member,
        TribeProfile? profile = null,
        TribeCommunityGroupMembership[]? groups = null,
        DateTimeOffset? updatedAt = null)
        => new("0123456789abcdef01234567", externalId, email, name, role, profile ?? TribeProfile.Empty, groups ?? Array.Empty<TribeCommunityGroupMembership>(), Created,
            updatedAt ?? (role == TribeRole.Member && profile is null ? Created : Later));
}
