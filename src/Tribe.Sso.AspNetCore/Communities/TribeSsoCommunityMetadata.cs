namespace Tribe.Sso.AspNetCore;

/// <summary>Endpoint metadata added by <see cref="TribeSsoEndpointConventionBuilder.ForCommunity"/>: the community an endpoint sends its users to.</summary>
internal sealed class TribeSsoCommunityMetadata(string name)
{
    public string Name { get; } = name;
}
