using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Tribe.Sso.Testing;

/// <summary>
/// The bytes of each delivery: the envelope (<c>networkId</c>, <c>context</c>, <c>entityId</c>, <c>currentSettings</c>,
/// <c>type</c>, <c>data</c>) around the test challenge or an event. A member is written with every field of the
/// gateway's <c>Member</c> (<see cref="GatewayMembers.ToObject"/>), so a delivery and an API answer agree on names and values.
/// </summary>
internal static class WebhookBodies
{
    public static byte[] Test(string networkId, string challenge) => Write(networkId, "TEST", w => w.WriteString("challenge", challenge));

    public static byte[] Event(string networkId, string basePath, string eventId, WebhookEvent e) => Write(networkId, "SUBSCRIPTION", w =>
    {
        w.WriteString("id", eventId);
        w.WriteString("name", e.Name);
        w.WriteString("noun", e.Noun);
        w.WriteString("verb", e.Verb);
        w.WriteString("time", GatewayMembers.Time(e.Time));
        w.WriteStartObject("actor");
        w.WriteString("id", e.Actor.Id);
        w.WriteString("roleType", e.Actor.RoleType);
        w.WriteEndObject();
        w.WritePropertyName("object");
        if (e.SpaceId is { } spaceId)
        {
            w.WriteStartObject();
            w.WriteString("id", spaceId);
            w.WriteEndObject();
        }
        else
        {
            WriteMember(w, GatewayMembers.ToObject(e.Member, networkId, basePath));
        }

        if (e.OldMember is { } old)
        {
            w.WritePropertyName("oldObject");
            WriteMember(w, GatewayMembers.ToObject(old, networkId, basePath));
        }

        w.WriteStartObject("target");
        w.WriteString("networkId", networkId);
        w.WriteString("memberId", e.Member.Id);
        if (e.SpaceId is not null)
        {
            w.WriteString("spaceId", e.SpaceId);
        }

        w.WriteEndObject();
    });

    private static byte[] Write(string networkId, string type, Action<Utf8JsonWriter> data)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteString("networkId", networkId);
            w.WriteString("context", "NETWORK");
            w.WriteString("entityId", networkId);
            w.WriteStartArray("currentSettings");
            w.WriteEndArray();
            w.WriteString("type", type);
            w.WriteStartObject("data");
            data(w);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Every field of the gateway's member, in name order, so the same member always gives the same bytes.</summary>
    private static void WriteMember(Utf8JsonWriter w, GatewayObject member)
    {
        w.WriteStartObject();
        foreach (var field in member.Fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            w.WritePropertyName(field.Key);
            WriteValue(w, field.Value);
        }

        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case string text:
                w.WriteStringValue(text);
                break;
            case int number:
                w.WriteNumberValue(number);
                break;
            case bool boolean:
                w.WriteBooleanValue(boolean);
                break;
            case DateTimeOffset time:
                w.WriteStringValue(GatewayMembers.Time(time));
                break;
            case IEnumerable items:
                w.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(w, item);
                }

                w.WriteEndArray();
                break;
            default:
                w.WriteNullValue();
                break;
        }
    }
}
