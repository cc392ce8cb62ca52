using System;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// The convention builder of a <c>MapTribeSsoWebhooks</c> endpoint: everything an endpoint builder takes, plus
/// <see cref="ForCommunity"/>.
/// </summary>
public sealed class TribeSsoWebhooksEndpointConventionBuilder : IEndpointConventionBuilder
{
    private readonly IServiceProvider _services;
    private IEndpointConventionBuilder? _inner;

    internal TribeSsoWebhooksEndpointConventionBuilder(IServiceProvider services) => _services = services;

    /// <summary>Gets the community's name once <see cref="ForCommunity"/> is called; null for the default community.</summary>
    internal string? Community { get; private set; }

    /// <summary>Adds a convention to the endpoint.</summary>
    /// <param name="convention">The convention.</param>
    public void Add(Action<EndpointBuilder> convention) => _inner!.Add(convention);

    /// <summary>Adds a convention that runs after every other convention of the endpoint.</summary>
    /// <param name="finallyConvention">The convention.</param>
    public void Finally(Action<EndpointBuilder> finallyConvention) => _inner!.Finally(finallyConvention);

    /// <summary>
    /// Receives the webhooks of the named community registered with
    /// <see cref="TribeSsoWebhooksServiceCollectionExtensions.AddTribeSsoWebhooks(IServiceCollection, string, Microsoft.Extensions.Configuration.IConfiguration)"/>,
    /// with its signing secret, handlers and delivery log, instead of the default community's.
    /// </summary>
    /// <param name="name">The community's name, as registered.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid community name.</exception>
    /// <exception cref="InvalidOperationException">No community's webhooks have this name, or the endpoint already has a community: checked here, when the endpoint is mapped.</exception>
    public TribeSsoWebhooksEndpointConventionBuilder ForCommunity(string name)
    {
        TribeSsoCommunityRegistration.CheckName(name, nameof(name));
        if (Community is not null)
        {
            throw new InvalidOperationException("This endpoint already receives the webhooks of the community '" + Community + "'. Call ForCommunity once per endpoint.");
        }

        var registrations = _services.GetServices<TribeWebhooksRegistration>().ToList();
        if (!registrations.Any(r => r.Name == name))
        {
            var known = string.Join(", ", registrations.Where(r => r.Name.Length > 0).Select(r => "'" + r.Name + "'"));
            throw new InvalidOperationException(
                "No community named '" + name + "' has webhooks registered (" + (known.Length == 0 ? "no named community has" : "registered: " + known) + "). "
                + "Register them before builder.Build(): builder.Services.AddTribeSsoWebhooks(\"" + name + "\", builder.Configuration.GetSection(\"Communities:" + name + "\")).");
        }

        Community = name;
        _inner!.Add(endpoint => endpoint.DisplayName = "Tribe SSO: community webhooks '" + name + "'");
        return this;
    }

    internal void Attach(IEndpointConventionBuilder inner) => _inner = inner;
}
