using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// Healthy while a community's webhook settings are valid and in use; the registration's failure status while a reload
/// is refused (the previous secret still verifies). A delivery log that can check itself (one on Redis) adds its own
/// check; this one never contacts it.
/// </summary>
internal sealed class TribeWebhooksHealthCheck(TribeWebhooksCommunity community) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var name = community.Registration.DisplayName;
        var current = community.Current;
        var result = current.Problem switch
        {
            null => HealthCheckResult.Healthy(name + ": the settings are valid and in use."),
            { } problem when current.Verifier is not null => new HealthCheckResult(context.Registration.FailureStatus, name + ": the new settings are refused and the previous ones are still in use. " + problem),
            { } problem => new HealthCheckResult(context.Registration.FailureStatus, name + ": no valid settings; deliveries cannot be verified. " + problem),
        };
        return Task.FromResult(result);
    }
}
