using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// Applies the core's rules to the bound settings, naming the configuration key in every message (never the key's value).
/// It gives <c>ValidateOnStart</c> its fail-fast. Once a community has a valid issuer, a refused reload is the
/// community's to report (one error log, an unhealthy health check), so this validator skips it: failing here would
/// throw <see cref="OptionsValidationException"/> out of the configuration provider's reload.
/// </summary>
internal sealed class TribeSsoCommunityOptionsValidator(IServiceProvider services) : IValidateOptions<TribeSsoCommunityOptions>
{
    public ValidateOptionsResult Validate(string? name, TribeSsoCommunityOptions options)
    {
        // Resolving the community here also creates it at start-up (ValidateOnStart), so a reload that comes before the
        // first request already has a last valid issuer to keep.
        var community = services.GetKeyedService<TribeSsoCommunity>(name ?? Options.DefaultName);
        if (community is null)
        {
            return ValidateOptionsResult.Skip;
        }

        var problem = options.Check(community.Registration.SettingsPath, out _);
        return problem is null ? ValidateOptionsResult.Success
            : community.HasIssuer ? ValidateOptionsResult.Skip
            : ValidateOptionsResult.Fail(community.Registration.FailurePrefix + problem);
    }
}
