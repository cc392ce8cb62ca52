namespace Tribe.Sso.Members;

/// <summary>What an event is about (<c>data.target</c>): the network, and the member or space where the event has one.</summary>
public sealed class TribeWebhookTarget
{
    internal TribeWebhookTarget(string? networkId, string? memberId, string? spaceId)
    {
        NetworkId = networkId;
        MemberId = memberId;
        SpaceId = spaceId;
    }

    /// <summary>The community's network id, or null.</summary>
    public string? NetworkId { get; }

    /// <summary>The member the event is about, or null.</summary>
    public string? MemberId { get; }

    /// <summary>The space the event is about, or null.</summary>
    public string? SpaceId { get; }

    /// <summary>Describes the target by its ids.</summary>
    /// <returns>For example <c>TribeWebhookTarget { NetworkId = n1, MemberId = m1, SpaceId = null }</c>.</returns>
    public override string ToString()
        => "TribeWebhookTarget { NetworkId = " + (NetworkId ?? "null") + ", MemberId = " + (MemberId ?? "null") + ", SpaceId = " + (SpaceId ?? "null") + " }";
}
