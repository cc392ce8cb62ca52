using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore;

/// <summary>The <c>reason</c> tag of a refused delivery: fixed words (docs/operations.md), never a value from the request.</summary>
internal static class WebhookRefusalReason
{
    public const string TooLarge = "too_large";
    public const string MalformedBody = "malformed_body";
    public const string BrokenBody = "broken_body";

    public static string Of(TribeWebhookRefusal refusal) => refusal switch
    {
        TribeWebhookRefusal.MissingSignature => "missing_signature",
        TribeWebhookRefusal.MissingTimestamp => "missing_timestamp",
        TribeWebhookRefusal.MalformedSignature => "malformed_signature",
        TribeWebhookRefusal.MalformedTimestamp => "malformed_timestamp",
        TribeWebhookRefusal.Stale => "stale",
        TribeWebhookRefusal.FromTheFuture => "future",
        _ => "wrong_signature",
    };
}
