using System.Collections.Generic;

namespace Tribe.Sso.Testing;

/// <summary>
/// <c>updateMember(id, input)</c>: changes what the input gives, with the rules a sign-in applies (an email, name,
/// externalId, locale or tagline the SDK would not put in a token is refused) and the community's uniqueness: an email
/// or externalId another member holds is refused with code 100. Without <c>id</c>, an impersonated member changes
/// themselves; a member may change only themselves, and only the bot changes roles.
/// </summary>
internal static class GatewayMemberUpdate
{
    public static GatewayObject Update(GatewayContext context, Dictionary<string, object?> arguments)
    {
        var caller = context.Caller();
        var id = GatewayResolvers.Text(arguments, "id") ?? caller.MemberId
            ?? throw new GatewayException(GatewayCodes.Validation, "updateMember needs an id with the app's bot token: the bot is not a member.");
        if (!caller.IsBot && id != caller.MemberId)
        {
            throw new GatewayException(GatewayCodes.Permission, "Permission denied: a member's token changes only that member; use the app's bot token.");
        }

        var input = (Dictionary<string, object?>)arguments["input"]!;
        var changes = Changes(input, caller);
        var outcome = context.Community.Change(id, changes, out var before, out var changed);
        if (outcome == MemberChangeOutcome.Changed)
        {
            context.Raise(WebhookEvents.Updated(before!, changed!, context.Actor(caller), context.Clock.GetUtcNow()));
        }

        return outcome switch
        {
            MemberChangeOutcome.Changed => context.ToObject(changed!),
            MemberChangeOutcome.EmailTaken => throw new GatewayException(GatewayCodes.Validation, "Another member has this email: change or delete that member first."),
            MemberChangeOutcome.ExternalIdTaken => throw new GatewayException(GatewayCodes.Validation, "Another member has this externalId: change or delete that member first."),
            _ => throw GatewayContext.MemberNotFound(), // the one atomic change finds the member, so none is deleted between a look-up and it
        };
    }

    private static MemberChanges Changes(Dictionary<string, object?> input, GatewayCaller caller)
    {
        string? Given(string name) => input.TryGetValue(name, out var value) ? value as string : null;
        var setsExternalId = input.ContainsKey("externalId");
        var externalId = Given("externalId");
        var email = Given("email");
        var name = Given("name") ?? Given("displayName");
        var locale = Given("locale");
        var tagline = Given("tagline");
        TribeRole? role = null;
        if (Given("roleId") is { } roleId)
        {
            role = GatewayMembers.Role(roleId) ?? throw new GatewayException(GatewayCodes.Validation, "roleId must be one of the community's roles: " + GatewayMembers.RoleId(TribeRole.Admin) + ", " + GatewayMembers.RoleId(TribeRole.Moderator) + " or " + GatewayMembers.RoleId(TribeRole.Member) + ".");
            if (!caller.IsBot)
            {
                throw new GatewayException(GatewayCodes.Permission, "Permission denied: only the app's bot token changes roles.");
            }
        }

        try
        {
            // The SDK's claim rules, through its builder, for the values given (stand-ins fill the others): the message
            // names the claim and the rule, never the value.
            _ = UserClaims.Build(
                externalId ?? "42",
                name ?? "Jane",
                email ?? "jane@example.com",
                role: null,
                picture: null,
                claim => claim switch { ClaimNames.Locale => locale, ClaimNames.Tagline => tagline, _ => null },
                groups: null,
                groupsOperation: null);
        }
        catch (TribeSsoClaimException e)
        {
            throw new GatewayException(GatewayCodes.Validation, e.Message);
        }

        return new MemberChanges { SetsExternalId = setsExternalId, ExternalId = externalId, Email = email, Name = name, Locale = locale, Tagline = tagline, Role = role };
    }
}
