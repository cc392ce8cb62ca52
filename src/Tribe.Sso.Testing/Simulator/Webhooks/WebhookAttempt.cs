using System;
using System.Globalization;
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
            // Only the test request's answer is read (its echo); an event's answer body is never waited for.
            var completion = delivery.Challenge is null ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead;
            using var response = await client.SendAsync(request, completion, timeoutSource.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (status is < 200 or > 299)
            {
                return (status, WebhookFailure.HttpStatus);
            }

            if (delivery.Challenge is null)
            {
                return (status, null);
            }

            var answer = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
            return (status, Echoes(answer, delivery.Challenge) ? null : WebhookFailure.ChallengeNotEchoed);
        }
        catch (OperationCanceledException)
        {
            return (null, WebhookFailure.Timeout);
        }
        catch (HttpRequestException)
        {
            return (null, WebhookFailure.Connection);
        }
#pragma warning disable CA1031 // A partner's handler can throw anything; the queue must go on.
        catch (Exception)
#pragma warning restore CA1031
        {
            return (null, WebhookFailure.Error);
        }
    }

    /// <summary>Whether the answer is a JSON object whose <c>data.challenge</c> is the challenge sent.</summary>
    private static bool Echoes(byte[] answer, string challenge)
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
