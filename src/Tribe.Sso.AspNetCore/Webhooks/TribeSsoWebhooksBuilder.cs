using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Tribe.Sso.AspNetCore;

/// <summary>Configures one community's webhooks: its handlers and its delivery log. Returned by <c>AddTribeSsoWebhooks</c>.</summary>
public sealed class TribeSsoWebhooksBuilder
{
    private readonly TribeWebhooksRegistration _registration;

    internal TribeSsoWebhooksBuilder(IServiceCollection services, TribeWebhooksRegistration registration, IConfiguration section)
    {
        Services = services;
        _registration = registration;
        Configuration = section;
    }

    /// <summary>Gets the application's services.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Gets the community's name; empty for the default community.</summary>
    public string Name => _registration.Name;

    /// <summary>Gets the community's webhook settings section (<c>TribeSso:Webhooks</c>), where a delivery log's package reads its own settings.</summary>
    public IConfiguration Configuration { get; }

    /// <summary>Gets the configuration path of that section, such as <c>TribeSso:Webhooks</c>, for messages that name a setting.</summary>
    public string SettingsPath => _registration.SettingsPath;

    /// <summary>
    /// Adds a handler of the community's events. It is registered as a scoped service (unless already registered) and
    /// resolved from the request's scope for each delivery. Several handlers run in the order added; if one throws, the
    /// delivery is answered <c>500</c> and the community's retry runs them all again.
    /// </summary>
    /// <typeparam name="THandler">The handler: a <see cref="TribeWebhookHandler"/>.</typeparam>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The handler is already added to this community.</exception>
    public TribeSsoWebhooksBuilder AddHandler<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>()
        where THandler : TribeWebhookHandler
    {
        if (_registration.Handlers.Contains(typeof(THandler)))
        {
            throw new InvalidOperationException(typeof(THandler).Name + " is already a handler of " + _registration.DisplayName.ToLowerInvariant() + ". Add each handler once.");
        }

        Services.TryAddScoped<THandler>();
        _registration.Handlers.Add(typeof(THandler));
        return this;
    }

    /// <summary>
    /// Replaces the in-memory delivery log with another, such as one on Redis that several instances share. Packages
    /// that provide a log call this (<c>UseRedisDeliveryLog</c>); the factory runs once, when the community is first used.
    /// </summary>
    /// <param name="factory">Creates the log from the application's services.</param>
    /// <returns>This builder, for chaining.</returns>
    public TribeSsoWebhooksBuilder UseDeliveryLog(Func<IServiceProvider, ITribeWebhookDeliveryLog> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _registration.DeliveryLog = factory;
        return this;
    }
}
