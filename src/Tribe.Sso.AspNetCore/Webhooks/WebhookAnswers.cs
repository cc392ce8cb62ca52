using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore;

/// <summary>What the endpoint reads from the request's headers and writes back: every answer is <c>no-store</c> JSON.</summary>
internal static class WebhookAnswers
{
    /// <summary>
    /// The signature and timestamp of one header family: the community's <c>X-Bettermode-*</c> when either is present,
    /// else the older <c>X-Tribe-*</c>, never one of each. A header sent twice is ambiguous and read as malformed.
    /// </summary>
    public static (string? Signature, string? Timestamp) SignatureHeaders(IHeaderDictionary headers)
    {
        var current = headers.ContainsKey(TribeWebhookHeaders.Signature) || headers.ContainsKey(TribeWebhookHeaders.Timestamp);
        return current
            ? (One(headers[TribeWebhookHeaders.Signature]), One(headers[TribeWebhookHeaders.Timestamp]))
            : (One(headers[TribeWebhookHeaders.LegacySignature]), One(headers[TribeWebhookHeaders.LegacyTimestamp]));
    }

    /// <summary>The community's success answer: <c>{"type":"…","status":"SUCCEEDED","data":{…}}</c>, the test's challenge echoed in <c>data</c>.</summary>
    public static async Task Succeeded(HttpContext context, TribeWebhookDelivery delivery)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json";
        response.Headers.CacheControl = "no-store";
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", delivery.TypeName);
            json.WriteString("status", "SUCCEEDED");
            json.WriteStartObject("data");
            if (delivery.Challenge is { } challenge)
            {
                json.WriteString("challenge", challenge);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary><c>503</c> with <c>Retry-After</c>: the community retries the delivery later.</summary>
    public static Task RetryLater(HttpContext context, TimeSpan after, string detail)
    {
        var seconds = (long)Math.Clamp(Math.Ceiling(after.TotalSeconds), 1, 3600);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return Problem(context, StatusCodes.Status503ServiceUnavailable, "Retry the delivery later.", detail);
    }

    public static Task Problem(HttpContext context, int status, string title, string detail)
        => ProblemResponse.Write(context, status, title, detail);

    private static string? One(StringValues values) => values.Count switch
    {
        0 => null,
        1 => values[0],
        _ => "(sent more than once)",
    };
}
