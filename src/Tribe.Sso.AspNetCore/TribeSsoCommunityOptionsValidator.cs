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

        var problem = Check(options, community.Registration.SettingsPath, out _);
        return problem is null ? ValidateOptionsResult.Success
            : community.HasIssuer ? ValidateOptionsResult.Skip
            : ValidateOptionsResult.Fail(community.Registration.FailurePrefix + problem);
    }

    /// <summary>Turns the settings into issuer options, or says which setting is wrong and how to fix it.</summary>
    /// <returns>Null when the settings are valid; otherwise the problem, starting with the setting's configuration key.</returns>
    public static string? Check(TribeSsoCommunityOptions options, string prefix, out TribeSsoOptions? result)
    {
        result = null;
        if (options.BindingProblem is not null)
        {
            return options.BindingProblem;
        }

        if (string.IsNullOrEmpty(options.PrivateKey))
        {
            return $"{prefix}:PrivateKey is not set. Store the key of the community's \"JWT SSO\" app in user secrets (dotnet user-secrets set \"{prefix}:PrivateKey\" \"<key>\"), the environment variable {prefix.Replace(":", "__", StringComparison.Ordinal)}__PrivateKey, or your secret store.";
        }

        try
        {
            result = options.ToOptions();
            return null;
        }
        catch (TribeSsoKeyException e)
        {
            return $"{prefix}:PrivateKey is unusable. {e.Message}" + (IsOnlyShort(options) ? $" (In configuration, the opt-in is {prefix}:AllowShortPrivateKey = true.)" : string.Empty);
        }
        catch (TribeSsoConfigurationException e)
        {
            return $"{prefix}:{e.OptionName} is invalid. {e.Message}";
        }
    }

    /// <summary>
    /// Whether the short-key opt-in would fix the key: only then is it offered. A key with surrounding whitespace or a
    /// broken UTF-16 sequence stays unusable with the opt-in, and advice about it would send the reader the wrong way.
    /// </summary>
    private static bool IsOnlyShort(TribeSsoCommunityOptions options)
    {
        if (options.AllowShortPrivateKey)
        {
            return false;
        }

        try
        {
            TribeSsoKey.FromShortCommunityKey(options.PrivateKey!);
            return true;
        }
        catch (TribeSsoKeyException)
        {
            return false;
        }
    }
}
