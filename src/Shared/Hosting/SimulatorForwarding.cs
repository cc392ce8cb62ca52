using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Tribe.Sso.Testing;

namespace Tribe.Sso;

/// <summary>
/// Serves a <see cref="TribeCommunitySimulator"/> from ASP.NET Core: the request goes to the simulator as it arrived and
/// its answer is written back as is. Shared source: the CLI's <c>tribe-sso community</c>, the sample's
/// <c>/community-sim</c> and the members tests' server host the simulator through this one file.
/// </summary>
internal static class SimulatorForwarding
{
    /// <summary>
    /// Hands <paramref name="context"/>'s request to <paramref name="simulator"/> and writes its answer. What is passed:
    /// the raw target, absolute-form included (the simulator reads its authority as the host); the <c>Host</c> header
    /// (the simulator answers loopback names only, so a DNS-rebinding page cannot read it); the session cookie; the body;
    /// the <c>Authorization</c> and <c>Content-Type</c> headers of the API. The host bounds the body (Kestrel's
    /// <c>MaxRequestBodySize</c>, at most <see cref="TribeCommunitySimulator.MaxRequestBodyLength"/>); a longer one is
    /// answered <c>413</c> with a GraphQL error.
    /// </summary>
    public static async Task ServeAsync(TribeCommunitySimulator simulator, HttpContext context)
    {
        var request = context.Request;
        string? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                using var reader = new StreamReader(request.Body);
                body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
            }
            catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                // The host's bound, answered as the gateway answers its own refusals: a GraphQL error a client can read.
                await WriteAsync(context, 413, "application/json; charset=utf-8", "{\"data\":null,\"errors\":[{\"message\":\"The body is longer than the community reads (" + TribeCommunitySimulator.MaxRequestBodyLength + " bytes).\",\"code\":\"BAD_REQUEST\"}]}").ConfigureAwait(false);
                return;
            }
        }

        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        var answer = simulator.Handle(new TribeCommunitySimulatorRequest(request.Method, target)
        {
            Host = request.Headers.Host,
            SessionCookie = request.Cookies[TribeCommunitySimulator.SessionCookieName],
            Body = body,
            Authorization = request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null,
            ContentType = request.ContentType,
        });
        context.Response.StatusCode = answer.StatusCode;
        foreach (var header in answer.Headers)
        {
            context.Response.Headers.Append(header.Key, header.Value);
        }

        // Nothing is written for an empty body: Kestrel throws on any write to a 204, and then drops the connection.
        if (answer.Body.Length > 0)
        {
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }
}
