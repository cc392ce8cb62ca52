using System;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// Binds a community's settings to its configuration section without ever throwing. A value that does not convert (a
/// <c>TokenLifetime</c> of <c>"soon"</c>) is recorded as the settings' problem, so a reload refuses it like any other bad
/// value instead of throwing out of the configuration provider's reload (as <c>OptionsBuilder.Bind</c> would), and the
/// message names the setting without repeating the value (the binder's message does).
/// </summary>
internal static partial class TribeSsoCommunityBinding
{
    public static void Bind(IServiceCollection services, string name, IConfiguration section)
    {
        services.AddOptions<TribeSsoCommunityOptions>(name).Configure(settings =>
        {
            try
            {
                section.Bind(settings);
            }
            catch (InvalidOperationException e)
            {
                settings.BindingProblem = Describe(e, section is IConfigurationSection s ? s.Path : name);
            }
        });

        // What OptionsBuilder.Bind registers too: reloads of the section reach IOptionsMonitor and the community.
        services.AddSingleton<IOptionsChangeTokenSource<TribeSsoCommunityOptions>>(new ConfigurationChangeTokenSource<TribeSsoCommunityOptions>(name, section));
    }

    internal static string Describe(InvalidOperationException e, string sectionPath)
    {
        var match = ConversionFailure().Match(e.Message);
        return match.Success
            ? match.Groups["path"].Value + " is invalid. It cannot be read as " + match.Groups["type"].Value + "; write a TimeSpan as 00:01:00 and a flag as true or false."
            : sectionPath + " could not be bound (" + e.GetType().Name + ").";
    }

    [GeneratedRegex(@"at '(?<path>[^']*)' to type '(?<type>[^']*)'", RegexOptions.RightToLeft | RegexOptions.CultureInvariant)]
    private static partial Regex ConversionFailure();
}
