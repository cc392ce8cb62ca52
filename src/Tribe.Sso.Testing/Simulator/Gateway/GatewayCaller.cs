namespace Tribe.Sso.Testing;

/// <summary>Who an access token speaks for: the app's bot (an admin) or the member it impersonates.</summary>
internal sealed class GatewayCaller
{
    public GatewayCaller(string? memberId) => MemberId = memberId;

    /// <summary>Gets the impersonated member's id, or null for the bot.</summary>
    public string? MemberId { get; }

    /// <summary>Gets a value indicating whether the caller is the app's bot, which can do what an admin can.</summary>
    public bool IsBot => MemberId is null;
}
