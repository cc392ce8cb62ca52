using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Tribe.Sso.Testing;

/// <summary>
/// The root fields: <c>limitedToken</c> (HTTP Basic with the app's client id and secret), <c>member</c>,
/// <c>members</c>, <c>updateMember</c> and <c>deleteMember</c> (a Bearer access token), each refusing with the
/// community's codes.
/// </summary>
internal static class GatewayResolvers
{
    public static GatewayObject Resolve(GatewayContext context, string field, Dictionary<string, object?> arguments) => field switch
    {
        "limitedToken" => LimitedToken(context, arguments),
        "member" => Member(context, arguments),
        "members" => GatewayMemberList.List(context, arguments),
        "updateMember" => GatewayMemberUpdate.Update(context, arguments),
        _ => Delete(context, arguments), // deleteMember: the validator lets no other root field through
    };

    /// <summary>A string argument, or null when absent or null.</summary>
    public static string? Text(Dictionary<string, object?> arguments, string name) => arguments.TryGetValue(name, out var value) ? value as string : null;

    private static GatewayObject LimitedToken(GatewayContext context, Dictionary<string, object?> arguments)
    {
        var options = context.Options;
        if (options.ApiClientId is not { } clientId || options.ApiClientSecret is not { } secret)
        {
            throw new GatewayException(GatewayCodes.InvalidAccessToken, "No app is installed on this simulated community: give it an API client id and secret (tribe-sso community --api-client-id ID with TRIBE_API_CLIENT_SECRET set).");
        }

        if (!BasicCredentialsMatch(context.Authorization, clientId, secret))
        {
            throw new GatewayException(GatewayCodes.InvalidAccessToken, "Invalid app credentials: limitedToken takes HTTP Basic authentication with the app's client id and client secret.");
        }

        if (Text(arguments, "networkId") != options.NetworkId)
        {
            throw new GatewayException(GatewayCodes.Permission, "The app is not installed on this network: the simulated community's network id is " + options.NetworkId + ".");
        }

        if (Text(arguments, "context") != "NETWORK" || Text(arguments, "entityId") != options.NetworkId)
        {
            throw new GatewayException(GatewayCodes.Validation, "The simulated community issues network tokens only: context NETWORK with entityId the network id.");
        }

        var impersonated = Text(arguments, "impersonateMemberId") is { } memberId ? context.Member(memberId) : null;
        var now = context.Clock.GetUtcNow();
        var token = context.Tokens.Issue(options.NetworkId, impersonated?.Id, impersonated?.Role ?? TribeRole.Admin, now, options.ApiTokenLifetime);
        return new GatewayObject("AppToken", new Dictionary<string, object?> { ["accessToken"] = token, ["gatewayUrl"] = null });
    }

    private static GatewayObject Member(GatewayContext context, Dictionary<string, object?> arguments)
    {
        var caller = context.Caller();
        TribeCommunityMember? member;
        if (Text(arguments, "id") is { } id)
        {
            member = context.Community.FindById(id);
        }
        else if (Text(arguments, "externalId") is { } externalId)
        {
            member = context.Community.FindByExternalId(externalId);
        }
        else if (Text(arguments, "username") is { } username)
        {
            member = context.Community.Members.FirstOrDefault(m => GatewayMembers.Username(m) == username);
        }
        else
        {
            member = caller.MemberId is { } self ? context.Community.FindById(self) : null;
        }

        return context.ToObject(member ?? throw new GatewayException(GatewayCodes.NotFound, "Member not found."));
    }

    private static GatewayObject Delete(GatewayContext context, Dictionary<string, object?> arguments)
    {
        var caller = context.Caller();
        if (!caller.IsBot)
        {
            throw new GatewayException(GatewayCodes.Permission, "Permission denied: deleting a member needs the app's bot token (limitedToken without impersonateMemberId).");
        }

        // One atomic removal both finds and removes the member: of two requests deleting them, one wins, the other gets 110.
        var deleted = context.Community.Remove(Text(arguments, "id")!) ?? throw GatewayContext.MemberNotFound();
        context.Raise(WebhookEvents.Deleted(deleted, context.Actor(caller), context.Clock.GetUtcNow()));
        return new GatewayObject("Action", new Dictionary<string, object?> { ["status"] = "succeeded" });
    }

    private static bool BasicCredentialsMatch(string? authorization, string clientId, TribeApiClientSecret secret)
    {
        const string Basic = "Basic ";
        if (authorization is null || !authorization.StartsWith(Basic, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] credentials;
        try
        {
            credentials = Convert.FromBase64String(authorization.Substring(Basic.Length).Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = Array.IndexOf(credentials, (byte)':');
        if (colon < 0)
        {
            return false;
        }

        var idMatches = Encoding.UTF8.GetBytes(clientId).AsSpan().SequenceEqual(credentials.AsSpan(0, colon));
        var secretMatches = secret.Matches(credentials.AsSpan(colon + 1));
        return idMatches & secretMatches;
    }
}
