using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Tribe.Sso.AspNetCore;

/// <summary>Endpoint metadata added by <see cref="TribeSsoEndpointConventionBuilder.ForCommunity"/>: the community an endpoint sends its users to.</summary>
internal sealed class TribeSsoCommunityMetadata(string name)
{
    public string Name { get; } = name;

    /// <summary>
    /// The current issuer of the request's endpoint's community: the keyed <see cref="TribeSsoIssuer"/> of a named
    /// community, the plain service otherwise. Metadata lookups are cached per endpoint and the issuer is one reference
    /// read, so this allocates nothing and takes no lock.
    /// </summary>
    public static TribeSsoIssuer IssuerFor(HttpContext context)
        => context.GetEndpoint()?.Metadata.GetMetadata<TribeSsoCommunityMetadata>() is { } community
            ? context.RequestServices.GetRequiredKeyedService<TribeSsoIssuer>(community.Name)
            : context.RequestServices.GetRequiredService<TribeSsoIssuer>();
}
