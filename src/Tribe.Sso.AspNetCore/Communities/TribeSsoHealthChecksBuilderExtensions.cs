using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tribe.Sso.AspNetCore;

/// <summary>Adds the Tribe SSO health checks.</summary>
public static class TribeSsoHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds one health check per Tribe SSO community: <c>tribe-sso</c> for the default community and <c>tribe-sso:acme</c>
    /// for a community named <c>acme</c>. A check is healthy while the community's settings are valid, and unhealthy while
    /// a configuration reload is refused (the previous settings stay in use); its description names the setting, never
    /// the key. Communities registered after this call are covered too.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="tags">Tags for the checks, such as <c>ready</c>, to filter them in <c>MapHealthChecks</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IHealthChecksBuilder AddTribeSso(this IHealthChecksBuilder builder, IEnumerable<string>? tags = null)
    {
        System.ArgumentNullException.ThrowIfNull(builder);
        var tagList = tags?.ToArray();

        // Listed when the health check service is built, not now: every AddTribeSso(…) call is known by then.
        builder.Services.AddOptions<HealthCheckServiceOptions>().Configure<IEnumerable<TribeSsoCommunityRegistration>>((options, communities) =>
        {
            foreach (var community in communities)
            {
                // Health checks added twice list each community once: the health check service refuses duplicate names at start.
                if (options.Registrations.Any(r => string.Equals(r.Name, community.HealthCheckName, System.StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                options.Registrations.Add(new HealthCheckRegistration(
                    community.HealthCheckName,
                    services => new TribeSsoHealthCheck(services.GetRequiredKeyedService<TribeSsoCommunity>(community.Name)),
                    failureStatus: null,
                    tags: tagList));
            }
        });
        return builder;
    }

    /// <summary>
    /// Adds one health check per community with webhooks: <c>tribe-sso-webhooks</c> for the default community and
    /// <c>tribe-sso-webhooks:acme</c> for a community named <c>acme</c>. A check is healthy while the webhook settings are
    /// valid, and unhealthy while a reload is refused (the previous signing secret stays in use); its description names
    /// the setting, never the secret.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="tags">Tags for the checks.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IHealthChecksBuilder AddTribeSsoWebhooks(this IHealthChecksBuilder builder, IEnumerable<string>? tags = null)
    {
        System.ArgumentNullException.ThrowIfNull(builder);
        var tagList = tags?.ToArray();
        builder.Services.AddOptions<HealthCheckServiceOptions>().Configure<IEnumerable<TribeWebhooksRegistration>>((options, communities) =>
        {
            foreach (var community in communities)
            {
                if (!options.Registrations.Any(r => string.Equals(r.Name, community.HealthCheckName, System.StringComparison.OrdinalIgnoreCase)))
                {
                    options.Registrations.Add(new HealthCheckRegistration(
                        community.HealthCheckName,
                        services => new TribeWebhooksHealthCheck(services.GetRequiredKeyedService<TribeWebhooksCommunity>(community.Name)),
                        failureStatus: null,
                        tags: tagList));
                }
            }
        });
        return builder;
    }
}
