using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>
/// A configuration source the test changes at run time, the way a secret store's provider does when it polls: new values,
/// then <see cref="ConfigurationProvider.OnReload"/>. Nothing is read from disk, so a reload happens exactly when asked.
/// </summary>
internal sealed class ReloadableConfiguration : ConfigurationProvider, IConfigurationSource
{
    public ReloadableConfiguration(IDictionary<string, string?> initial)
    {
        Data = new Dictionary<string, string?>(initial, System.StringComparer.OrdinalIgnoreCase);
    }

    public IConfigurationProvider Build(IConfigurationBuilder builder) => this;

    /// <summary>Replaces the given values at once (a secret store's new version), then raises the reload.</summary>
    public void Reload(IDictionary<string, string?> changes)
    {
        var next = new Dictionary<string, string?>(Data, System.StringComparer.OrdinalIgnoreCase);
        foreach (var change in changes)
        {
            next[change.Key] = change.Value;
        }

        Data = next;
        OnReload();
    }

    public void Reload(string key, string? value) => Reload(new Dictionary<string, string?> { [key] = value });
}
