namespace Tribe.Sso.Testing;

/// <summary>The names and limits a host of the simulated community needs to know.</summary>
public sealed partial class TribeCommunitySimulator
{
    /// <summary>The name of the community's session cookie: <c>tribe_sim_session</c>.</summary>
    public const string SessionCookieName = "tribe_sim_session";

    /// <summary>The longest request body the community reads: 256 KiB. A host bounds bodies to it, as <c>tribe-sso community</c> does.</summary>
    public const int MaxRequestBodyLength = 256 * 1024;
}
