using System;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// Binds webhook settings without ever throwing: a value that does not convert (a <c>Tolerance</c> of <c>"soon"</c>)
/// is recorded beside the options instance and refused like any bad value, and the message names the setting without
/// repeating the value (the binder's message does).
/// </summary>
internal static class TribeWebhooksBinding
{
    private static readonly ConditionalWeakTable<TribeSsoWebhooksOptions, string> BindingProblems = new();

    public static void Bind(IServiceCollection services, string name, IConfiguration section)
    {
        services.AddOptions<TribeSsoWebhooksOptions>(name).Configure(settings =>
        {
            try
            {
                section.Bind(settings);
            }
            catch (InvalidOperationException e)
            {
                BindingProblems.AddOrUpdate(settings, e.GetType().Name);
            }
        });
        services.AddSingleton<IOptionsChangeTokenSource<TribeSsoWebhooksOptions>>(new ConfigurationChangeTokenSource<TribeSsoWebhooksOptions>(name, section));
    }

    /// <summary>Says what is wrong, each setting named with its path; null and a verifier when the settings are valid.</summary>
    public static string? Check(TribeSsoWebhooksOptions settings, string settingsPath, TimeProvider time, out Tribe.Sso.Members.TribeWebhookVerifier? verifier)
    {
        if (BindingProblems.TryGetValue(settings, out _))
        {
            verifier = null;
            return settingsPath + " could not be read: a value does not convert. Write a TimeSpan as 00:05:00 and a size as a number of bytes.";
        }

        return settings.Check(settingsPath, time, out verifier);
    }
}
