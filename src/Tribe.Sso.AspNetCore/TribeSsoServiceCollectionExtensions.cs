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
    /// Binds <see cref="TribeSsoCommunityOptions"/> to <paramref name="section"/> (usually <c>configuration.GetSection("TribeSso")</c>),
    /// validates them when the application starts, and registers a singleton <see cref="TribeSsoIssuer"/> and, if absent,
    /// <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="section">The configuration section; messages name its keys, such as <c>TribeSso:PrivateKey</c>.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddTribeSso(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);
        var prefix = section is IConfigurationSection s ? s.Path : TribeSsoCommunityOptions.DefaultSectionName;
        services.AddOptions<TribeSsoCommunityOptions>().Bind(section);
        return AddCore(services, prefix);
    }

    /// <summary>
    /// Configures <see cref="TribeSsoCommunityOptions"/> in code, validates them when the application starts, and registers a
    /// singleton <see cref="TribeSsoIssuer"/> and, if absent, <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Sets the settings.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddTribeSso(this IServiceCollection services, Action<TribeSsoCommunityOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<TribeSsoCommunityOptions>().Configure(configure);
        return AddCore(services, nameof(TribeSsoCommunityOptions));
    }

    private static IServiceCollection AddCore(IServiceCollection services, string prefix)
    {
        services.AddOptions<TribeSsoCommunityOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TribeSsoCommunityOptions>>(new TribeSsoCommunityOptionsValidator(prefix)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new TribeSsoIssuer(
            provider.GetRequiredService<IOptions<TribeSsoCommunityOptions>>().Value.ToOptions(),
            provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
