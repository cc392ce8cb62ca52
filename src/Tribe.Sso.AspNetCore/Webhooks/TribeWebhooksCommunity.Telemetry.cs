using System;
using Microsoft.Extensions.Logging;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// The community's log events and measurements of deliveries, each said in one place (docs/operations.md). Messages and
/// tags carry the community, the event's id and name, the reason and the handler's type: never the secret, a signature,
/// the body or a member's email.
/// </summary>
internal sealed partial class TribeWebhooksCommunity
{
    public void Received(TribeWebhookDelivery delivery, string outcome)
    {
        LogReceived(Logger, Registration.DisplayName, delivery.TypeName);
        Metrics.Delivery(Registration.CommunityTag, outcome, null);
    }

    public void Refused(string reason, string why)
    {
        LogRefused(Logger, Registration.DisplayName, reason, why);
        Metrics.Delivery(Registration.CommunityTag, "refused", reason);
    }

    public void Duplicate(TribeWebhookEvent webhookEvent, string state)
    {
        LogDuplicate(Logger, Registration.DisplayName, webhookEvent.Id, webhookEvent.Name, state);
        Metrics.Delivery(Registration.CommunityTag, state == "completed" ? "duplicate" : "in_progress", null);
    }

    public void LogUnavailable(TribeWebhookEvent webhookEvent, string operation, Exception? exception)
    {
        LogDeliveryLogUnavailable(Logger, exception, Registration.DisplayName, operation, webhookEvent.Id);
        if (operation == "claim")
        {
            Metrics.Delivery(Registration.CommunityTag, "unavailable", null);
        }
    }

    public void HandlerFailed(TribeWebhookEvent webhookEvent, Exception exception, long started)
    {
        LogHandlerFailed(Logger, exception, Registration.DisplayName, webhookEvent.Id, webhookEvent.Name, exception.GetType().Name);
        Metrics.Delivery(Registration.CommunityTag, "failed", null);
        Metrics.HandlerDuration(Registration.CommunityTag, webhookEvent.Name, "failed", started);
    }

    public void Handled(TribeWebhookEvent webhookEvent, long started)
    {
        LogHandled(Logger, Registration.DisplayName, webhookEvent.Id, webhookEvent.Name);
        Metrics.Delivery(Registration.CommunityTag, "handled", null);
        Metrics.HandlerDuration(Registration.CommunityTag, webhookEvent.Name, "handled", started);
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Debug, EventName = "WebhookReceived", Message = "{Community}: a {Type} delivery was answered")]
    private static partial void LogReceived(ILogger logger, string community, string type);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, EventName = "WebhookRefused", Message = "{Community}: a webhook delivery was refused ({Reason}): {Why}")]
    private static partial void LogRefused(ILogger logger, string community, string reason, string why);

    [LoggerMessage(EventId = 42, Level = LogLevel.Information, EventName = "WebhookDuplicate", Message = "{Community}: event {EventId} ({EventName}) arrived again and is {State}; no handler ran")]
    private static partial void LogDuplicate(ILogger logger, string community, string eventId, string eventName, string state);

    [LoggerMessage(EventId = 43, Level = LogLevel.Error, EventName = "WebhookHandlerFailed", Message = "{Community}: the handler of event {EventId} ({EventName}) threw {ExceptionType}; answered 500 and the event's id released, so the community's retry runs it again")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string community, string eventId, string eventName, string exceptionType);

    [LoggerMessage(EventId = 44, Level = LogLevel.Warning, EventName = "WebhookDeliveryLogUnavailable", Message = "{Community}: the delivery log failed to {Operation} event {EventId}; a delivery without a claim is answered 503 so the community retries it")]
    private static partial void LogDeliveryLogUnavailable(ILogger logger, Exception? exception, string community, string operation, string eventId);

    [LoggerMessage(EventId = 45, Level = LogLevel.Information, EventName = "WebhookHandled", Message = "{Community}: event {EventId} ({EventName}) was handled")]
    private static partial void LogHandled(ILogger logger, string community, string eventId, string eventName);
}
