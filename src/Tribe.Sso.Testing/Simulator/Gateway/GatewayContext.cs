using System;

namespace Tribe.Sso.Testing;

/// <summary>What one gateway request runs against: the simulator's members and settings, its tokens and clock, and the request's credentials.</summary>
internal sealed class GatewayContext
{
    public GatewayContext(TribeCommunitySimulator simulator, GatewayTokens tokens, TimeProvider clock, string? authorization)
    {
        Community = simulator.Community;
        Webhooks = simulator.Webhooks;
        Options = simulator.Options;
        Tokens = tokens;
        Clock = clock;
        Authorization = authorization;
    }

    public InMemoryTribeCommunity Community { get; }

    public TribeCommunitySimulatorOptions Options { get; }

    /// <summary>Gets the community app's webhook, or null when the simulator has none.</summary>
    public SimulatorWebhooks? Webhooks { get; }

    public GatewayTokens Tokens { get; }

    public TimeProvider Clock { get; }

    /// <summary>Gets the request's <c>Authorization</c> header, or null. Never written anywhere.</summary>
    public string? Authorization { get; }

    /// <summary>The caller of a call that needs an access token (<c>Authorization: Bearer …</c>).</summary>
    /// <exception cref="GatewayException">No token, or one this simulator did not sign, for another network, or past its <c>exp</c> (108).</exception>
    public GatewayCaller Caller()
    {
        const string Bearer = "Bearer ";
        var header = Authorization;
        if (header is null || !header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
        {
            throw new GatewayException(GatewayCodes.InvalidAccessToken, "Invalid access token: send Authorization: Bearer with the accessToken limitedToken gives.");
        }

        return Tokens.Read(header.Substring(Bearer.Length).Trim(), Options.NetworkId, Clock.GetUtcNow())
            ?? throw new GatewayException(GatewayCodes.InvalidAccessToken, "Invalid access token: it was not issued by this community, is for another network, or has expired; get a new one with limitedToken.");
    }

    /// <summary>The member a call names, as the bot may see any member.</summary>
    /// <exception cref="GatewayException">No member has the id (110).</exception>
    public TribeCommunityMember Member(string id) => Community.FindById(id) ?? throw MemberNotFound();

    /// <summary>The refusal for an id no member has (110).</summary>
    public static GatewayException MemberNotFound() => new(GatewayCodes.NotFound, "Member not found: no member has this id.");

    /// <summary>Who a webhook names as having made a change: the impersonated member, or the app's bot (an admin) by its client id.</summary>
    public WebhookActor Actor(GatewayCaller caller)
        => caller.MemberId is { } id && Community.FindById(id) is { } member ? WebhookActor.Of(member) : new WebhookActor(Options.ApiClientId ?? "app", TribeRole.Admin);

    /// <summary>Tells the community app's webhook, if there is one: queued, never waited for.</summary>
    public void Raise(WebhookEvent e) => Webhooks?.Send(new[] { e });

    public GatewayObject ToObject(TribeCommunityMember member) => GatewayMembers.ToObject(member, Options.NetworkId, Options.BasePath ?? string.Empty);
}
