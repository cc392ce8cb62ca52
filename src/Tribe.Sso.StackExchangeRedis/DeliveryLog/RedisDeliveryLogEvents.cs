using Microsoft.Extensions.Logging;

namespace Tribe.Sso.StackExchangeRedis;

/// <summary>
/// The package's log events (docs/operations.md), category <see cref="Category"/>. They carry the community, the
/// operation, the event id and the client's exception type and message with the password cut out: never a connection
/// string, a body or a member's email.
/// </summary>
internal static partial class RedisDeliveryLogEvents
{
    public const string Category = "Tribe.Sso.StackExchangeRedis.RedisDeliveryLog";

    public const string ClaimConsequence = "the delivery is answered 503 so the community retries it; nothing ran";

    public const string CompleteConsequence = "the handler ran, but its completion is not recorded: a delivery of the event after the claim's lease may run it again";

    public const string ReleaseConsequence = "the claim lapses after its lease, and the community's retry after that runs the event";

    [LoggerMessage(EventId = 60, Level = LogLevel.Warning, EventName = "WebhookRedisUnavailable", Message = "Tribe SSO webhooks, {Community}: Redis did not {Operation} event {EventId} ({ExceptionType}: {Reason}); {Consequence}")]
    public static partial void Unavailable(ILogger logger, string community, string operation, string eventId, string exceptionType, string reason, string consequence);

    [LoggerMessage(EventId = 61, Level = LogLevel.Information, EventName = "WebhookRedisAvailable", Message = "Tribe SSO webhooks, {Community}: Redis answers the delivery log again")]
    public static partial void Available(ILogger logger, string community);
}
