using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Tribe.Sso.AspNetCore;

/// <summary>Registers Tribe SSO communities in an application's services.</summary>
/// <remarks>
/// Each community's <see cref="TribeSsoIssuer"/> follows its configuration: after a reload (a secret store that polls,
/// a file that changes) the next issuer resolved uses the new settings, with no restart. A reload that breaks a rule keeps
/// the last valid issuer, logs one error naming the setting (never the key), and makes the community's health check
/// (<see cref="TribeSsoHealthChecksBuilderExtensions.AddTribeSso"/>) unhealthy until the configuration is fixed. Resolve the
/// issuer where you use it (it is registered as transient and costs one reference read): a singleton that keeps it
/// keeps the issuer of the moment it was created.
/// </remarks>
public static class TribeSsoServiceCollectionExtensions
{
    /// <summary>
    /// Registers the default community: binds <see cref="TribeSsoCommunityOptions"/> to <paramref name="section"/> (usually
    /// <c>configuration.GetSection("TribeSso")</c>), validates them when the application starts, and registers
    /// <see cref="TribeSsoIssuer"/> and, if absent, <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The configuration section; messages name its keys, such as <c>TribeSso:PrivateKey</c>.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The default community is already registered.</exception>
    public static IServiceCollection AddTribeSso(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        TribeSsoCommunityRegistration.EnsureNotRegistered(services, Options.DefaultName);
        TribeSsoCommunityBinding.Bind(services, Options.DefaultName, section);
        return AddCommunity(services, Options.DefaultName, section is IConfigurationSection s ? s.Path : TribeSsoCommunityOptions.DefaultSectionName);
    }

    /// <summary>
    /// Registers the default community with settings set in code, validated when the application starts, and registers
    /// <see cref="TribeSsoIssuer"/> and, if absent, <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the settings.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The default community is already registered.</exception>
    public static IServiceCollection AddTribeSso(this IServiceCollection services, Action<TribeSsoCommunityOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        TribeSsoCommunityRegistration.EnsureNotRegistered(services, Options.DefaultName);
        services.AddOptions<TribeSsoCommunityOptions>().Configure(configure);
        return AddCommunity(services, Options.DefaultName, nameof(TribeSsoCommunityOptions));
    }

    /// <summary>
    /// Registers a named community: binds the <see cref="TribeSsoCommunityOptions"/> named <paramref name="name"/> to
    /// <paramref name="section"/> (such as <c>configuration.GetSection("Communities:acme")</c>), validates them when the
    /// application starts, and registers its issuer as the keyed service <see cref="TribeSsoIssuer"/> with key
    /// <paramref name="name"/> (<c>[FromKeyedServices("acme")] TribeSsoIssuer issuer</c>). Send an endpoint's users to it
    /// with <c>app.MapTribeSso("/acme/sso").ForCommunity("acme")</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The community's name: ASCII letters, digits, '-', '_' or '.', at most 64 characters.</param>
    /// <param name="section">The configuration section; messages name its keys, such as <c>Communities:acme:PrivateKey</c>.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or has other characters.</exception>
    /// <exception cref="InvalidOperationException">A community with this name is already registered.</exception>
    public static IServiceCollection AddTribeSso(this IServiceCollection services, string name, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        TribeSsoCommunityRegistration.CheckName(name, nameof(name));
        ArgumentNullException.ThrowIfNull(section);
        TribeSsoCommunityRegistration.EnsureNotRegistered(services, name);
        TribeSsoCommunityBinding.Bind(services, name, section);
        return AddCommunity(services, name, section is IConfigurationSection s ? s.Path : name);
    }

    /// <summary>
    /// Registers a named community with settings set in code, validated when the application starts; its issuer is the
    /// keyed service <see cref="TribeSsoIssuer"/> with key <paramref name="name"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The community's name: ASCII letters, digits, '-', '_' or '.', at most 64 characters.</param>
    /// <param name="configure">Sets the settings.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or has other characters.</exception>
    /// <exception cref="InvalidOperationException">A community with this name is already registered.</exception>
    public static IServiceCollection AddTribeSso(this IServiceCollection services, string name, Action<TribeSsoCommunityOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        TribeSsoCommunityRegistration.CheckName(name, nameof(name));
        ArgumentNullException.ThrowIfNull(configure);
        TribeSsoCommunityRegistration.EnsureNotRegistered(services, name);
        services.AddOptions<TribeSsoCommunityOptions>(name).Configure(configure);
        return AddCommunity(services, name, nameof(TribeSsoCommunityOptions) + "[" + name + "]");
    }

    private static IServiceCollection AddCommunity(IServiceCollection services, string name, string settingsPath)
    {
        var registration = new TribeSsoCommunityRegistration(name, settingsPath);
        services.AddSingleton(registration);
        services.AddOptions<TribeSsoCommunityOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TribeSsoCommunityOptions>, TribeSsoCommunityOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<TribeSsoMetrics>();
        services.AddAntiforgery(); // the Logout URL's confirmation page posts with a token
        services.AddKeyedSingleton(name, (provider, _) => new TribeSsoCommunity(registration, provider));

        // Transient, so each resolution reads the community's current issuer: one reference read, no allocation, no lock.
        if (name.Length == 0)
        {
            services.TryAddTransient(provider => provider.GetRequiredKeyedService<TribeSsoCommunity>(Options.DefaultName).Issuer);
        }
        else
        {
            services.AddKeyedTransient(name, (provider, key) => provider.GetRequiredKeyedService<TribeSsoCommunity>(key).Issuer);
        }

        return services;
    }
}
