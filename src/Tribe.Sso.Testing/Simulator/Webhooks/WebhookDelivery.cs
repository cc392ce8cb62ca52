namespace Tribe.Sso.Testing;

/// <summary>
/// One delivery of the test request or of one copy of an event: its fixed body (every retry sends the same bytes,
/// re-signed) and what became of its attempts. The state is changed and read under <see cref="SimulatorWebhooks"/>' lock.
/// </summary>
internal sealed class WebhookDelivery
{
    public WebhookDelivery(string eventName, string? eventId, byte[] body, string? challenge = null)
    {
        EventName = eventName;
        EventId = eventId;
        Body = body;
        Challenge = challenge;
    }

    /// <summary>Gets the event's name, or <c>TEST</c> for the test request.</summary>
    public string EventName { get; }

    /// <summary>Gets the event's id (<c>data.id</c>), the same in every copy and retry; null for the test request.</summary>
    public string? EventId { get; }

    /// <summary>Gets the raw body, sent as it is on every attempt.</summary>
    public byte[] Body { get; }

    /// <summary>Gets the test request's challenge, which the answer must echo; null for an event.</summary>
    public string? Challenge { get; }

    public int Attempts { get; set; }

    /// <summary>Gets or sets the HTTP status of the last answer, or null when none came (a timeout, a connection error).</summary>
    public int? LastStatus { get; set; }

    /// <summary>Gets or sets why the last attempt failed (<see cref="WebhookFailure"/>), or null when it succeeded or none was made yet.</summary>
    public string? LastError { get; set; }

    public bool Delivered { get; set; }

    /// <summary>Gets or sets a value indicating whether an attempt is still to come: queued, under way, or waiting to be retried.</summary>
    public bool Pending { get; set; } = true;
}
