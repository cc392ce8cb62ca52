using System;
using System.Text.Json;

namespace Tribe.Sso.Members;

/// <summary>
/// An event of a <c>SUBSCRIPTION</c> delivery (<c>data</c>). Member events are <see cref="TribeMemberEvent"/>s and space
/// membership events <see cref="TribeSpaceMembershipEvent"/>s; any other event is this type, with its
/// <see cref="RawObject"/> as sent.
/// </summary>
/// <remarks><see cref="ToString"/> shows the event's id and name, never the object (which may hold an email).</remarks>
public class TribeWebhookEvent
{
    internal TribeWebhookEvent(EventFields fields)
    {
        Id = fields.Id;
        Name = fields.Name;
        Noun = fields.Noun;
        Verb = fields.Verb;
        Time = fields.Time;
        NetworkId = fields.NetworkId;
        Actor = fields.Actor;
        Target = fields.Target;
        RawObject = fields.Object;
        RawOldObject = fields.OldObject;
    }

    /// <summary>The event's id (<c>data.id</c>): the same on every delivery of the event. De-duplicate on it.</summary>
    public string Id { get; }

    /// <summary>The event's name, such as <c>member.updated</c> (<see cref="TribeWebhookEventNames"/>).</summary>
    public string Name { get; }

    /// <summary>The event's noun as sent, such as <c>MEMBER</c>, or null.</summary>
    public string? Noun { get; }

    /// <summary>The event's verb as sent, such as <c>UPDATED</c>, or null.</summary>
    public string? Verb { get; }

    /// <summary>When the event happened in the community, or null when the delivery did not say.</summary>
    public DateTimeOffset? Time { get; }

    /// <summary>The community's network id (the envelope's <c>networkId</c>), or null.</summary>
    public string? NetworkId { get; }

    /// <summary>Who caused the event.</summary>
    public TribeWebhookActor Actor { get; }

    /// <summary>What the event is about.</summary>
    public TribeWebhookTarget Target { get; }

    /// <summary>The event's object as sent (<c>data.object</c>); <see cref="JsonValueKind.Undefined"/> when absent. Personal data: never log it.</summary>
    public JsonElement RawObject { get; }

    /// <summary>The object before the change (<c>data.oldObject</c>) on updates; <see cref="JsonValueKind.Undefined"/> otherwise.</summary>
    public JsonElement RawOldObject { get; }

    /// <summary>Describes the event by its id and name.</summary>
    /// <returns>For example <c>TribeWebhookEvent { Id = e1, Name = member.updated }</c>.</returns>
    public override string ToString() => GetType().Name + " { Id = " + Id + ", Name = " + Name + " }";
}
