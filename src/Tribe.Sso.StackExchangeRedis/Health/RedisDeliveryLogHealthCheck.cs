using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tribe.Sso.StackExchangeRedis;

/// <summary>
/// Pings the Redis of every community whose delivery log is on Redis, and reports the worst: the round trip is Redis's
/// own measure, so no clock is read here. Order-free: it finds the communities when it runs, whatever the order of
/// <c>AddHealthChecks</c> and <c>UseRedisDeliveryLog</c>.
/// </summary>
internal sealed class RedisDeliveryLogHealthCheck(IServiceProvider services, TimeSpan slowAfter) : IHealthCheck
{
    public static readonly TimeSpan DefaultSlowAfter = TimeSpan.FromMilliseconds(100);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var targets = services.GetServices<RedisDeliveryLogTarget>().ToList();
        if (targets.Count == 0)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "No community's delivery log is on Redis. Call UseRedisDeliveryLog on AddTribeSsoWebhooks(…), or remove this health check.");
        }

        var results = new List<(string Line, HealthStatus Status)>(targets.Count);
        foreach (var target in targets)
        {
            results.Add(await PingAsync(target, context.Registration.FailureStatus).ConfigureAwait(false));
        }

        // The worst wins: HealthStatus orders Unhealthy < Degraded < Healthy.
        return new HealthCheckResult(results.Min(r => r.Status), string.Join(" ", results.Select(r => r.Line)));
    }

    private async Task<(string Line, HealthStatus Status)> PingAsync(RedisDeliveryLogTarget target, HealthStatus failureStatus)
    {
        try
        {
            var connection = await target.Connect(services)().ConfigureAwait(false);
            var roundTrip = await connection.GetDatabase().PingAsync().ConfigureAwait(false);
            var ms = roundTrip.TotalMilliseconds.ToString("0.#", CultureInfo.InvariantCulture);
            return roundTrip > slowAfter
                ? (target.DisplayName + ": Redis answered PING in " + ms + " ms, slower than " + slowAfter.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms.", HealthStatus.Degraded)
                : (target.DisplayName + ": Redis answered PING in " + ms + " ms.", HealthStatus.Healthy);
        }
        catch (Exception e) when (RedisTribeWebhookDeliveryLog.IsRedisFailure(e))
        {
            var reason = RedisConnectionString.Redact(e.Message, target.Password(services));
            return (target.DisplayName + ": Redis does not answer (" + e.GetType().Name + ": " + reason + "); deliveries are answered 503 until it does.", failureStatus);
        }
    }
}
