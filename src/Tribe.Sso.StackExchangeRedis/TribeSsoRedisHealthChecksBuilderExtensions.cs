using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tribe.Sso.StackExchangeRedis;

/// <summary>Adds the health check of the delivery logs on Redis.</summary>
public static class TribeSsoRedisHealthChecksBuilderExtensions
{
    /// <summary>The check's name.</summary>
    public const string HealthCheckName = "tribe-sso-webhooks-redis";

    /// <summary>
    /// Adds <c>tribe-sso-webhooks-redis</c>, which sends <c>PING</c> to the Redis of every community that calls
    /// <c>UseRedisDeliveryLog</c>: healthy when each answers within <paramref name="slowAfter"/>, degraded when one is
    /// slower, and <paramref name="failureStatus"/> (unhealthy by default) when one does not answer, when deliveries are
    /// answered <c>503</c> and wait for the community's retries. The description names the community, never the connection string.
    /// </summary>
    /// <param name="builder">The health checks.</param>
    /// <param name="slowAfter">The round trip above which Redis is reported degraded; default 100 milliseconds.</param>
    /// <param name="failureStatus">The status when Redis does not answer; default <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IHealthChecksBuilder AddTribeSsoRedisDeliveryLog(this IHealthChecksBuilder builder, TimeSpan? slowAfter = null, HealthStatus? failureStatus = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var threshold = slowAfter ?? RedisDeliveryLogHealthCheck.DefaultSlowAfter;
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, TimeSpan.Zero, nameof(slowAfter));
        return builder.Add(new HealthCheckRegistration(
            HealthCheckName,
            services => new RedisDeliveryLogHealthCheck(services, threshold),
            failureStatus,
            ["tribe-sso", "webhooks", "redis"]));
    }
}
