using System;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// Binds a members client's settings to its configuration section without ever throwing, and checks them in one place.
/// A value that does not convert (an <c>ApiUrl</c> of <c>"not a url"</c>) is recorded beside the options instance, so a
/// reload refuses it like any other bad value instead of throwing out of the configuration provider's reload, and the
/// message names the setting without repeating the value (the binder's message does, and it could be the secret).
/// </summary>
internal static partial class TribeMembersBinding
{
    private static readonly ConditionalWeakTable<TribeMembersClientOptions, string> BindingProblems = new();

    public static void Bind(IServiceCollection services, string name, IConfiguration section, string settingsPath)
    {
        services.AddOptions<TribeMembersClientOptions>(name).Configure(settings =>
        {
            try
            {
                section.Bind(settings);
            }
            catch (InvalidOperationException e)
            {
                BindingProblems.AddOrUpdate(settings, Describe(e, settingsPath));
            }
        });

        // What OptionsBuilder.Bind registers too: reloads of the section reach IOptionsMonitor and the members client.
        services.AddSingleton<IOptionsChangeTokenSource<TribeMembersClientOptions>>(new ConfigurationChangeTokenSource<TribeMembersClientOptions>(name, section));
    }

    /// <summary>Says what is wrong with <paramref name="settings"/>, each setting named with its path; null when they are valid.</summary>
    public static string? Check(TribeMembersClientOptions settings, string settingsPath)
    {
        if (BindingProblems.TryGetValue(settings, out var problem))
        {
            return problem;
        }

        try
        {
            settings.Validate();
            return null;
        }
        catch (TribeMembersConfigurationException e)
        {
            // The client's message names the option as a property ("TribeMembersClientOptions.ClientSecret is empty. …");
            // here it is named as the configuration key the operator edits. Neither quotes a value.
            var prefix = nameof(TribeMembersClientOptions) + "." + e.OptionName;
            return e.Message.StartsWith(prefix, StringComparison.Ordinal)
                ? string.Concat(settingsPath + ":" + e.OptionName, e.Message.AsSpan(prefix.Length))
                : settingsPath + ":" + e.OptionName + " is invalid. " + e.Message;
        }
    }

    internal static string Describe(InvalidOperationException e, string settingsPath)
    {
        var match = ConversionFailure().Match(e.Message);
        return match.Success
            ? match.Groups["path"].Value + " is invalid. It cannot be read as " + match.Groups["type"].Value + "; write a URL as https://api.bettermode.com, a TimeSpan as 00:00:30 and a number in digits."
            : settingsPath + " could not be bound (" + e.GetType().Name + ").";
    }

    [GeneratedRegex(@"at '(?<path>[^']*)' to type '(?<type>[^']*)'", RegexOptions.RightToLeft | RegexOptions.CultureInvariant)]
    private static partial Regex ConversionFailure();
}
