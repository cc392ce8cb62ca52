using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text.Json;

namespace Tribe.Sso.Cli;

/// <summary>
/// The community's test request, sent when an app's webhook URL is saved: a random challenge that the URL must echo in
/// a 200 answer <c>{"type":"TEST","status":"SUCCEEDED","data":{"challenge":"…"}}</c>, or the URL is not saved.
/// </summary>
internal static class TestRequest
{
    public static string NewChallenge() => RandomNumberGenerator.GetHexString(32, lowercase: true);

    public static byte[] Body(string networkId, string challenge)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("networkId", networkId);
            json.WriteString("context", "NETWORK");
            json.WriteString("entityId", networkId);
            json.WriteStartArray("currentSettings");
            json.WriteEndArray();
            json.WriteString("type", "TEST");
            json.WriteStartObject("data");
            json.WriteString("challenge", challenge);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>What is wrong with the answer, every field that differs; null when the challenge was echoed.</summary>
    public static string? Problem(WebhookAnswer answer, string challenge)
    {
        if (answer.Failure is not null)
        {
            return answer.Failure;
        }

        if (answer.Status != 200)
        {
            return "the URL answered " + answer.Describe() + ", not 200" + (answer.Status is < 300 or > 399 ? ", with " + answer.Excerpt() : string.Empty);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(answer.Body);
        }
        catch (JsonException)
        {
            return "the URL answered 200 with a body that is not JSON: " + answer.Excerpt();
        }

        using (document)
        {
            try
            {
                return Fields(document.RootElement, challenge, answer);
            }
            catch (System.InvalidOperationException)
            {
                // A string that is not valid UTF-8 is found only when it is read.
                return "the URL answered 200 with JSON holding a string that is not UTF-8: " + answer.Excerpt();
            }
        }
    }

    private static string? Fields(JsonElement root, string challenge, WebhookAnswer answer)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "the URL answered 200 with JSON that is not an object: " + answer.Excerpt();
        }

        var problems = new List<string>();
        Expect(problems, root, "type", "TEST");
        Expect(problems, root, "status", "SUCCEEDED");
        var data = root.TryGetProperty("data", out var value) && value.ValueKind == JsonValueKind.Object ? value : default;
        if (data.ValueKind != JsonValueKind.Object)
        {
            problems.Add("\"data\" is " + Shown(root, "data") + ", not an object holding the challenge");
        }
        else if (!(data.TryGetProperty("challenge", out var echoed) && echoed.ValueKind == JsonValueKind.String && echoed.GetString() == challenge))
        {
            problems.Add("\"data.challenge\" is " + Shown(data, "challenge") + ", not the challenge sent ('" + challenge + "')");
        }

        return problems.Count == 0 ? null : "the URL answered 200, but " + string.Join("; ", problems);
    }

    private static void Expect(List<string> problems, JsonElement parent, string name, string expected)
    {
        if (!(parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() == expected))
        {
            problems.Add("\"" + name + "\" is " + Shown(parent, name) + ", not '" + expected + "'");
        }
    }

    /// <summary>A field's value as sent (its JSON text, cut short), or <c>missing</c>.</summary>
    private static string Shown(JsonElement parent, string name)
        => parent.TryGetProperty(name, out var value) ? WebhookAnswer.Quote(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()) : "missing";
}
