using System;
using System.Buffers;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// A delivery's body, read once into a pooled buffer: the verifier needs the raw bytes and the parser the same bytes.
/// A body over the limit is refused before it is read whole: at once by its <c>Content-Length</c>, or as soon as the
/// bytes read pass the limit (a chunked body that lies about nothing). Dispose to return the buffer.
/// </summary>
internal sealed class WebhookBody : IDisposable
{
    private byte[]? _buffer;

    private WebhookBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(0, Length);

    /// <summary>The first buffer, whatever <c>Content-Length</c> claims: it grows as bytes arrive, so a header alone holds no memory.</summary>
    private const int InitialBuffer = 16 * 1024;

    /// <summary>
    /// Reads the body. <see cref="WebhookBodyRead.TooLarge"/> when it is larger than <paramref name="maxBytes"/>;
    /// <see cref="WebhookBodyRead.Broken"/> when the client sent less than it said, broke the framing or hung up, so
    /// that nothing is answered and nothing escapes the endpoint as an unhandled exception.
    /// </summary>
    public static async Task<(WebhookBody? Body, WebhookBodyRead Read)> ReadAsync(HttpContext context, long maxBytes)
    {
        var request = context.Request;
        if (request.ContentLength > maxBytes)
        {
            return (null, WebhookBodyRead.TooLarge);
        }

        // The loop below enforces the limit to the byte; the server's own limit is only the backstop that stops a larger
        // body being read on, raised or lowered to ours. Kestrel counts a chunked body's framing (each chunk's size line)
        // against its limit, so it gets twice ours: at exactly ours, a chunked body within the limit would be refused.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = 2 * maxBytes;
        }

        var limit = (int)maxBytes;
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(request.ContentLength ?? 4096, 1, Math.Min(limit, InitialBuffer)) + 1);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, limit + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit + 1) - length), context.RequestAborted).ConfigureAwait(false);
                if (read == 0)
                {
                    var body = new WebhookBody(buffer, length);
                    buffer = null;
                    return (body, WebhookBodyRead.Whole);
                }

                length += read;
                if (length > limit)
                {
                    return (null, WebhookBodyRead.TooLarge);
                }
            }
        }
        catch (BadHttpRequestException e)
        {
            return (null, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? WebhookBodyRead.TooLarge : WebhookBodyRead.Broken);
        }
        catch (Exception e) when (e is System.IO.IOException or OperationCanceledException)
        {
            return (null, WebhookBodyRead.Broken);
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
