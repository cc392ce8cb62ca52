using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Tribe.Sso.Testing;

/// <summary>
/// The simulator's JSON API for test suites in any language: members, sign-in attempts, webhook deliveries, reset.
/// Written with a JSON writer; never includes a token, a webhook's secret, body or signature.
/// </summary>
internal static class SimulatorApi
{
    private const string Json = "application/json; charset=utf-8";

    public static TribeCommunitySimulatorResponse Handle(TribeCommunitySimulator simulator, string method, string path, string? body) => (method, path) switch
    {
        ("GET", "/_simulator/members") => Ok(w => WriteMembers(w, simulator.Community.Members)),
        ("POST", "/_simulator/members") => AddMember(simulator, body),
        ("GET", "/_simulator/sign-ins") => Ok(w => WriteSignIns(w, simulator.SignIns)),
        ("GET", "/_simulator/webhooks") => Ok(w => WriteWebhooks(w, simulator.Webhooks)),
        ("DELETE", "/_simulator") => Reset(simulator),
        (_, "/_simulator/members" or "/_simulator/sign-ins" or "/_simulator/webhooks" or "/_simulator") => Error(405, "this address does not answer " + method),
        _ => Error(404, "no such address; the API has GET and POST /_simulator/members, GET /_simulator/sign-ins, GET /_simulator/webhooks and DELETE /_simulator"),
    };

    private static TribeCommunitySimulatorResponse AddMember(TribeCommunitySimulator simulator, string? body)
    {
        string? email, name, externalId;
        bool externalIdIsString;
        try
        {
            using var document = JsonDocument.Parse(body ?? string.Empty);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Error(400, "the body must be a JSON object: {\"email\": \"…\", \"name\": \"…\", \"externalId\": \"…\" (optional)}");
            }

            email = String(root, "email");
            name = String(root, "name");
            externalId = String(root, "externalId");
            externalIdIsString = !root.TryGetProperty("externalId", out var id) || id.ValueKind is JsonValueKind.String or JsonValueKind.Null;
        }
        catch (JsonException)
        {
            return Error(400, "the body is not JSON; send {\"email\": \"…\", \"name\": \"…\", \"externalId\": \"…\" (optional)}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // JsonElement.GetString() throws for an escape such as \ud800 (a lone surrogate), and the parser for such a
            // character in the text itself: neither is a string .NET can hold as text, so the body is refused.
            return Error(400, "a string holds a lone UTF-16 surrogate; send text that is valid Unicode");
        }

        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(name))
        {
            return Error(400, "email and name are required strings");
        }

        if (!externalIdIsString || externalId is { Length: 0 })
        {
            return Error(400, "externalId, when present, must be a non-empty string: the partner's user id");
        }

        try
        {
            // The SDK's own claim rules: a member the community could not have received through SSO is refused. The
            // message names the claim and the rule, never the value.
            _ = TribeSsoUser.Create(externalId ?? "seed", name!, email!);
        }
        catch (TribeSsoClaimException e)
        {
            return Error(400, e.Message);
        }

        try
        {
            var member = simulator.Community.AddMember(email!, name!, externalId);
            return Respond(201, w => WriteMember(w, member));
        }
        catch (InvalidOperationException)
        {
            return Error(409, "a member with this email or externalId already exists");
        }
    }

    private static TribeCommunitySimulatorResponse Reset(TribeCommunitySimulator simulator)
    {
        simulator.Reset();
        return TribeCommunitySimulatorResponse.NoContent();
    }

    private static string? String(JsonElement root, string name)
        => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void WriteMembers(Utf8JsonWriter writer, IReadOnlyList<TribeCommunityMember> members)
    {
        writer.WriteStartArray();
        foreach (var member in members)
        {
            WriteMember(writer, member);
        }

        writer.WriteEndArray();
    }

    private static void WriteMember(Utf8JsonWriter writer, TribeCommunityMember member)
    {
        writer.WriteStartObject();
        writer.WriteString("id", member.Id);
        writer.WriteString("externalId", member.ExternalId);
        writer.WriteString("email", member.Email);
        writer.WriteString("name", member.Name);
        writer.WriteString("role", ClaimValues.Of(member.Role));
        writer.WriteStartArray("groups");
        foreach (var group in member.Groups)
        {
            writer.WriteStartObject();
            writer.WriteString("group", group.GroupId);
            writer.WriteString("role", ClaimValues.Of(group.Role));
            writer.WriteString("status", ClaimValues.Of(group.Status));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteSignIns(Utf8JsonWriter writer, IReadOnlyList<TribeSsoSignInResult> signIns)
    {
        writer.WriteStartArray();
        foreach (var signIn in signIns)
        {
            writer.WriteStartObject();
            writer.WriteString("outcome", signIn.Outcome.ToString().ToLowerInvariant());
            writer.WriteString("memberId", signIn.Member?.Id);
            writer.WriteString("redirect", signIn.RedirectPath);
            writer.WriteString("conflictReason", signIn.ConflictReason);
            writer.WriteStartArray("findings");
            foreach (var finding in signIn.ReadResult.Findings)
            {
                writer.WriteStartObject();
                writer.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
                writer.WriteString("code", finding.Code.ToString());
                writer.WriteString("claim", finding.Claim);
                writer.WriteString("message", finding.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>Each webhook delivery: event, id, attempts, last status and error, delivered, pending; an empty list without a webhook.</summary>
    private static void WriteWebhooks(Utf8JsonWriter writer, SimulatorWebhooks? webhooks)
    {
        if (webhooks is null)
        {
            writer.WriteStartArray();
            writer.WriteEndArray();
            return;
        }

        webhooks.WriteLog(writer);
    }

    private static TribeCommunitySimulatorResponse Ok(Action<Utf8JsonWriter> write) => Respond(200, write);

    private static TribeCommunitySimulatorResponse Error(int status, string message) => Respond(status, w =>
    {
        w.WriteStartObject();
        w.WriteString("error", message);
        w.WriteEndObject();
    });

    private static TribeCommunitySimulatorResponse Respond(int status, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            write(writer);
        }

        return TribeCommunitySimulatorResponse.Create(status, Json, Encoding.UTF8.GetString(stream.ToArray()));
    }
}
