using System;
using System.Text.Json;
using static Tribe.Sso.Members.Tests.Support.WebhookFixtures;

namespace Tribe.Sso.Members.Tests.Webhooks;

/// <summary>
/// What a delivery's body reads as: the TEST challenge, typed member and space membership events, any other event with
/// its raw object, any other type by its name, and unknown fields ignored, as the community adds them.
/// </summary>
public class TribeWebhookDeliveryTests
{
    [Test]
    public void Parse_TestRequest_GivesTheChallengeToEcho()
    {
        var delivery = TribeWebhookDelivery.Parse(Utf8(TestBody));

        delivery.Type.Should().Be(TribeWebhookDeliveryType.Test);
        delivery.TypeName.Should().Be("TEST");
        delivery.NetworkId.Should().Be("net-1");
        delivery.Context.Should().Be("NETWORK");
        delivery.Challenge.Should().Be("c-7d1f");
        delivery.Event.Should().BeNull();
        delivery.ToString().Should().Be("TribeWebhookDelivery { Type = TEST }");
    }

    [TestCase(TribeWebhookEventNames.MemberCreated, "UNVERIFIED", TribeMemberStatus.Unverified)]
    [TestCase(TribeWebhookEventNames.MemberVerified, "VERIFIED", TribeMemberStatus.Verified)]
    [TestCase(TribeWebhookEventNames.MemberDeleted, "DELETED", TribeMemberStatus.Deleted)]
    [TestCase(TribeWebhookEventNames.MemberUpdated, "BLOCKED", TribeMemberStatus.Blocked)]
    [TestCase(TribeWebhookEventNames.MemberUpdated, "SOMETHING_NEW", TribeMemberStatus.Unknown)]
    public void Parse_MemberEvent_GivesTheMember(string name, string status, TribeMemberStatus expected)
    {
        var delivery = TribeWebhookDelivery.Parse(Utf8(MemberEvent(name, Member(status: status))));

        delivery.Type.Should().Be(TribeWebhookDeliveryType.Subscription);
        var e = delivery.Event.Should().BeOfType<TribeMemberEvent>().Subject;
        e.Name.Should().Be(name);
        e.Id.Should().Be("ev-1");
        e.Member.Id.Should().Be("m1");
        e.Member.ExternalId.Should().Be("42");
        e.Member.Email.Should().Be("jane@example.com");
        e.Member.Name.Should().Be("Jane Doe");
        e.Member.Status.Should().Be(expected);
        e.OldMember.Should().BeNull("only an update carries oldObject");
    }

    [Test]
    public void Parse_MemberUpdated_GivesTheMemberBeforeAndAfterAndTheEventsFields()
    {
        var body = MemberEvent("member.updated", Member(email: "new@example.com"), Member(email: "old@example.com", name: "Jane Roe"));

        var e = (TribeMemberEvent)TribeWebhookDelivery.Parse(Utf8(body)).Event!;

        e.Member.Email.Should().Be("new@example.com");
        e.OldMember!.Email.Should().Be("old@example.com");
        e.OldMember.Name.Should().Be("Jane Roe");
        e.Noun.Should().Be("MEMBER");
        e.Verb.Should().Be("UPDATED");
        e.Time.Should().Be(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        e.NetworkId.Should().Be("net-1");
        e.Actor.Id.Should().Be("admin-1");
        e.Actor.RoleType.Should().Be("admin");
        e.Target.NetworkId.Should().Be("net-1");
        e.Target.MemberId.Should().Be("m1");
        e.Target.SpaceId.Should().BeNull();
        e.RawObject.GetProperty("email").GetString().Should().Be("new@example.com");
        e.RawOldObject.GetProperty("email").GetString().Should().Be("old@example.com");
    }

    [Test]
    public void Parse_MemberWithAnEmptyExternalId_IsNotLinked()
        => ((TribeMemberEvent)TribeWebhookDelivery.Parse(Utf8(MemberEvent("member.created", Member(externalId: "")))).Event!).Member.ExternalId.Should().BeNull();

    [Test]
    public void Parse_UnreadableEventTime_IsLeftOut()
    {
        var body = MemberEvent("member.created", Member()).Replace("2026-01-01T00:00:00.000Z", "yesterday", StringComparison.Ordinal);

        TribeWebhookDelivery.Parse(Utf8(body)).Event!.Time.Should().BeNull();
    }

    [TestCase("space_membership.created", "{\"memberId\":\"m1\",\"spaceId\":\"s1\"}", "null", TestName = "Parse_SpaceMembershipCreated_GivesTheMemberAndTheSpaceFromTheTarget")]
    [TestCase("space_membership.deleted", "{\"memberId\":\"m1\",\"spaceId\":\"s1\"}", "{\"id\":\"other\"}", TestName = "Parse_SpaceMembershipDeleted_PrefersTheTargetsSpaceToTheObjects")]
    [TestCase("space_membership.created", "{\"memberId\":\"m1\"}", "{\"id\":\"s1\",\"name\":\"General\"}", TestName = "Parse_SpaceMembershipWithoutTargetSpace_FallsBackToTheObjectsId")]
    [TestCase("space_membership.deleted", "{\"memberId\":\"m1\",\"spaceId\":null}", "{\"id\":\"s1\"}", TestName = "Parse_SpaceMembershipWithNullTargetSpace_FallsBackToTheObjectsId")]
    public void Parse_SpaceMembershipEvent(string name, string target, string objectJson)
    {
        var e = TribeWebhookDelivery.Parse(Utf8(SpaceEvent(name, target, objectJson))).Event.Should().BeOfType<TribeSpaceMembershipEvent>().Subject;

        e.Name.Should().Be(name);
        e.MemberId.Should().Be("m1");
        e.SpaceId.Should().Be("s1");
    }

    [TestCase("space.created")]
    [TestCase("member_invitation.created")]
    [TestCase("space_join_request.accepted")]
    [TestCase("post.published")]
    [TestCase("membership.created")]
    public void Parse_OtherEvent_IsABaseEventWithItsRawObject(string name)
    {
        var body = "{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"ev-9\",\"name\":\"" + name + "\",\"object\":{\"id\":\"x1\",\"title\":\"" + Marker + "\"}}}";

        var e = TribeWebhookDelivery.Parse(Utf8(body)).Event!;

        e.GetType().Should().Be<TribeWebhookEvent>();
        e.Name.Should().Be(name);
        e.RawObject.GetProperty("id").GetString().Should().Be("x1");
        e.RawOldObject.ValueKind.Should().Be(JsonValueKind.Undefined);
        e.ToString().Should().Be("TribeWebhookEvent { Id = ev-9, Name = " + name + " }");
    }

    [Test]
    public void Parse_RawObject_OutlivesTheParse()
    {
        var body = Utf8(MemberEvent("member.updated", Member()));
        var e = TribeWebhookDelivery.Parse(body).Event!;
        Array.Clear(body);
        GC.Collect();

        e.RawObject.GetProperty("email").GetString().Should().Be("jane@example.com", "the object is a copy, not a view of the pooled document");
    }

    [TestCase("APP_INSTALLED", TribeWebhookDeliveryType.AppInstalled)]
    [TestCase("APP_UNINSTALLED", TribeWebhookDeliveryType.AppUninstalled)]
    [TestCase("SOMETHING_NEW", TribeWebhookDeliveryType.Unknown)]
    [TestCase("subscription", TribeWebhookDeliveryType.Unknown)]
    [TestCase("Test", TribeWebhookDeliveryType.Unknown)]
    public void Parse_OtherType_IsNamedAsSent(string type, TribeWebhookDeliveryType expected)
    {
        var delivery = TribeWebhookDelivery.Parse(Utf8("{\"networkId\":\"net-1\",\"type\":\"" + type + "\",\"data\":{\"anything\":[1,2]}}"));

        delivery.Type.Should().Be(expected);
        delivery.TypeName.Should().Be(type);
        delivery.Event.Should().BeNull();
        delivery.Challenge.Should().BeNull();
    }

    [Test]
    public void Parse_UnknownFieldsEverywhere_AreIgnored()
    {
        const string Extra = "\"future\":{\"a\":[1,{\"b\":null}],\"c\":1e400},\"flag\":true";
        var body = "{" + Extra + ",\"type\":\"SUBSCRIPTION\",\"networkId\":\"net-1\",\"currentSettings\":[{\"x\":1}],\"data\":{" + Extra
                   + ",\"id\":\"ev-1\",\"name\":\"member.updated\",\"actor\":{" + Extra + ",\"id\":\"a1\"},\"target\":{" + Extra + ",\"memberId\":\"m1\"},"
                   + "\"object\":{" + Extra + ",\"id\":\"m1\",\"email\":\"jane@example.com\",\"profile\":{\"bio\":\"x\"},\"badges\":[]}}}";

        var e = (TribeMemberEvent)TribeWebhookDelivery.Parse(Utf8(body)).Event!;

        e.Member.Id.Should().Be("m1");
        e.Member.Email.Should().Be("jane@example.com");
        e.Actor.Id.Should().Be("a1");
    }

    [Test]
    public void Parse_NullOptionalFields_ReadAsAbsent()
    {
        const string Body = "{\"type\":\"SUBSCRIPTION\",\"networkId\":null,\"context\":null,\"data\":{\"id\":\"e\",\"name\":\"space.created\",\"noun\":null,\"actor\":null,\"target\":null,\"object\":null}}";

        var delivery = TribeWebhookDelivery.Parse(Utf8(Body));

        delivery.NetworkId.Should().BeNull();
        delivery.Event!.Actor.Id.Should().BeNull();
        delivery.Event.Target.MemberId.Should().BeNull();
        delivery.Event.RawObject.ValueKind.Should().Be(JsonValueKind.Undefined);
    }

    [Test]
    public void Descriptions_OfAbsentIds_SayNull_AndAGivenSpaceIsShown()
    {
        const string Body = "{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"space.updated\",\"actor\":{},\"target\":{\"spaceId\":\"s1\"}}}";

        var e = TribeWebhookDelivery.Parse(Utf8(Body)).Event!;

        e.Actor.ToString().Should().Be("TribeWebhookActor { Id = null, RoleType = null }");
        e.Target.ToString().Should().Be("TribeWebhookTarget { NetworkId = null, MemberId = null, SpaceId = s1 }");
    }

    [Test]
    public void Descriptions_AreExact_AndNeverShowTheChallengeTheMemberOrAnEmail()
    {
        var test = TribeWebhookDelivery.Parse(Utf8(TestBody.Replace("c-7d1f", Marker, StringComparison.Ordinal)));
        var body = MemberEvent("member.updated", Member(email: Marker + "@example.com", name: Marker), Member(email: "old-" + Marker + "@example.com"));
        var delivery = TribeWebhookDelivery.Parse(Utf8(body));
        var e = (TribeMemberEvent)delivery.Event!;
        var space = TribeWebhookDelivery.Parse(Utf8(SpaceEvent("space_membership.created", "{\"memberId\":\"m1\",\"spaceId\":\"s1\"}")));

        delivery.ToString().Should().Be("TribeWebhookDelivery { Type = SUBSCRIPTION, Event = member.updated (ev-1) }");
        e.ToString().Should().Be("TribeMemberEvent { Id = ev-1, Name = member.updated }");
        e.Member.ToString().Should().Be("TribeMember { Id = m1, ExternalId = 42, Status = Verified }");
        e.Actor.ToString().Should().Be("TribeWebhookActor { Id = admin-1, RoleType = admin }");
        e.Target.ToString().Should().Be("TribeWebhookTarget { NetworkId = net-1, MemberId = m1, SpaceId = null }");
        space.Event!.ToString().Should().Be("TribeSpaceMembershipEvent { Id = ev-2, Name = space_membership.created }");
        foreach (var text in new[] { test.ToString(), delivery.ToString(), e.ToString(), e.Member.ToString(), e.OldMember!.ToString(), e.Actor.ToString(), e.Target.ToString() })
        {
            text.Should().NotContain(Marker).And.NotContain("@");
        }
    }
}
