using System;
using System.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// The convention builder of a <c>MapTribeSso</c> endpoint: everything an endpoint builder takes
/// (<c>RequireAuthorization</c>, <c>WithName</c>, …), plus <see cref="ForCommunity"/>.
/// </summary>
public sealed class TribeSsoEndpointConventionBuilder : IEndpointConventionBuilder
{
    private readonly IEndpointConventionBuilder _inner;
    private readonly IServiceProvider _services;
    private readonly string _displayName;
    private string? _community;

    internal TribeSsoEndpointConventionBuilder(IEndpointConventionBuilder inner, IServiceProvider services, string displayName = "Tribe SSO: go to community")
    {
        _inner = inner;
        _services = services;
        _displayName = displayName;
    }

    /// <summary>Adds a convention to the endpoint.</summary>
    /// <param name="convention">The convention.</param>
    public void Add(Action<EndpointBuilder> convention) => _inner.Add(convention);

    /// <summary>Adds a convention that runs after every other convention of the endpoint.</summary>
    /// <param name="finallyConvention">The convention.</param>
    public void Finally(Action<EndpointBuilder> finallyConvention) => _inner.Finally(finallyConvention);

    /// <summary>
    /// Sends the endpoint's users to the named community registered with
    /// <see cref="TribeSsoServiceCollectionExtensions.AddTribeSso(Microsoft.Extensions.DependencyInjection.IServiceCollection, string, Microsoft.Extensions.Configuration.IConfiguration)"/>,
    /// instead of the default community. Each request signs with that community's current issuer.
    /// </summary>
    /// <param name="name">The community's name, as registered.</param>
    /// <returns>This builder, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid community name.</exception>
    /// <exception cref="InvalidOperationException">No community has this name, or the endpoint already has a community: checked here, when the endpoint is mapped.</exception>
    public TribeSsoEndpointConventionBuilder ForCommunity(string name)
    {
        TribeSsoCommunityRegistration.CheckName(name, nameof(name));
        if (_community is not null)
        {
            throw new InvalidOperationException("This endpoint already sends its users to the community '" + _community + "'. Call ForCommunity once per endpoint.");
        }

        var isKeyed = _services.GetService<IServiceProviderIsKeyedService>();
        if (isKeyed is not null && !isKeyed.IsKeyedService(typeof(TribeSsoIssuer), name))
        {
            var known = string.Join(", ", _services.GetServices<TribeSsoCommunityRegistration>().Where(r => r.Name.Length > 0).Select(r => "'" + r.Name + "'"));
            throw new InvalidOperationException(
                "No Tribe SSO community named '" + name + "' is registered (" + (known.Length == 0 ? "no named community is" : "registered: " + known) + "). "
                + "Register it before builder.Build(): builder.Services.AddTribeSso(\"" + name + "\", builder.Configuration.GetSection(\"Communities:" + name + "\")).");
        }

        _community = name;
        var metadata = new TribeSsoCommunityMetadata(name);
        _inner.Add(endpoint =>
        {
            endpoint.Metadata.Add(metadata);
            endpoint.DisplayName = _displayName + " '" + name + "'";
        });
        return this;
    }
}
