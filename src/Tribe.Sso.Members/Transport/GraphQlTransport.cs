using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.Members;

/// <summary>
/// Sends one GraphQL request and reads its answer as untrusted input: a bounded body, source-generated JSON, and every
/// way the answer can be unusable turned into <see cref="TribeMembersResponseException"/> or <see cref="TransientFailure"/>.
/// </summary>
internal sealed class GraphQlTransport
{
    /// <summary>The largest answer read: a page of members is a few tens of kilobytes.</summary>
    public const int MaxResponseBytes = 4 * 1024 * 1024;

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly TimeProvider _time;

    public GraphQlTransport(HttpClient http, Uri endpoint, TimeProvider time)
    {
        _http = http;
        _endpoint = endpoint;
        _time = time;
    }

    public async Task<GraphQlAnswer<TData>> SendAsync<TVariables, TData>(GraphQlOperation<TVariables, TData> operation, TVariables variables, AuthenticationHeaderValue authorization, CancellationToken cancellationToken)
        where TData : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint);
        request.Headers.Authorization = authorization;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var body = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(new GraphQlRequest<TVariables>(operation.Document, variables), operation.Request));
        body.Headers.ContentType = JsonContentType;
        request.Content = body;

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            // The exception is not kept: its message may quote a line of the answer, and a server that reflects the
            // request would put the bearer token and the searched email there. Only its kind is named.
            throw new TransientFailure(TransientKind.NoAnswer, null, null, null) { Cause = CauseOf(e) };
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient.Timeout elapsed: no answer, not the caller's cancellation.
            throw new TransientFailure(TransientKind.NoAnswer, null, null, null, e);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            OriginPin.Check(operation.Name, response, status, _endpoint);
            var retryAfter = ReadRetryAfter(response);
            if (status == 429)
            {
                throw new TransientFailure(TransientKind.RateLimited, TribeErrorCodes.RateLimited, status, retryAfter);
            }

            if (status >= 500 || status == 408)
            {
                throw new TransientFailure(TransientKind.ServerError, null, status, retryAfter);
            }

            var bytes = await ReadBoundedAsync(operation.Name, response.Content, status, cancellationToken).ConfigureAwait(false);
            var answer = Parse(operation, bytes, status);
            if (answer.ErrorCode == TribeErrorCodes.RateLimited)
            {
                throw new TransientFailure(TransientKind.RateLimited, TribeErrorCodes.RateLimited, status, retryAfter);
            }

            return answer;
        }
    }

    private static string CauseOf(HttpRequestException e)
    {
#if NETSTANDARD2_0
        return e.InnerException is System.Net.Sockets.SocketException ? "connection refused or reset" : "no usable answer";
#else
        return e.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "the host name did not resolve",
            HttpRequestError.ConnectionError => "connection refused or reset",
            HttpRequestError.SecureConnectionError => "the TLS handshake failed",
            HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded or HttpRequestError.HttpProtocolError => "the answer was not valid HTTP",
            _ => "no usable answer",
        };
#endif
    }

    private static GraphQlAnswer<TData> Parse<TVariables, TData>(GraphQlOperation<TVariables, TData> operation, byte[] bytes, int status)
        where TData : class
    {
        GraphQlResponse<TData>? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(bytes, operation.Response);
        }
        catch (JsonException e)
        {
            if (status != 200)
            {
                return new GraphQlAnswer<TData>(null, hasErrors: true, null, null, status);
            }

            // The JSON path names a property, never a value; the exception itself is not kept, as its message may quote the body.
            throw new TribeMembersResponseException(
                "The community's answer to " + operation.Name + " is not the GraphQL JSON the client asked for (" + (e.Path is { Length: > 0 } path ? "at " + path : "not JSON") + "). Check that TribeMembersClientOptions.ApiUrl is the community's GraphQL endpoint.",
                operation.Name,
                statusCode: status);
        }

        if (parsed is null)
        {
            return new GraphQlAnswer<TData>(null, hasErrors: status != 200, null, null, status);
        }

        var hasErrors = parsed.Errors is { Count: > 0 };
        string? code = null;
        string? field = null;
        if (parsed.Errors is not null)
        {
            foreach (var error in parsed.Errors)
            {
                code = error is null ? null : ReadCode(error.Code) ?? (error.Extensions is null ? null : ReadCode(error.Extensions.Code));
                if (code is not null)
                {
                    field = error!.Field;
                    break;
                }
            }
        }

        return new GraphQlAnswer<TData>(parsed.Data, hasErrors || status != 200, code, field, status);
    }

    /// <summary>A code is a short run of digits or letters (a string, or tolerated as a number); anything else counts as no code.</summary>
    private static string? ReadCode(JsonElement code)
    {
        var text = code.ValueKind switch
        {
            JsonValueKind.String => code.GetString(),
            JsonValueKind.Number => code.GetRawText(),
            _ => null,
        };
        if (text is null || text.Length == 0 || text.Length > 32)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (!(c is (>= '0' and <= '9') or (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or '_'))
            {
                return null;
            }
        }

        return text;
    }

    private static async Task<byte[]> ReadBoundedAsync(string operation, HttpContent content, int status, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxResponseBytes)
        {
            throw TooLarge(operation, status);
        }

#if NETSTANDARD2_0
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
#else
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
#endif
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
#if NETSTANDARD2_0
        while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
#else
        while ((read = await stream.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
#endif
        {
            if (buffer.Length + read > MaxResponseBytes)
            {
                throw TooLarge(operation, status);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static TribeMembersResponseException TooLarge(string operation, int status) => new(
        "The community's answer to " + operation + " is larger than " + (MaxResponseBytes / (1024 * 1024)) + " MiB, far more than any members answer; it was not read. Check that TribeMembersClientOptions.ApiUrl is the community's GraphQL endpoint.",
        operation,
        statusCode: status);

    /// <summary>Reads <c>Retry-After</c> as delta-seconds or an HTTP-date; a date in the past means now.</summary>
    private TimeSpan? ReadRetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
