using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// One <c>AddTribeSso</c> call: the community's name (its options name; <see cref="Options.DefaultName"/> for the default
/// community) and the configuration path that messages put in front of a setting, such as <c>Communities:acme</c>.
/// Registered as a singleton instance, so the health checks and <c>ForCommunity</c> see every community, whatever the order of calls.
/// </summary>
internal sealed class TribeSsoCommunityRegistration
{
    private const int MaxNameLength = 64;

    public TribeSsoCommunityRegistration(string name, string settingsPath)
    {
        Name = name;
        SettingsPath = settingsPath;
        DisplayName = name.Length == 0 ? "The default Tribe SSO community" : "Tribe SSO community '" + name + "'";
        HealthCheckName = name.Length == 0 ? "tribe-sso" : "tribe-sso:" + name;
        var pathNamesCommunity = name.Length == 0
            || settingsPath.Equals(name, StringComparison.OrdinalIgnoreCase)
            || settingsPath.EndsWith(":" + name, StringComparison.OrdinalIgnoreCase)
            || settingsPath.EndsWith("[" + name + "]", StringComparison.Ordinal);
        FailurePrefix = pathNamesCommunity ? string.Empty : DisplayName + ": ";
    }

    /// <summary>Gets the options name and service key; empty for the default community.</summary>
    public string Name { get; }

    /// <summary>Gets the prefix of every setting in messages, such as <c>TribeSso</c> or <c>Communities:acme</c>.</summary>
    public string SettingsPath { get; }

    /// <summary>Gets how logs and health checks name the community.</summary>
    public string DisplayName { get; }

    /// <summary>Gets the health check's name: <c>tribe-sso</c>, or <c>tribe-sso:acme</c>.</summary>
    public string HealthCheckName { get; }

    /// <summary>Gets what a start-up failure starts with: nothing when the settings path already names the community.</summary>
    public string FailurePrefix { get; }

    /// <summary>Refuses a name that could not be a service key, a health check name and a log field at once.</summary>
    public static void CheckName(string name, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, parameterName);
        if (name.Length > MaxNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new ArgumentException(
                "The community name '" + name + "' is not valid: use 1 to " + MaxNameLength + " ASCII letters, digits, '-', '_' or '.', such as \"acme\" or \"brand-eu\".",
                parameterName);
        }
    }

    /// <summary>Throws when <paramref name="name"/> is already registered, in any case: two sources of settings for one community would silently merge.</summary>
    public static void EnsureNotRegistered(IServiceCollection services, string name)
    {
        // Ignoring case: configuration keys do, so "acme" and "ACME" would read one section and collide as health checks.
        var registered = services
            .Where(d => !d.IsKeyedService)
            .Select(d => d.ImplementationInstance)
            .OfType<TribeSsoCommunityRegistration>()
            .FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));
        if (registered is null)
        {
            return;
        }

        const string Fix = " Call AddTribeSso(name, …) once per community, each with its own name.";
        throw new InvalidOperationException(
            name.Length == 0 ? "The default Tribe SSO community is already registered. Call AddTribeSso(section) once, and AddTribeSso(name, section) for each other community."
            : registered.Name == name ? "A Tribe SSO community named '" + name + "' is already registered." + Fix
            : "A Tribe SSO community named '" + name + "' cannot be registered: '" + registered.Name + "' is already, and community names that differ only in case read the same configuration section." + Fix);
    }
}
