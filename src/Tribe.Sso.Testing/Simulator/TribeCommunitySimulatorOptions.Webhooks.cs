using System;
using System.Net.Http;

namespace Tribe.Sso.Testing;

/// <content>
/// The community app's webhook: where the simulated community sends its signed deliveries, as a real community does
/// once an app's webhook URL is saved. The URL, the secret and the handler are read when the
/// <see cref="TribeCommunitySimulator"/> is created; the duplicates drill, the timeout and the attempts on each delivery.
/// </content>
public sealed partial class TribeCommunitySimulatorOptions
{
    private Uri? _webhookUrl;
    private TimeSpan _webhookTimeout = TimeSpan.FromSeconds(5);
    private int _webhookMaxAttempts = 5;

    /// <summary>
    /// Gets or sets the partner's webhook endpoint: where the simulator POSTs the test request (once, before the first
    /// event) and then a signed <c>SUBSCRIPTION</c> delivery for each member event. Null (the default) sends nothing.
    /// Needs <see cref="WebhookSigningSecret"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The URL is relative, not http or https, or has user info or a fragment.</exception>
    public Uri? WebhookUrl
    {
        get => _webhookUrl;
        set => _webhookUrl = value is null || (value.IsAbsoluteUri && (value.Scheme == Uri.UriSchemeHttp || value.Scheme == Uri.UriSchemeHttps) && value.UserInfo.Length == 0 && !value.OriginalString.Contains('#'))
            ? value
            : throw new ArgumentException("WebhookUrl must be an absolute http or https URL without user info or a fragment, such as http://127.0.0.1:5080/community/webhooks.");
    }

    /// <summary>
    /// Gets or sets the signing secret of the community app, with which each delivery is signed
    /// (<c>X-Bettermode-Signature</c>: the lowercase hex HMAC-SHA256 of <c>timestamp:body</c>, keyed with its UTF-8 bytes).
    /// Required when <see cref="WebhookUrl"/> is set. Never written to a page, the JSON API, a log or an exception message.
    /// </summary>
    public string? WebhookSigningSecret { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether every event is delivered twice, with the same <c>data.id</c> and body: the
    /// at-least-once drill for a partner's de-duplication. The test request is sent once. Default false.
    /// </summary>
    public bool WebhookDuplicates { get; set; }

    /// <summary>Gets or sets how long one delivery attempt may take before it counts as timed out and is retried. Default 5 seconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive, or is over an hour.</exception>
    public TimeSpan WebhookTimeout
    {
        get => _webhookTimeout;
        set => _webhookTimeout = value > TimeSpan.Zero && value <= TimeSpan.FromHours(1) ? value : throw new ArgumentOutOfRangeException(nameof(value), "WebhookTimeout must be positive and at most one hour, such as 5 seconds.");
    }

    /// <summary>
    /// Gets or sets how many times a delivery is attempted before the simulator gives up on it. Default 5: the first
    /// attempt and retries 1, 5, 25 and 125 seconds after each failure (a non-2xx answer, a connection error or a timeout);
    /// later retries wait five times longer each, at most an hour. At most 10.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 1 to 10.</exception>
    public int WebhookMaxAttempts
    {
        get => _webhookMaxAttempts;
        set => _webhookMaxAttempts = value is >= 1 and <= 10 ? value : throw new ArgumentOutOfRangeException(nameof(value), "WebhookMaxAttempts must be between 1 (the first attempt only) and 10.");
    }

    /// <summary>
    /// Gets or sets the handler the deliveries are sent through, such as a test's fake; null (the default) sends them over
    /// the network, without following redirects. The simulator never disposes a handler it is given.
    /// </summary>
    public HttpMessageHandler? WebhookHttpHandler { get; set; }

    /// <summary>The webhook settings, checked together when a simulator is created: a URL needs a secret.</summary>
    /// <exception cref="ArgumentException">A URL is set without a signing secret.</exception>
    internal void CheckWebhooks()
    {
        if (WebhookUrl is not null && string.IsNullOrEmpty(WebhookSigningSecret))
        {
            throw new ArgumentException(
                "WebhookSigningSecret is required when WebhookUrl is set: set it to the signing secret of the community app whose webhook the partner verifies (tribe-sso community reads it from TRIBE_WEBHOOK_SIGNING_SECRET).");
        }
    }
}
