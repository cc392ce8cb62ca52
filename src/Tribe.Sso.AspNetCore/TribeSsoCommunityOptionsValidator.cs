using Microsoft.Extensions.Options;

namespace Tribe.Sso.AspNetCore;

/// <summary>Applies the core's rules to the bound settings, naming the configuration key in every message (never the key's value).</summary>
internal sealed class TribeSsoCommunityOptionsValidator : IValidateOptions<TribeSsoCommunityOptions>
{
    private readonly string _prefix;

    public TribeSsoCommunityOptionsValidator(string prefix) => _prefix = prefix;

    public ValidateOptionsResult Validate(string? name, TribeSsoCommunityOptions options)
    {
        if (string.IsNullOrEmpty(options.PrivateKey))
        {
            return ValidateOptionsResult.Fail(
                $"{_prefix}:PrivateKey is not set. Store the key of the community's \"JWT SSO\" app in user secrets (dotnet user-secrets set \"{_prefix}:PrivateKey\" \"<key>\"), the environment variable {_prefix}__PrivateKey, or your secret store.");
        }

        try
        {
            options.ToOptions();
            return ValidateOptionsResult.Success;
        }
        catch (TribeSsoKeyException e)
        {
            return ValidateOptionsResult.Fail($"{_prefix}:PrivateKey is unusable. {e.Message}" + (options.AllowShortPrivateKey ? string.Empty : $" (In configuration, the opt-in is {_prefix}:AllowShortPrivateKey = true.)"));
        }
        catch (TribeSsoConfigurationException e)
        {
            return ValidateOptionsResult.Fail($"{_prefix}:{e.OptionName} is invalid. {e.Message}");
        }
    }
}
