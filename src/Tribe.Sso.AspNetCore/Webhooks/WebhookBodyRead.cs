namespace Tribe.Sso.AspNetCore;

/// <summary>How reading a delivery's body ended.</summary>
internal enum WebhookBodyRead
{
    /// <summary>Read to its end, within the limit.</summary>
    Whole,

    /// <summary>Larger than the limit: answered <c>413</c>.</summary>
    TooLarge,

    /// <summary>The client sent less than it said, broke the framing or hung up: answered <c>400</c> if it still listens.</summary>
    Broken,
}
