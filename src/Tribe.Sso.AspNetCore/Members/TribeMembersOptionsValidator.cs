using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// Validates each registered members client's settings when the application starts (<c>ValidateOnStart</c>), with
/// the same rules and messages as a reload: the setting's configuration key and the fix, never a value. Once a client
/// was built, a refused reload is the community's to report (one error log), so this validator skips it: failing here
/// would throw <see cref="OptionsValidationException"/> out of the configuration provider's reload.
/// </summary>
internal sealed class TribeMembersOptionsValidator(IServiceProvider services) : IValidateOptions<TribeMembersClientOptions>
{
    public ValidateOptionsResult Validate(string? name, TribeMembersClientOptions options)
    {
        // Resolving the holder here also creates it at start-up, so a reload before the first use has a client to keep.
        var members = services.GetKeyedService<TribeMembersCommunity>(name ?? Options.DefaultName);
        if (members is null)
        {
            return ValidateOptionsResult.Skip;
        }

        var problem = TribeMembersBinding.Check(options, members.SettingsPath);
        return problem is null ? ValidateOptionsResult.Success
            : members.HasClient ? ValidateOptionsResult.Skip
            : ValidateOptionsResult.Fail(problem);
    }
}
