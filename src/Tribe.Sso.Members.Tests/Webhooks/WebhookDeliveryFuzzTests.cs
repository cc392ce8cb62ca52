using System;
using System.Linq;
using CsCheck;
using static Tribe.Sso.Members.Tests.Support.WebhookFixtures;

namespace Tribe.Sso.Members.Tests.Webhooks;

/// <summary>
/// The parser over generated input (seeded: <see cref="Fuzz"/>): arbitrary bytes, JSON shaped like deliveries with
/// odd values, and valid deliveries truncated, flipped or spliced. Each either reads, and then every property and
/// description can be read, or throws a <see cref="TribeWebhookFormatException"/> that quotes nothing of the body.
/// </summary>
public class WebhookDeliveryFuzzTests
{
    private static readonly string[] Names =
    {
        "type", "networkId", "context", "entityId", "currentSettings", "data", "challenge", "id", "name", "noun", "verb", "time", "actor", "roleType",
        "target", "memberId", "spaceId", "object", "oldObject", "externalId", "email", "status", "createdAt", "", "Type", "ID",
    };

    private static readonly string[] Scalars =
    {
        "\"TEST\"", "\"SUBSCRIPTION\"", "\"APP_INSTALLED\"", "\"member.created\"", "\"member.updated\"", "\"member.deleted\"", "\"space_membership.created\"",
        "\"space_membership.deleted\"", "\"space.created\"", "\"m1\"", "\"42\"", "\"" + Marker + "@example.com\"", "\"VERIFIED\"", "\"\"", "\"\\ud800\"",
        "\"\\u0000\"", "\"\\u001b[2J\"", "\"2026-01-01T00:00:00Z\"", "\"not a date\"", "\"é😀\"", "0", "-1", "1e400", "1.5", "true", "false", "null", "[]", "{}",
    };

    private static readonly Gen<string> Value = Gen.Recursive<string>((depth, inner) => depth >= 4
        ? Gen.OneOf(Scalars)
        : Gen.Frequency(
            (5, Gen.OneOf(Scalars)),
            (1, inner.Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
            (3, Gen.Select(Gen.OneOf(Names), inner).Array[0, 6].Select(Object))));

    /// <summary>Envelopes with a type and data most of the time, so the event paths are reached.</summary>
    private static readonly Gen<string> Shaped = Gen.Select(Gen.OneOf("\"TEST\"", "\"SUBSCRIPTION\"", "\"APP_INSTALLED\"", "1", "null"), Gen.Select(Gen.OneOf(Names), Value).Array[0, 8], Gen.OneOf(Scalars))
        .Select(t => "{\"type\":" + t.Item1 + ",\"data\":" + Object(t.Item2.Append(("name", t.Item3)).Append(("id", "\"ev-1\"")).ToArray()) + "}");

    private static readonly byte[][] Valid =
    {
        Utf8(TestBody),
        Utf8(MemberEvent("member.updated", Member(email: Marker + "@example.com"), Member(email: "old-" + Marker + "@example.com"))),
        Utf8(MemberEvent("member.deleted", Member(name: "Zoë 😀"))),
        Utf8(SpaceEvent("space_membership.created", "{\"memberId\":\"m1\",\"spaceId\":\"s1\"}")),
        Utf8(SpaceEvent("space_membership.deleted", "{\"memberId\":\"m1\"}", "{\"id\":\"s1\"}")),
    };

    /// <summary>Valid deliveries, then cut, flipped, with bytes inserted or removed, or two spliced together.</summary>
    private static readonly Gen<byte[]> Mutated = Gen.Select(Gen.Int[0, Valid.Length - 1], Gen.Int[0, 5], Gen.Int, Gen.Byte).Select(t =>
    {
        var (which, mutation, position, value) = t;
        var body = Valid[which];
        var at = (int)((uint)position % (uint)body.Length);
        return mutation switch
        {
            0 => body[..at],
            1 => body.Select((b, i) => i == at ? (byte)(b ^ value) : b).ToArray(),
            2 => [.. body[..at], value, .. body[at..]],
            3 => [.. body[..at], .. body[(at + 1)..]],
            4 => [.. body[..at], .. Valid[(which + 1) % Valid.Length].Skip(at)],
            _ => [.. body[..at], 0xED, 0xA0, 0x80, .. body[at..]],
        };
    });

    [Test]
    public void Parse_ArbitraryBytes_ReadsOrThrowsOnlyAFormatException()
        => Fuzz.Run(Gen.Frequency((4, Gen.Byte.Array[0, 300]), (1, Gen.Char[' ', '~'].Array[0, 200].Select(c => Utf8(new string(c))))), Check, ciDefault: 2000, show: Convert.ToHexString);

    [Test]
    public void Parse_DeliveryShapedJsonWithOddValues_ReadsOrThrowsOnlyAFormatException()
        => Fuzz.Run(Gen.Frequency((3, Shaped), (1, Value)).Select(Utf8), Check, ciDefault: 3000, show: b => System.Text.Encoding.UTF8.GetString(b));

    [Test]
    public void Parse_MutatedValidDeliveries_ReadOrThrowOnlyAFormatException()
        => Fuzz.Run(Mutated, Check, ciDefault: 3000, show: b => System.Text.Encoding.UTF8.GetString(b));

    [Test]
    public void Parse_DeepOrHugeBodies_ReadOrThrowOnlyAFormatException()
    {
        var deep = Gen.Select(Gen.Int[60, 5000], Gen.OneOf("[", "{\"a\":")).Select(t => Utf8("{\"type\":\"TEST\",\"x\":" + string.Concat(Enumerable.Repeat(t.Item2, t.Item1)) + "1" + string.Concat(Enumerable.Repeat(t.Item2 == "[" ? "]" : "}", t.Item1)) + "}"));
        var huge = Gen.Int[1, 3_000_000].Select(n => Utf8("{\"type\":\"TEST\",\"data\":{\"challenge\":\"" + new string('c', n) + "\"}}"));

        Fuzz.Run(Gen.OneOf(deep, huge), Check, ciDefault: 60, show: b => b.Length + " bytes");
    }

    private static void Check(byte[] body)
    {
        TribeWebhookDelivery delivery;
        try
        {
            delivery = TribeWebhookDelivery.Parse(body);
        }
        catch (TribeWebhookFormatException refused)
        {
            refused.Message.Should().NotContain(Marker).And.StartWith("The ");
            refused.InnerException.Should().BeNull();
            return;
        }

        // Read: everything a handler or a log line may touch can be read. Descriptions show ids, names and the type, by
        // design; beyond those, no value of the body (the email, the challenge) appears in any of them.
        var e = delivery.Event;
        var texts = new[] { delivery.ToString(), e?.ToString(), e?.Actor.ToString(), e?.Target.ToString() }.ToList();
        var shown = new[] { delivery.TypeName, e?.Id, e?.Name, e?.Actor.Id, e?.Actor.RoleType, e?.Target.NetworkId, e?.Target.MemberId, e?.Target.SpaceId }.ToList();
        _ = (delivery.Type, delivery.NetworkId, delivery.Context, delivery.EntityId, delivery.Challenge, e?.Time, e?.RawObject.ValueKind, e?.RawOldObject.ValueKind);
        switch (e)
        {
            case TribeMemberEvent member:
                member.Member.Id.Should().NotBeNullOrEmpty();
                texts.AddRange([member.Member.ToString(), member.OldMember?.ToString()]);
                shown.AddRange([member.Member.Id, member.Member.ExternalId, member.OldMember?.Id, member.OldMember?.ExternalId]);
                break;
            case TribeSpaceMembershipEvent space:
                space.MemberId.Should().NotBeNull();
                space.SpaceId.Should().NotBeNull();
                break;
        }

        if (!shown.Any(s => s?.Contains(Marker, StringComparison.Ordinal) == true))
        {
            texts.Should().AllSatisfy(t => (t ?? string.Empty).Should().NotContain(Marker));
        }
    }

    private static string Object((string Name, string Value)[] members) => "{" + string.Join(",", members.Select(m => "\"" + m.Name + "\":" + m.Value)) + "}";
}
