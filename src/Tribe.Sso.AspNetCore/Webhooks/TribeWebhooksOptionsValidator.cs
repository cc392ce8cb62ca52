using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// Fails the application's start when a community's webhook settings have never been valid (<c>ValidateOnStart</c>).
/// Once a community has a verifier, a refused reload is the community's to report (one error log, an unhealthy health
/// check), so this validator skips it rather than throw out of the configuration provider's reload.
/// </summary>
internal sealed class TribeWebhooksOptionsValidator(IServiceProvider services) : IValidateOptions<TribeSsoWebhooksOptions>
{
    public ValidateOptionsResult Validate(string? name, TribeSsoWebhooksOptions options)
    {
        var community = services.GetKeyedService<TribeWebhooksCommunity>(name ?? Options.DefaultName);
        if (community is null)
        {
            return ValidateOptionsResult.Skip;
        }

        var problem = TribeWebhooksBinding.Check(options, community.Registration.SettingsPath, TimeProvider.System, out _);
        return problem is null ? ValidateOptionsResult.Success
            : community.HasVerifier ? ValidateOptionsResult.Skip
            : ValidateOptionsResult.Fail(problem);
    }
}
