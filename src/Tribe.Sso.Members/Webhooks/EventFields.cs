using System;
using System.Text.Json;

namespace Tribe.Sso.Members;

/// <summary>The fields every event has, read once by <see cref="DeliveryReader"/> and handed to the event's constructor.</summary>
internal sealed class EventFields
{
    public string Id { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;

    public string? Noun { get; init; }

    public string? Verb { get; init; }

    public DateTimeOffset? Time { get; init; }

    public string? NetworkId { get; init; }

    public TribeWebhookActor Actor { get; init; } = new(null, null);

    public TribeWebhookTarget Target { get; init; } = new(null, null, null);

    public JsonElement Object { get; init; }

    public JsonElement OldObject { get; init; }
}
