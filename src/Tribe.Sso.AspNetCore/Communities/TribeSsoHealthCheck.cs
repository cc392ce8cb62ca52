using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tribe.Sso.AspNetCore;

/// <summary>Healthy while a community's issuer reflects its current settings; unhealthy while a reload is refused.</summary>
internal sealed class TribeSsoHealthCheck(TribeSsoCommunity community) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var name = community.Registration.DisplayName;
        var current = community.Current;
        var result = current.Problem switch
        {
            null => HealthCheckResult.Healthy(name + ": the settings are valid and in use."),
            { } problem when current.Issuer is not null => new HealthCheckResult(context.Registration.FailureStatus, name + ": the new settings are refused and the previous ones are still in use. " + problem),
            { } problem => new HealthCheckResult(context.Registration.FailureStatus, name + ": no valid settings; links cannot be signed. " + problem),
        };
        return Task.FromResult(result);
    }
}
