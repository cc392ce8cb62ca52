using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;
using Tribe.Sso.Members;

namespace Tribe.Sso.Cli;

/// <summary>Who and what a triggered event is about: the options of <c>webhooks trigger</c>, or their defaults.</summary>
internal sealed record TriggerSubject(string NetworkId, string MemberId, string ExternalId, string Email, string Name, string SpaceId);

/// <summary>
/// One <c>SUBSCRIPTION</c> delivery of the events a partner's member sync hears, shaped as the community sends them,
/// written with <see cref="Utf8JsonWriter"/> (no reflection, so it stays trimmable).
/// </summary>
internal static class TriggeredEvent
{
    public static readonly string[] Names =
    {
        TribeWebhookEventNames.MemberCreated,
        TribeWebhookEventNames.MemberVerified,
        TribeWebhookEventNames.MemberUpdated,
        TribeWebhookEventNames.MemberDeleted,
        TribeWebhookEventNames.SpaceMembershipCreated,
        TribeWebhookEventNames.SpaceMembershipDeleted,
    };

    /// <summary>A new event id, as unique as the community's own: a partner de-duplicates on it.</summary>
    public static string NewId() => RandomNumberGenerator.GetHexString(24, lowercase: true);

    public static byte[] Body(string name, string id, DateTimeOffset time, TriggerSubject subject)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var isMember = name.StartsWith("member.", StringComparison.Ordinal);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("networkId", subject.NetworkId);
            json.WriteString("context", "NETWORK");
            json.WriteString("entityId", subject.NetworkId);
            json.WriteStartArray("currentSettings");
            json.WriteEndArray();
            json.WriteString("type", "SUBSCRIPTION");
            json.WriteStartObject("data");
            json.WriteString("id", id);
            json.WriteString("name", name);
            json.WriteString("noun", name[..dot].ToUpperInvariant());
            json.WriteString("verb", name[(dot + 1)..].ToUpperInvariant());
            json.WriteString("time", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            json.WriteStartObject("actor");
            json.WriteString("id", subject.MemberId);
            json.WriteString("roleType", "member");
            json.WriteEndObject();
            if (isMember)
            {
                // member.created comes before the email is verified; member.verified and later events see a verified member.
                var status = name == TribeWebhookEventNames.MemberCreated ? "UNVERIFIED" : "VERIFIED";
                Member(json, "object", subject, subject.Email, subject.Name, status);
                if (name == TribeWebhookEventNames.MemberUpdated)
                {
                    Member(json, "oldObject", subject, PreviousEmail(subject.Email), subject.Name + " (before)", status);
                }
            }
            else
            {
                json.WriteStartObject("object");
                json.WriteString("id", subject.SpaceId);
                json.WriteEndObject();
            }

            json.WriteStartObject("target");
            json.WriteString("networkId", subject.NetworkId);
            json.WriteString("memberId", subject.MemberId);
            if (!isMember)
            {
                json.WriteString("spaceId", subject.SpaceId);
            }

            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The email before a <c>member.updated</c>: another address at the same domain, so a sync sees an email change.</summary>
    public static string PreviousEmail(string email) => "previous." + email;

    private static void Member(Utf8JsonWriter json, string property, TriggerSubject subject, string email, string name, string status)
    {
        json.WriteStartObject(property);
        json.WriteString("id", subject.MemberId);
        json.WriteString("externalId", subject.ExternalId);
        json.WriteString("email", email);
        json.WriteString("name", name);
        json.WriteString("status", status);
        json.WriteEndObject();
    }
}
