using System;
using static Tribe.Sso.Members.Tests.Support.WebhookFixtures;

namespace Tribe.Sso.Members.Tests.Webhooks;

/// <summary>Each field of a delivery: read from its own name, refused by its own path, and the names' character sets at their edges.</summary>
public class TribeWebhookDeliveryFieldTests
{
    private const string Event = "{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"space.created\",";

    [TestCase("{\"type\":\"TEST\",\"entityId\":[],\"data\":{\"challenge\":\"c\"}}", "The webhook field \"entityId\" is not a string.")]
    [TestCase(Event + "\"target\":\"t\"}}", "The webhook field \"data.target\" is not an object.")]
    [TestCase(Event + "\"noun\":1}}", "The webhook field \"data.noun\" is not a string.")]
    [TestCase(Event + "\"verb\":{}}}", "The webhook field \"data.verb\" is not a string.")]
    [TestCase(Event + "\"time\":1767225600000}}", "The webhook field \"data.time\" is not a string.")]
    [TestCase(Event + "\"actor\":{\"id\":1}}}", "The webhook field \"data.actor.id\" is not a string.")]
    [TestCase(Event + "\"actor\":{\"roleType\":true}}}", "The webhook field \"data.actor.roleType\" is not a string.")]
    [TestCase(Event + "\"target\":{\"networkId\":1}}}", "The webhook field \"data.target.networkId\" is not a string.")]
    [TestCase(Event + "\"target\":{\"spaceId\":1}}}", "The webhook field \"data.target.spaceId\" is not a string.")]
    [TestCase(Event + "\"oldObject\":[]}}", "The webhook field \"data.oldObject\" is not an object.")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"space_membership.created\",\"target\":{\"memberId\":\"m1\"},\"object\":{\"id\":7}}}", "The webhook field \"data.object.id\" is not a string.")]
    public void Parse_FieldOfTheWrongKind_IsRefusedByItsPath(string body, string message)
        => FluentActions.Invoking(() => TribeWebhookDelivery.Parse(Utf8(body))).Should().ThrowExactly<TribeWebhookFormatException>().WithMessage(message);

    [Test]
    public void Parse_EveryField_IsReadFromItsOwnName()
    {
        var body = "{\"type\":\"SUBSCRIPTION\",\"networkId\":\"net-1\",\"context\":\"NETWORK\",\"entityId\":\"ent-1\",\"data\":{\"id\":\"e\",\"name\":\"space_membership.created\","
            + "\"noun\":\"SPACE_MEMBERSHIP\",\"verb\":\"CREATED\",\"time\":\"2026-01-01T00:00:00.000Z\",\"actor\":{\"id\":\"act-1\",\"roleType\":\"ADMIN\"},"
            + "\"target\":{\"networkId\":\"net-2\",\"memberId\":\"m1\",\"spaceId\":\"s1\"},\"object\":{\"id\":\"s9\"}}}";

        var delivery = TribeWebhookDelivery.Parse(Utf8(body));

        delivery.EntityId.Should().Be("ent-1");
        delivery.Context.Should().Be("NETWORK");
        var e = delivery.Event.Should().BeOfType<TribeSpaceMembershipEvent>().Subject;
        (e.Noun, e.Verb, e.Time).Should().Be(("SPACE_MEMBERSHIP", "CREATED", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        (e.Actor.Id, e.Actor.RoleType).Should().Be(("act-1", "ADMIN"));
        (e.Target.NetworkId, e.Target.MemberId, e.Target.SpaceId).Should().Be(("net-2", "m1", "s1"));
        e.SpaceId.Should().Be("s1", "the target's space comes before the object's id");
    }

    [Test]
    public void Parse_SpaceMembershipWithoutATargetSpace_TakesTheObjectsId()
    {
        var body = "{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"space_membership.deleted\",\"target\":{\"memberId\":\"m1\"},\"object\":{\"id\":\"s9\"}}}";

        TribeWebhookDelivery.Parse(Utf8(body)).Event.Should().BeOfType<TribeSpaceMembershipEvent>().Which.SpaceId.Should().Be("s9");
    }

    [TestCase(new byte[] { 0xED, 0xA0, 0x80 }, TestName = "Parse_ChallengeWithAnEncodedLoneHighSurrogate_IsRefused")]
    [TestCase(new byte[] { 0xED, 0xB0, 0x80 }, TestName = "Parse_ChallengeWithAnEncodedLoneLowSurrogate_IsRefused")]
    public void Parse_ChallengeWithASurrogateWrittenAsUtf8Bytes_IsRefusedAsNotUtf8(byte[] surrogate)
    {
        // UTF-8 forbids encoding a surrogate; the challenge is echoed in the answer, so it must come out whole UTF-16.
        byte[] body = [.. Utf8("{\"type\":\"TEST\",\"data\":{\"challenge\":\"a"), .. surrogate, .. Utf8("b\"}}")];

        FluentActions.Invoking(() => TribeWebhookDelivery.Parse(body)).Should().ThrowExactly<TribeWebhookFormatException>()
            .WithMessage("The webhook body holds a string that is not valid UTF-8.");
    }

    [Test]
    public void Parse_TypeOfEveryAllowedCharacter_IsRead_TheirNeighboursAreNot()
    {
        TribeWebhookDelivery.Parse(Utf8("{\"type\":\"AMZamz059_\"}")).TypeName.Should().Be("AMZamz059_");
        foreach (var c in "@[`{/:.-")
        {
            FluentActions.Invoking(() => TribeWebhookDelivery.Parse(Utf8("{\"type\":\"A" + c + "\"}"))).Should().ThrowExactly<TribeWebhookFormatException>()
                .WithMessage("The webhook field \"type\" holds a character other than letters, digits and '_'.", "'{0}' is not allowed", c);
        }
    }

    [Test]
    public void Parse_EventNameOfEveryAllowedCharacter_IsRead_TheirNeighboursAreNot()
    {
        const string Name = "AMZamz059._-";
        TribeWebhookDelivery.Parse(Utf8((Event + "\"x\":0}}").Replace("space.created", Name, StringComparison.Ordinal))).Event!.Name.Should().Be(Name);
        foreach (var c in "@[`{/:,")
        {
            var body = Event.Replace("space.created", "a" + c, StringComparison.Ordinal) + "\"x\":0}}";
            FluentActions.Invoking(() => TribeWebhookDelivery.Parse(Utf8(body))).Should().ThrowExactly<TribeWebhookFormatException>()
                .WithMessage("The webhook field \"data.name\" holds a character other than letters, digits, '.', '_' and '-'.", "'{0}' is not allowed", c);
        }
    }

    [TestCase(100, false)]
    [TestCase(101, true)]
    public void Parse_EventName_IsBoundedAt100Characters(int length, bool refused)
    {
        var body = Utf8(Event.Replace("space.created", new string('n', length), StringComparison.Ordinal) + "\"x\":0}}");

        var parse = FluentActions.Invoking(() => TribeWebhookDelivery.Parse(body));

        if (refused)
        {
            parse.Should().ThrowExactly<TribeWebhookFormatException>().WithMessage("The webhook field \"data.name\" is missing or longer than 100 characters.");
        }
        else
        {
            parse().Event!.Name.Should().HaveLength(100);
        }
    }
}
