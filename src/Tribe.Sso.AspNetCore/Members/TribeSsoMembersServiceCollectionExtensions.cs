using System;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore;

/// <summary>Registers a community's <see cref="TribeMembersClient"/> beside its issuer.</summary>
/// <remarks>
/// The settings are the <see cref="TribeMembersClientOptions"/> in the <c>Members</c> child of the community's section
/// (<c>TribeSso:Members:ClientId</c>, <c>Communities:acme:Members:ClientSecret</c>), validated when the application
/// starts. Like the SSO key, <c>ClientSecret</c> is read through configuration, so a secret store or user-secrets can
/// hold it, and the client follows reloads: after a rotation the next client resolved uses the new secret; a reload that
/// breaks a rule keeps the last valid client and logs one error naming the setting, never its value. Resolve the client
/// where you use it (it is transient and costs one reference read); it sends through the named
/// <see cref="System.Net.Http.HttpClient"/> <see cref="HttpClientNameFor"/> of <c>IHttpClientFactory</c>, which
/// <c>services.AddHttpClient(name)</c> can configure (the client retries by itself: add no retry handler). Its primary
/// handler follows no redirect; a primary handler you set instead should not either.
/// </remarks>
public static class TribeSsoMembersServiceCollectionExtensions
{
    /// <summary>The child of a community's section that holds its members client's settings.</summary>
    public const string SectionName = "Members";

    /// <summary>The name of the default community's HttpClient in <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "Tribe.Sso.Members";

    /// <summary>
    /// Registers the default community's members client: binds <see cref="TribeMembersClientOptions"/> to the
    /// <c>Members</c> child of <paramref name="communitySection"/> (the section given to <c>AddTribeSso</c>, usually
    /// <c>configuration.GetSection("TribeSso")</c>), validates them when the application starts, and registers
    /// <see cref="TribeMembersClient"/> and, if absent, <see cref="TimeProvider.System"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="communitySection">The community's section; messages name its keys, such as <c>TribeSso:Members:ClientSecret</c>.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The default community's members client is already registered.</exception>
    public static IServiceCollection AddTribeSsoMembers(this IServiceCollection services, IConfiguration communitySection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(communitySection);
        return AddMembers(services, Options.DefaultName, communitySection, TribeSsoCommunityOptions.DefaultSectionName);
    }

    /// <summary>
    /// Registers a named community's members client: binds the <see cref="TribeMembersClientOptions"/> named
    /// <paramref name="name"/> to the <c>Members</c> child of <paramref name="communitySection"/> (the section given to
    /// <c>AddTribeSso(name, section)</c>, such as <c>configuration.GetSection("Communities:acme")</c>), validates them when
    /// the application starts, and registers the keyed service <see cref="TribeMembersClient"/> with key
    /// <paramref name="name"/> (<c>[FromKeyedServices("acme")] TribeMembersClient members</c>).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="name">The community's name, as given to <c>AddTribeSso</c>.</param>
    /// <param name="communitySection">The community's section; messages name its keys, such as <c>Communities:acme:Members:ClientSecret</c>.</param>
    /// <returns>The services, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is blank or has other characters.</exception>
    /// <exception cref="InvalidOperationException">A members client with this name is already registered.</exception>
    public static IServiceCollection AddTribeSsoMembers(this IServiceCollection services, string name, IConfiguration communitySection)
    {
        ArgumentNullException.ThrowIfNull(services);
        TribeSsoCommunityRegistration.CheckName(name, nameof(name));
        ArgumentNullException.ThrowIfNull(communitySection);
        return AddMembers(services, name, communitySection, name);
    }

    /// <summary>The name of a community's HttpClient in <c>IHttpClientFactory</c>: <see cref="HttpClientName"/>, or <c>Tribe.Sso.Members:acme</c>.</summary>
    /// <param name="community">The community's name; null or empty for the default community.</param>
    /// <returns>The HttpClient's name.</returns>
    public static string HttpClientNameFor(string? community)
        => string.IsNullOrEmpty(community) ? HttpClientName : HttpClientName + ":" + community;

    private static void NoRedirects(System.Net.Http.HttpMessageHandler handler)
    {
        switch (handler)
        {
            case System.Net.Http.SocketsHttpHandler sockets:
                sockets.AllowAutoRedirect = false;
                break;
            case System.Net.Http.HttpClientHandler client:
                client.AllowAutoRedirect = false;
                break;
        }
    }

    private static IServiceCollection AddMembers(IServiceCollection services, string name, IConfiguration communitySection, string fallbackPath)
    {
        if (services.Any(d => !d.IsKeyedService && d.ImplementationInstance is TribeMembersRegistration r && r.Name == name))
        {
            throw new InvalidOperationException(name.Length == 0
                ? "The default Tribe SSO community's members client is already registered. Call AddTribeSsoMembers(section) once, and AddTribeSsoMembers(name, section) for each other community."
                : "A members client for the Tribe SSO community '" + name + "' is already registered. Call AddTribeSsoMembers(name, section) once per community.");
        }

        var section = communitySection.GetSection(SectionName);
        var settingsPath = (communitySection is IConfigurationSection s ? s.Path : fallbackPath) + ":" + SectionName;
        var registration = new TribeMembersRegistration(name, settingsPath);
        services.AddSingleton(registration);
        TribeMembersBinding.Bind(services, name, section, settingsPath);
        services.AddOptions<TribeMembersClientOptions>(name).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TribeMembersClientOptions>, TribeMembersOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        // The members client lives long (it caches the app token), so it keeps its HttpClient and the factory's handler
        // rotation never reaches it. The factory's default primary handler (SocketsHttpHandler, its PooledConnectionLifetime
        // set to the HandlerLifetime) recycles connections instead, so a DNS change of the API host is still seen.
        // Redirects are not followed, whatever primary handler the factory builds: one would carry the credentials and the
        // member's data to wherever the answer points (the members client refuses a 3xx as an error naming ApiUrl). Added
        // in a post-configuration, so it runs after an application's own ConfigurePrimaryHttpMessageHandler, whichever
        // call comes first: a handler built there replaces the primary handler, and an earlier setting would be lost.
        services.AddHttpClient(registration.HttpClientName);
        services.PostConfigure<HttpClientFactoryOptions>(registration.HttpClientName, static options => options.HttpMessageHandlerBuilderActions.Add(static builder => NoRedirects(builder.PrimaryHandler)));
        services.AddKeyedSingleton(name, (provider, _) => new TribeMembersCommunity(registration, provider));

        // Transient, so each resolution reads the community's current client: one reference read, no lock.
        if (name.Length == 0)
        {
            services.TryAddTransient(provider => provider.GetRequiredKeyedService<TribeMembersCommunity>(Options.DefaultName).Client);
        }
        else
        {
            services.AddKeyedTransient(name, (provider, key) => provider.GetRequiredKeyedService<TribeMembersCommunity>(key).Client);
        }

        return services;
    }
}
