using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace Tribe.Sso.Testing;

/// <summary>
/// <c>POST /api/gateway</c>: the community's GraphQL API over the simulator's members, one request at a time, as
/// GraphQL over HTTP: a JSON body <c>{query, variables, operationName}</c> in, <c>{data, errors}</c> out. The rate limit
/// comes first (HTTP 429, code 104), then the method and the content type (HTTP 405, 415), then parsing and validation (HTTP 400), then the resolvers (HTTP 200, their
/// errors in <c>errors</c> with <c>data</c> null). Nothing a client sends makes it throw.
/// </summary>
internal sealed class SimulatorGateway
{
    private const string Json = "application/json; charset=utf-8";

    private readonly GatewayTokens _tokens = new();
    private readonly GatewayRateLimiter _limiter = new();

    public TribeCommunitySimulatorResponse Handle(TribeCommunitySimulator simulator, string method, string? body, string? authorization, string contentType)
    {
        var clock = simulator.Options.ReaderOptions?.TimeProvider ?? TimeProvider.System;
        if (simulator.Options.ApiRateLimit is { } limit && !_limiter.TryAcquire(limit, clock.GetUtcNow(), out var retryAfter))
        {
            var error = new GatewayError(GatewayCodes.RateLimited, "Too many requests: the community takes " + limit + " requests in 10 seconds; retry after " + retryAfter + " s.");
            return Respond(429, new[] { error }, null, new KeyValuePair<string, string>("Retry-After", retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (!string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return Respond(405, new[] { new GatewayError(GatewayCodes.BadRequest, "The gateway takes POST with a JSON body {\"query\": …, \"variables\": …, \"operationName\": …}.") }, null, new KeyValuePair<string, string>("Allow", "POST"));
        }

        if (!IsJson(contentType))
        {
            return Respond(415, new[] { new GatewayError(GatewayCodes.BadRequest, "The gateway takes a JSON body: send Content-Type: application/json, as GraphQL over HTTP says.") }, null, new KeyValuePair<string, string>("Accept-Post", "application/json"));
        }

        try
        {
            return Run(simulator, clock, body, authorization);
        }
        catch (GatewayException e)
        {
            return Respond(e.Code == GatewayCodes.ValidationFailed || e.Code == GatewayCodes.BadUserInput || e.Code == GatewayCodes.BadRequest ? 400 : 200, new[] { new GatewayError(e.Code, e.Message) }, null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException)
        {
            // A value the JSON reader or writer refuses deep inside (a lone surrogate in a property name, say).
            return Respond(400, new[] { new GatewayError(GatewayCodes.BadRequest, "The request holds a value the gateway cannot read; send JSON of valid Unicode.") }, null);
        }
    }

    /// <summary>Whether the media type, parameters aside, is <c>application/json</c>.</summary>
    private static bool IsJson(string contentType)
    {
        var semicolon = contentType.IndexOf(';');
        return string.Equals((semicolon < 0 ? contentType : contentType.Substring(0, semicolon)).Trim(), "application/json", StringComparison.OrdinalIgnoreCase);
    }

    private TribeCommunitySimulatorResponse Run(TribeCommunitySimulator simulator, TimeProvider clock, string? body, string? authorization)
    {
        var (query, operationName, variables, bodyError) = ReadBody(body);
        using var variablesDocument = variables;
        if (bodyError is not null)
        {
            return Respond(400, new[] { new GatewayError(GatewayCodes.BadRequest, bodyError) }, null);
        }

        var source = GatewaySource.Normalize(query!, out var invalid);
        if (source is null)
        {
            var at = Location.FromLinearPosition(query!, invalid.Offset);
            return Respond(400, new[] { new GatewayError(GatewayCodes.ParseFailed, "Syntax Error: " + invalid.Message, locations: new[] { (at.Line, at.Column) }) }, null);
        }

        GraphQLDocument document;
        try
        {
            document = Parser.Parse(source, new ParserOptions { Ignore = IgnoreOptions.Comments, MaxDepth = GatewayLimits.MaxParserDepth });
        }
        catch (GraphQLParserException e)
        {
            var message = e is GraphQLMaxDepthExceededException ? "The query nests deeper than the gateway reads." : "Syntax Error: " + e.Description;
            return Respond(400, new[] { new GatewayError(GatewayCodes.ParseFailed, message, locations: new[] { (e.Location.Line, e.Location.Column) }) }, null);
        }

        var errors = new List<GatewayError>(GatewayValidator.Validate(document, source, operationName, out var operation));
        if (errors.Count > 0)
        {
            return Respond(400, errors, null);
        }

        var values = GatewayValues.Variables(operation!, variablesDocument?.RootElement);
        var context = new GatewayContext(simulator, _tokens, clock, authorization);
        var executor = new GatewayExecutor(document, values);
        var resolved = executor.Resolve(operation!, (field, arguments) => GatewayResolvers.Resolve(context, field, arguments), errors);
        if (resolved is null)
        {
            return Respond(200, errors, null);
        }

        var rootType = GatewaySchema.RootTypeName(operation!.Operation)!;
        return Respond(200, errors, writer => executor.Write(writer, rootType, resolved));
    }

    /// <summary>The body's query, operation name and variables, or why it is not a GraphQL request.</summary>
    private static (string? Query, string? OperationName, JsonDocument? Variables, string? Error) ReadBody(string? body)
    {
        const string Shape = "send a JSON object {\"query\": \"…\", \"variables\": {…}, \"operationName\": \"…\"}";
        if (body is null || body.Length == 0 || body.Length > GatewayLimits.MaxBodyLength)
        {
            return (null, null, null, body is null or "" ? "The body is empty; " + Shape + "." : "The body is longer than the gateway reads (" + GatewayLimits.MaxBodyLength + " characters).");
        }

        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = GatewayLimits.MaxParserDepth });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, null, null, "The body is not a JSON object (batched requests are not served); " + Shape + ".");
        }

        if (!root.TryGetProperty("query", out var query) || query.ValueKind != JsonValueKind.String || query.GetString() is not { Length: > 0 } text)
        {
            return (null, null, null, "The body has no query string; " + Shape + ".");
        }

        if (text.Length > GatewayLimits.MaxQueryLength)
        {
            return (null, null, null, "The query is longer than the gateway reads (" + GatewayLimits.MaxQueryLength + " characters).");
        }

        var operationName = root.TryGetProperty("operationName", out var name) ? name : default;
        if (operationName.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.String))
        {
            return (null, null, null, "operationName must be a string or null.");
        }

        var variables = root.TryGetProperty("variables", out var given) ? given : default;
        if (variables.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
        {
            return (null, null, null, "variables must be a JSON object or null.");
        }

        var copy = variables.ValueKind == JsonValueKind.Object ? JsonDocument.Parse(variables.GetRawText()) : null;
        return (text, operationName.ValueKind == JsonValueKind.String ? operationName.GetString() : null, copy, null);
    }

    private static TribeCommunitySimulatorResponse Respond(int status, IReadOnlyList<GatewayError> errors, Action<Utf8JsonWriter>? writeData, params KeyValuePair<string, string>[] headers)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (errors.Count > 0)
            {
                writer.WriteStartArray("errors");
                foreach (var error in errors)
                {
                    WriteError(writer, error);
                }

                writer.WriteEndArray();
            }

            writer.WritePropertyName("data");
            if (writeData is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writeData(writer);
            }

            writer.WriteEndObject();
        }

        return TribeCommunitySimulatorResponse.Create(status, Json, Encoding.UTF8.GetString(stream.ToArray()), headers);
    }

    private static void WriteError(Utf8JsonWriter writer, GatewayError error)
    {
        writer.WriteStartObject();
        writer.WriteString("message", error.Message);
        writer.WriteString("code", error.Code);
        if (error.Locations is { } locations)
        {
            writer.WriteStartArray("locations");
            foreach (var (line, column) in locations)
            {
                writer.WriteStartObject();
                writer.WriteNumber("line", line);
                writer.WriteNumber("column", column);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (error.Path is { } path)
        {
            writer.WriteStartArray("path");
            foreach (var segment in path)
            {
                writer.WriteStringValue(segment.ToString());
            }

            writer.WriteEndArray();
        }

        writer.WriteStartObject("extensions");
        writer.WriteString("code", error.Code);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
