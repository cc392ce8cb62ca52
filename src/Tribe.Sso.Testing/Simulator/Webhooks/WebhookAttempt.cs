using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.Testing;

/// <summary>
/// One attempt at a delivery: POST the body as <c>application/json</c>, signed with a timestamp taken now (so a retry
/// carries a fresh one), and classify the answer. Never throws.
/// </summary>
internal static class WebhookAttempt
{
    /// <summary>The longest answer to the test request read for its echo: a longer one is a failure, never read further.</summary>
    public const int MaxAnswerBytes = 1024 * 1024;

    public static async Task<(int? Status, string? Failure)> SendAsync(HttpClient client, Uri url, string secret, TimeProvider clock, TimeSpan timeout, WebhookDelivery delivery)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeMilliseconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(delivery.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, timestamp, delivery.Body));
        request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        using var timeoutSource = Timeout(clock, timeout);
        try
        {
            // Only the test request's answer is read (its echo), within the attempt's timeout; an event's answer body is never waited for.
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeoutSource.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is < 200 or > 299)
            {
                return (status, WebhookFailure.HttpStatus);
            }

            if (delivery.Challenge is null)
            {
                return (status, null);
            }

            var answer = await ReadAnswerAsync(response.Content, timeoutSource.Token).ConfigureAwait(false);
            return (status, answer is not { } read ? WebhookFailure.AnswerTooLarge : Echoes(read, delivery.Challenge) ? null : WebhookFailure.ChallengeNotEchoed);
        }
        catch (Exception e) when (e is OperationCanceledException || timeoutSource.IsCancellationRequested)
        {
            // The attempt's timeout: a cancelled call, or a read its expiry cut short by closing the stream.
            return (null, WebhookFailure.Timeout);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // No answer, or the test answer's body cut off before its end.
            return (null, WebhookFailure.Connection);
        }
#pragma warning disable CA1031 // A partner's handler can throw anything; the queue must go on.
        catch (Exception)
#pragma warning restore CA1031
        {
            return (null, WebhookFailure.Error);
        }
    }

    /// <summary>The answer's bytes, or null when it is longer than <see cref="MaxAnswerBytes"/>: the buffer holds one byte more, to tell.</summary>
    private static async Task<ReadOnlyMemory<byte>?> ReadAnswerAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxAnswerBytes + 1];
        var length = 0;
        int read;
#if NETSTANDARD2_0
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);

        // .NET Framework's response stream does not watch the token once a read has begun: the timeout closes it instead.
        using var closeOnTimeout = cancellationToken.Register(stream.Dispose);
        while ((read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false)) > 0)
#else
        using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        while ((read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
#endif
        {
            length += read;
            if (length > MaxAnswerBytes)
            {
                return null;
            }
        }

        return buffer.AsMemory(0, length);
    }

    /// <summary>Whether the answer is a JSON object whose <c>data.challenge</c> is the challenge sent.</summary>
    private static bool Echoes(ReadOnlyMemory<byte> answer, string challenge)
    {
        try
        {
            using var document = JsonDocument.Parse(answer);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("challenge", out var echoed) && echoed.ValueKind == JsonValueKind.String
                && echoed.ValueEquals(challenge);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static CancellationTokenSource Timeout(TimeProvider clock, TimeSpan timeout)
#if NETSTANDARD2_0
        => clock.CreateCancellationTokenSource(timeout);
#else
        => new(timeout, clock);
#endif
}
