using System;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Tribe.Sso;

/// <summary>
/// Writes the claims with a JSON writer, never by concatenation, in the fixed order of docs/protocol.md#token-format (iat and exp last), so
/// the same user and clock always give the same bytes.
/// </summary>
internal static class PayloadWriter
{
    /// <summary>
    /// Minimal escaping: quotes, backslashes and control characters (and characters outside the BMP) are escaped;
    /// letters, '+', '&lt;' and quotes in names stay as they are. HTML-safe escaping buys nothing here, because the JSON
    /// travels base64url-encoded and is parsed, never embedded in a page, while it would lengthen URLs and make
    /// decoded tokens hard to read.
    /// </summary>
    public static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static void Write(Utf8JsonWriter writer, TribeSsoUser user, string? audience, long issuedAt, long expires)
    {
        writer.WriteStartObject();
        writer.WriteString(ClaimNames.Subject, user.Id);
        writer.WriteString(ClaimNames.Name, user.Name);
        writer.WriteString(ClaimNames.Email, user.Email);
        WriteOptional(writer, ClaimNames.Audience, audience);
        WriteOptional(writer, ClaimNames.Role, user.Role is { } role ? ClaimValues.Of(role) : null);
        WriteOptional(writer, ClaimNames.Picture, user.Profile.Picture?.AbsoluteUri);
        WriteOptional(writer, ClaimNames.Source, user.Profile.Source);
        WriteOptional(writer, ClaimNames.Title, user.Profile.Title);
        WriteOptional(writer, ClaimNames.Bio, user.Profile.Bio);
        WriteOptional(writer, ClaimNames.Locale, user.Profile.Locale);
        WriteOptional(writer, ClaimNames.Tagline, user.Profile.Tagline);
        if (user.Groups is { } groups)
        {
            writer.WriteStartArray(ClaimNames.Groups);
            // Indexed, not foreach: enumerating an IReadOnlyList boxes its enumerator on every token.
            for (var i = 0; i < groups.Count; i++)
            {
                WriteGroup(writer, groups[i]);
            }

            writer.WriteEndArray();
            if (user.GroupsOperation == TribeGroupsOperation.Add)
            {
                writer.WriteString(ClaimNames.GroupsOperation, ClaimValues.AddOperation);
            }
        }

        writer.WriteNumber(ClaimNames.IssuedAt, issuedAt);
        writer.WriteNumber(ClaimNames.Expires, expires);
        writer.WriteEndObject();
        writer.Flush();
    }

    private static void WriteGroup(Utf8JsonWriter writer, TribeGroup group)
    {
        if (group.IsBareId)
        {
            writer.WriteStringValue(group.GroupId);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString(ClaimNames.GroupId, group.GroupId);
        writer.WriteString(ClaimNames.GroupRole, ClaimValues.Of(group.Role ?? throw new InvalidOperationException("A group object has no role.")));
        writer.WriteString(ClaimNames.GroupStatus, ClaimValues.Of(group.Status ?? throw new InvalidOperationException("A group object has no status.")));
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }
}
