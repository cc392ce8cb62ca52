using System;
using System.Globalization;
using System.Text.Json;

namespace Tribe.Sso.Members;

/// <summary>
/// From a delivery's raw body to <see cref="TribeWebhookDelivery"/>. The body is untrusted until verified and may be
/// parsed by a careless caller before that, so every failure is a <see cref="TribeWebhookFormatException"/> naming the
/// field: never a parser's own message (which can quote the body), never a crash.
/// </summary>
internal static class DeliveryReader
{
    /// <summary>Deeper than any delivery the community sends; a deeper body is an attack on the parser, not data.</summary>
    public const int MaxDepth = 64;

    /// <summary>An event id is a key of the delivery log: bounded so a hostile id cannot grow the log's memory.</summary>
    public const int MaxIdLength = 256;

    /// <summary>The longest challenge echoed; the community's are short random strings.</summary>
    public const int MaxChallengeLength = 1024;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    public static TribeWebhookDelivery Read(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException)
        {
            throw new TribeWebhookFormatException("The webhook body is not valid JSON (or nests deeper than " + MaxDepth + " levels, or repeats a name in one object).");
        }

        using (document)
        {
            try
            {
                return Envelope(document.RootElement);
            }
            catch (InvalidOperationException)
            {
                // A string that is not valid UTF-8 is found only when it is read.
                throw new TribeWebhookFormatException("The webhook body holds a string that is not valid UTF-8.");
            }
        }
    }

    private static TribeWebhookDelivery Envelope(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new TribeWebhookFormatException("The webhook body is not a JSON object.");
        }

        var type = TypeName(Text(root, "type", "type"));
        var networkId = Text(root, "networkId", "networkId");
        var data = Child(root, "data", "data");
        string? challenge = null;
        TribeWebhookEvent? @event = null;
        if (type == "TEST")
        {
            challenge = Challenge(Text(data, "challenge", "data.challenge"));
        }
        else if (type == "SUBSCRIPTION")
        {
            @event = Event(data.ValueKind == JsonValueKind.Object ? data : throw new TribeWebhookFormatException("The SUBSCRIPTION delivery has no \"data\" object."), networkId);
        }

        return new TribeWebhookDelivery(type, networkId, Text(root, "context", "context"), Text(root, "entityId", "entityId"), challenge, @event);
    }

    private static TribeWebhookEvent Event(JsonElement data, string? networkId)
    {
        var actor = Child(data, "actor", "data.actor");
        var target = Child(data, "target", "data.target");
        var fields = new EventFields
        {
            Id = Bounded(Text(data, "id", "data.id"), "data.id"),
            Name = EventName(Text(data, "name", "data.name")),
            Noun = Text(data, "noun", "data.noun"),
            Verb = Text(data, "verb", "data.verb"),
            Time = Time(Text(data, "time", "data.time")),
            NetworkId = networkId,
            Actor = new TribeWebhookActor(Text(actor, "id", "data.actor.id"), Text(actor, "roleType", "data.actor.roleType")),
            Target = new TribeWebhookTarget(Text(target, "networkId", "data.target.networkId"), Text(target, "memberId", "data.target.memberId"), Text(target, "spaceId", "data.target.spaceId")),
            Object = Kept(Child(data, "object", "data.object")),
            OldObject = Kept(Child(data, "oldObject", "data.oldObject")),
        };

        if (fields.Name.StartsWith("member.", StringComparison.Ordinal))
        {
            var member = WebhookMembers.Read(fields.Object, "data.object") ?? throw new TribeWebhookFormatException("The " + fields.Name + " event has no \"data.object\" member.");
            return new TribeMemberEvent(fields, member, WebhookMembers.Read(fields.OldObject, "data.oldObject"));
        }

        if (fields.Name.StartsWith("space_membership.", StringComparison.Ordinal))
        {
            var memberId = fields.Target.MemberId ?? throw new TribeWebhookFormatException("The " + fields.Name + " event has no \"data.target.memberId\".");
            var spaceId = fields.Target.SpaceId ?? Text(fields.Object, "id", "data.object.id") ?? throw new TribeWebhookFormatException("The " + fields.Name + " event has no \"data.target.spaceId\".");
            return new TribeSpaceMembershipEvent(fields, memberId, spaceId);
        }

        return new TribeWebhookEvent(fields);
    }

    /// <summary>A string property, null when absent or null; any other kind is a malformed delivery.</summary>
    internal static string? Text(JsonElement parent, string name, string path)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new TribeWebhookFormatException("The webhook field \"" + path + "\" is not a string.");
    }

    /// <summary>An object property; <see cref="JsonValueKind.Undefined"/> when absent or null; any other kind is malformed.</summary>
    private static JsonElement Child(JsonElement parent, string name, string path)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return default;
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw new TribeWebhookFormatException("The webhook field \"" + path + "\" is not an object.");
    }

    /// <summary>Delivery types are upper-case words (<c>SUBSCRIPTION</c>), echoed in the answer: anything else is not a type.</summary>
    private static string TypeName(string? type)
    {
        if (string.IsNullOrEmpty(type) || type!.Length > 64)
        {
            throw new TribeWebhookFormatException("The webhook field \"type\" is missing or longer than 64 characters.");
        }

        foreach (var c in type)
        {
            if (c is not ((>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
            {
                throw new TribeWebhookFormatException("The webhook field \"type\" holds a character other than letters, digits and '_'.");
            }
        }

        return type;
    }

    /// <summary>
    /// The challenge is echoed in the answer as sent, so it is bounded. It is whole UTF-16 already, so the answer can be
    /// written: reading a string that holds a lone surrogate, escaped or encoded, throws, and the body is refused as not UTF-8.
    /// </summary>
    private static string Challenge(string? challenge)
        => challenge is null || challenge.Length > MaxChallengeLength
            ? throw new TribeWebhookFormatException("The TEST delivery has no \"data.challenge\", or it is longer than " + MaxChallengeLength + " characters.")
            : challenge;

    /// <summary>A copy that outlives the document (whose pooled memory is returned when it is disposed); an absent object stays absent.</summary>
    private static JsonElement Kept(JsonElement element) => element.ValueKind == JsonValueKind.Undefined ? default : element.Clone();

    private static string Bounded(string? id, string path)
    {
        if (string.IsNullOrEmpty(id) || id!.Length > MaxIdLength || HasControl(id))
        {
            throw new TribeWebhookFormatException("The webhook field \"" + path + "\" is missing, longer than " + MaxIdLength + " characters or holds a control character.");
        }

        return id;
    }

    /// <summary>Event names are dotted lowercase words (<c>member.updated</c>); anything else is not an event name.</summary>
    private static string EventName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name!.Length > 100)
        {
            throw new TribeWebhookFormatException("The webhook field \"data.name\" is missing or longer than 100 characters.");
        }

        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '_' or '-'))
            {
                throw new TribeWebhookFormatException("The webhook field \"data.name\" holds a character other than letters, digits, '.', '_' and '-'.");
            }
        }

        return name;
    }

    private static bool HasControl(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An unreadable time is left out, not refused: the event's id and object matter more than its clock.</summary>
    private static DateTimeOffset? Time(string? text)
        => text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
}
