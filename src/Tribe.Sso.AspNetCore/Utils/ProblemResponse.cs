using System.Buffers;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// The problem-details answer (RFC 9457) of every endpoint of the package, never cached: it can name the signed-in
/// user's problem. Written with <see cref="Utf8JsonWriter"/>, not <c>Results.Problem</c>, whose serializer has no
/// metadata for <c>ProblemDetails</c> under Native AOT unless the application registers it, and would throw there.
/// </summary>
internal static class ProblemResponse
{
    public static async Task Write(HttpContext context, int status, string title, string detail)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/problem+json";
        response.Headers.CacheControl = "no-store";
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (TypeOf(status) is { } type)
            {
                json.WriteString("type", type);
            }

            json.WriteString("title", title);
            json.WriteNumber("status", status);
            json.WriteString("detail", detail);
            json.WriteEndObject();
        }

        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>The RFC 9110 section of a status, as ASP.NET Core's own problem details give it.</summary>
    private static string? TypeOf(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        500 => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => null,
    };
}
