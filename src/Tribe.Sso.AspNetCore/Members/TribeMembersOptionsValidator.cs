using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Options;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// Validates each registered members client's settings when the application starts (<c>ValidateOnStart</c>), with
/// the same rules and messages as a reload: the setting's configuration key and the fix, never a value.
/// </summary>
internal sealed class TribeMembersOptionsValidator : IValidateOptions<TribeMembersClientOptions>
{
    private readonly IEnumerable<TribeMembersRegistration> _registrations;

    public TribeMembersOptionsValidator(IEnumerable<TribeMembersRegistration> registrations) => _registrations = registrations;

    public ValidateOptionsResult Validate(string? name, TribeMembersClientOptions options)
    {
        var registration = _registrations.FirstOrDefault(r => r.Name == (name ?? Options.DefaultName));
        if (registration is null)
        {
            return ValidateOptionsResult.Skip;
        }

        var problem = TribeMembersBinding.Check(options, registration.SettingsPath);
        return problem is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problem);
    }
}
