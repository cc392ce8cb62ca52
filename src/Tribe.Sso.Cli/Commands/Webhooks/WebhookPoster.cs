using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using Tribe.Sso.Members;

namespace Tribe.Sso.Cli;

/// <summary>
/// Sends signed deliveries to a partner's webhook URL as the community does: POST, JSON, the two signature headers.
/// A redirect is an answer, not followed (the signed body would go to another address); every request has a timeout.
/// </summary>
internal sealed class WebhookPoster : IDisposable
{
    /// <summary>The most of an answer read: the test's echo is a few dozen bytes, and an error page is only quoted.</summary>
    public const int MaxAnswerBytes = 64 * 1024;

    private readonly HttpClient _client;
    private readonly TribeWebhookSigner _signer;
    private readonly Uri _url;
    private readonly int _timeoutSeconds;

    public WebhookPoster(Uri url, TribeWebhookSecret secret, int timeoutSeconds)
    {
        _url = url;
        _timeoutSeconds = timeoutSeconds;
        _signer = new TribeWebhookSigner(secret);
        var timeout = TimeSpan.FromSeconds(timeoutSeconds);
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = timeout, UseCookies = false }) { Timeout = timeout };
        _client.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("tribe-sso", null));
    }

    /// <summary>The webhook URL of <c>--url</c>: absolute http or https, or a one-line error.</summary>
    public static Uri ParseUrl(string? text)
        => Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && url.Host.Length > 0
            ? url
            : throw new CliException("--url", "is not an absolute http or https URL. Pass your app's webhook URL, such as http://127.0.0.1:5080/community/webhooks.");

    /// <summary>Signs the body now and posts it; a connection that fails or times out is an answer with a <see cref="WebhookAnswer.Failure"/>.</summary>
    public WebhookAnswer Post(byte[] body) => PostAsync(body).GetAwaiter().GetResult();

    public void Dispose() => _client.Dispose();

    /// <summary>Scheme, host and port of the URL, for messages: never its path, query or user information.</summary>
    private string Origin => _url.Scheme + "://" + _url.Authority;

    private async Task<WebhookAnswer> PostAsync(byte[] body)
    {
        var signature = _signer.Sign(body);
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(TribeWebhookHeaders.Signature, signature.Signature);
        request.Headers.TryAddWithoutValidation(TribeWebhookHeaders.Timestamp, signature.Timestamp);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
            var answer = await ReadAsync(response).ConfigureAwait(false);
            return new WebhookAnswer((int)response.StatusCode, response.ReasonPhrase, response.Headers.Location?.OriginalString, answer, null);
        }
        catch (HttpRequestException e)
        {
            return WebhookAnswer.Failed("no answer from " + Origin + ": " + e.Message);
        }
        catch (TaskCanceledException)
        {
            return WebhookAnswer.Failed("no answer from " + Origin + " within " + _timeoutSeconds + " s (--timeout)");
        }
        catch (IOException e)
        {
            return WebhookAnswer.Failed("the answer from " + Origin + " broke off: " + e.Message);
        }
    }

    private static async Task<byte[]> ReadAsync(HttpResponseMessage response)
    {
        var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[MaxAnswerBytes];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length)).ConfigureAwait(false)) > 0)
            {
                length += read;
            }

            return buffer.AsSpan(0, length).ToArray();
        }
    }
}
