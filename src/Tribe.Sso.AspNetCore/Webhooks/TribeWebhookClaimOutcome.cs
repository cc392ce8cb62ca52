namespace Tribe.Sso.AspNetCore;

/// <summary>What <see cref="ITribeWebhookDeliveryLog.TryClaimAsync"/> found.</summary>
public enum TribeWebhookClaimOutcome
{
    /// <summary>The event is this request's to handle.</summary>
    Claimed = 0,

    /// <summary>The event was handled already: answered <c>200</c> without running a handler.</summary>
    Completed = 1,

    /// <summary>Another request is handling the event: answered <c>503</c> with <c>Retry-After</c>, so the community retries later.</summary>
    InProgress = 2,

    /// <summary>The log cannot be reached or is full: answered <c>503</c> with <c>Retry-After</c>; nothing runs without a claim.</summary>
    Unavailable = 3,
}
