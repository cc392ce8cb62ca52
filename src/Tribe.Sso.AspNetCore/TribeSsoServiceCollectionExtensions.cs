using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Tribe.Sso.AspNetCore;

/// <summary>Registers Tribe SSO in an application's services.</summary>
public static class TribeSsoServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="TribeSsoSettings"/> to <paramref name="section"/> (usually <c>configuration.GetSection("TribeSso")</c>),
    /// validates them when the application starts, and registers a singleton <see cref="TribeSsoIssuer"/> and, if absent,
    /// <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The configuration section; messages name its keys, such as <c>TribeSso:PrivateKey</c>.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddTribeSso(this IServiceCollection services, IConfiguration section)
    {
        Guard.NotNull(services, nameof(services));
        Guard.NotNull(section, nameof(section));
        var prefix = section is IConfigurationSection s ? s.Path : TribeSsoSettings.DefaultSectionName;
        services.AddOptions<TribeSsoSettings>().Bind(section);
        return AddCore(services, prefix);
    }

    /// <summary>
    /// Configures <see cref="TribeSsoSettings"/> in code, validates them when the application starts, and registers a
    /// singleton <see cref="TribeSsoIssuer"/> and, if absent, <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the settings.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddTribeSso(this IServiceCollection services, Action<TribeSsoSettings> configure)
    {
        Guard.NotNull(services, nameof(services));
        Guard.NotNull(configure, nameof(configure));
        services.AddOptions<TribeSsoSettings>().Configure(configure);
        return AddCore(services, nameof(TribeSsoSettings));
    }

    private static IServiceCollection AddCore(IServiceCollection services, string prefix)
    {
        services.AddOptions<TribeSsoSettings>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TribeSsoSettings>>(new TribeSsoSettingsValidator(prefix)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new TribeSsoIssuer(
            provider.GetRequiredService<IOptions<TribeSsoSettings>>().Value.ToOptions(),
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
