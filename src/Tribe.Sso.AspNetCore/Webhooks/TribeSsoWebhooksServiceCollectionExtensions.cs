using System;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Tribe.Sso.AspNetCore;

/// <summary>Registers the receiving side of a community's webhooks.</summary>
/// <remarks>
/// The settings are the <see cref="TribeSsoWebhooksOptions"/> in the <c>Webhooks</c> child of the community's section
/// (<c>TribeSso:Webhooks:SigningSecret</c>), validated when the application starts. The signing secret follows reloads
/// like the SSO key: a new valid secret is used by the next delivery; a reload that breaks a rule keeps the last valid
/// secret, logs one error naming the setting (never its value), and turns the health check
/// (<see cref="TribeSsoHealthChecksBuilderExtensions.AddTribeSsoWebhooks"/>) unhealthy. Map the endpoint with
/// <see cref="TribeSsoWebhooksEndpointRouteBuilderExtensions.MapTribeSsoWebhooks"/>.
/// </remarks>
public static class TribeSsoWebhooksServiceCollectionExtensions
{
    /// <summary>The child of a community's section that holds its webhook settings.</summary>
    public const string SectionName = "Webhooks";

    /// <summary>
    /// Registers the default community's webhooks: binds <see cref="TribeSsoWebhooksOptions"/> to the <c>Webhooks</c>
    /// child of <paramref name="communitySection"/> (usually <c>configuration.GetSection("TribeSso")</c>) and validates them
    /// when the application starts.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="communitySection">The community's section; messages name its keys, such as <c>TribeSso:Webhooks:SigningSecret</c>.</param>
    /// <returns>A builder that adds handlers (<see cref="TribeSsoWebhooksBuilder.AddHandler{THandler}"/>).</returns>
    /// <exception cref="InvalidOperationException">The default community's webhooks are already registered.</exception>
    public static TribeSsoWebhooksBuilder AddTribeSsoWebhooks(this IServiceCollection services, IConfiguration communitySection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(communitySection);
        return AddWebhooks(services, Options.DefaultName, communitySection, TribeSsoCommunityOptions.DefaultSectionName);
    }

    /// <summary>
    /// Registers a named community's webhooks, bound to the <c>Webhooks</c> child of <paramref name="communitySection"/>
    /// (such as <c>configuration.GetSection("Communities:acme")</c>). Map its endpoint with
    /// <c>app.MapTribeSsoWebhooks("/acme/webhooks").ForCommunity("acme")</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The community's name: ASCII letters, digits, '-', '_' or '.', at most 64 characters.</param>
    /// <param name="communitySection">The community's section; messages name its keys, such as <c>Communities:acme:Webhooks:SigningSecret</c>.</param>
    /// <returns>A builder that adds handlers.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or has other characters.</exception>
    /// <exception cref="InvalidOperationException">This community's webhooks are already registered.</exception>
    public static TribeSsoWebhooksBuilder AddTribeSsoWebhooks(this IServiceCollection services, string name, IConfiguration communitySection)
    {
        ArgumentNullException.ThrowIfNull(services);
        TribeSsoCommunityRegistration.CheckName(name, nameof(name));
        ArgumentNullException.ThrowIfNull(communitySection);
        return AddWebhooks(services, name, communitySection, name);
    }

    private static TribeSsoWebhooksBuilder AddWebhooks(IServiceCollection services, string name, IConfiguration communitySection, string fallbackPath)
    {
        if (services.Any(d => !d.IsKeyedService && d.ImplementationInstance is TribeWebhooksRegistration r && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new InvalidOperationException(name.Length == 0
                ? "The default community's webhooks are already registered. Call AddTribeSsoWebhooks(section) once, and AddTribeSsoWebhooks(name, section) for each other community."
                : "Webhooks of the community '" + name + "' are already registered (names are compared ignoring case). Call AddTribeSsoWebhooks(name, section) once per community.");
        }

        var section = communitySection.GetSection(SectionName);
        var settingsPath = (communitySection is IConfigurationSection s ? s.Path : fallbackPath) + ":" + SectionName;
        var registration = new TribeWebhooksRegistration(name, settingsPath);
        services.AddSingleton(registration);
        TribeWebhooksBinding.Bind(services, name, section);
        services.AddOptions<TribeSsoWebhooksOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TribeSsoWebhooksOptions>, TribeWebhooksOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<WebhookMetrics>();
        services.TryAddSingleton(provider => new InMemoryTribeWebhookDeliveryLog(provider.GetRequiredService<TimeProvider>()));
        services.AddKeyedSingleton(name, (provider, _) => new TribeWebhooksCommunity(registration, provider));
        return new TribeSsoWebhooksBuilder(services, registration, section);
    }
}
