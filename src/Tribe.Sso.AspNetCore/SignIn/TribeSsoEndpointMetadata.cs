namespace Tribe.Sso.AspNetCore;

/// <summary>Marks the endpoints that <c>MapTribeSso</c> maps, so an embed can find the partner's SSO endpoint.</summary>
internal sealed class TribeSsoEndpointMetadata
{
    public static readonly TribeSsoEndpointMetadata Instance = new();
}
