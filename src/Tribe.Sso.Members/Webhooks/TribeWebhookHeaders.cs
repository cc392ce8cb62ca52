namespace Tribe.Sso.Members;

/// <summary>The headers of a webhook delivery: the community's names, and the older Tribe apps' names it still sends.</summary>
public static class TribeWebhookHeaders
{
    /// <summary>The delivery's signature: lowercase hex HMAC-SHA256 of <c>timestamp:rawBody</c>.</summary>
    public const string Signature = "X-Bettermode-Signature";

    /// <summary>When the delivery was signed, in milliseconds since the Unix epoch.</summary>
    public const string Timestamp = "X-Bettermode-Request-Timestamp";

    /// <summary>The signature header of older Tribe apps, read when <see cref="Signature"/> is absent.</summary>
    public const string LegacySignature = "X-Tribe-Signature";

    /// <summary>The timestamp header of older Tribe apps, read when <see cref="Timestamp"/> is absent.</summary>
    public const string LegacyTimestamp = "X-Tribe-Request-Timestamp";
}
