using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// The webhook endpoint's instruments on the <see cref="TribeSsoTelemetry.MeterName"/> meter: deliveries by community,
/// outcome and refusal reason, and how long handlers took by event name. Tags are fixed words and event names, never a
/// member, an email or an event id (unbounded).
/// </summary>
internal sealed class WebhookMetrics
{
    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _handlerDuration;

    public WebhookMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(TribeSsoTelemetry.MeterName);
        _deliveries = meter.CreateCounter<long>("tribe.sso.webhooks.deliveries", "{delivery}", "Webhook deliveries answered, by outcome and, when refused, reason.");
        _handlerDuration = meter.CreateHistogram<double>("tribe.sso.webhooks.handler.duration", "s", "How long the handlers of one event took, by event name and outcome.");
    }

    public static long Now() => Stopwatch.GetTimestamp();

    /// <param name="community">The community tag.</param>
    /// <param name="outcome"><c>handled</c>, <c>test</c>, <c>ignored</c>, <c>duplicate</c>, <c>in_progress</c>, <c>unavailable</c>, <c>failed</c> or <c>refused</c>.</param>
    /// <param name="reason">The refusal's reason, or null.</param>
    public void Delivery(string community, string outcome, string? reason)
    {
        if (_deliveries.Enabled)
        {
            var tags = new TagList { { TribeSsoMetrics.CommunityTag, community }, { TribeSsoMetrics.OutcomeTag, outcome } };
            if (reason is not null)
            {
                tags.Add(TribeSsoMetrics.ReasonTag, reason);
            }

            _deliveries.Add(1, tags);
        }
    }

    public void HandlerDuration(string community, string eventName, string outcome, long started)
    {
        if (_handlerDuration.Enabled)
        {
            _handlerDuration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>(TribeSsoMetrics.CommunityTag, community),
                new KeyValuePair<string, object?>("tribe.event", eventName),
                new KeyValuePair<string, object?>(TribeSsoMetrics.OutcomeTag, outcome));
        }
    }
}
