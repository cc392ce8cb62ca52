using System;

namespace Tribe.Sso.Members;

/// <summary>
/// One webhook delivery, read from its raw body: a <c>TEST</c> challenge, an event (<c>SUBSCRIPTION</c>), or another
/// type the community sends. Verify the body with <see cref="TribeWebhookVerifier"/> before reading it.
/// </summary>
/// <remarks>
/// Fields this package does not know are ignored, so a community that adds fields does not break a partner. A body
/// that is not JSON, nests deeper than 64 levels, repeats a name in one object, or lacks what its type needs is
/// refused with a <see cref="TribeWebhookFormatException"/>. <see cref="ToString"/> shows the type and the event's id
/// and name, never the challenge, a member or an email.
/// </remarks>
public sealed class TribeWebhookDelivery
{
    internal TribeWebhookDelivery(string typeName, string? networkId, string? context, string? entityId, string? challenge, TribeWebhookEvent? @event)
    {
        TypeName = typeName;
        Type = typeName switch
        {
            "TEST" => TribeWebhookDeliveryType.Test,
            "SUBSCRIPTION" => TribeWebhookDeliveryType.Subscription,
            "APP_INSTALLED" => TribeWebhookDeliveryType.AppInstalled,
            "APP_UNINSTALLED" => TribeWebhookDeliveryType.AppUninstalled,
            _ => TribeWebhookDeliveryType.Unknown,
        };
        NetworkId = networkId;
        Context = context;
        EntityId = entityId;
        Challenge = challenge;
        Event = @event;
    }

    /// <summary>The delivery's type; <see cref="TribeWebhookDeliveryType.Unknown"/> for one this package does not know.</summary>
    public TribeWebhookDeliveryType Type { get; }

    /// <summary>The delivery's <c>type</c> exactly as sent, such as <c>SUBSCRIPTION</c>.</summary>
    public string TypeName { get; }

    /// <summary>The community's network id (<c>networkId</c>), or null.</summary>
    public string? NetworkId { get; }

    /// <summary>The delivery's context as sent, such as <c>NETWORK</c>, or null.</summary>
    public string? Context { get; }

    /// <summary>The entity the app is installed on (<c>entityId</c>), or null.</summary>
    public string? EntityId { get; }

    /// <summary>The challenge of a <c>TEST</c> delivery, to be echoed in the answer; null for other types.</summary>
    public string? Challenge { get; }

    /// <summary>The event of a <c>SUBSCRIPTION</c> delivery; null for other types.</summary>
    public TribeWebhookEvent? Event { get; }

    /// <summary>Reads a delivery from its raw body.</summary>
    /// <param name="rawBody">The body's bytes as received (UTF-8 JSON).</param>
    /// <returns>The delivery.</returns>
    /// <exception cref="TribeWebhookFormatException">The body is not a delivery the community sends; the message names the field.</exception>
    public static TribeWebhookDelivery Parse(ReadOnlyMemory<byte> rawBody) => DeliveryReader.Read(rawBody);

    /// <summary>Describes the delivery by its type and event, never the challenge or a member.</summary>
    /// <returns>For example <c>TribeWebhookDelivery { Type = SUBSCRIPTION, Event = member.updated (e1) }</c>.</returns>
    public override string ToString()
        => "TribeWebhookDelivery { Type = " + TypeName + (Event is null ? string.Empty : ", Event = " + Event.Name + " (" + Event.Id + ")") + " }";
}
