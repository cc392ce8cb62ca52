using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Tribe.Sso.Members;

namespace Tribe.Sso.Cli;

/// <summary>
/// Links the member with an email to an externalId: one search, and one update only when the link differs, so
/// repeating it changes nothing. An email several members hold (in different letter case) is refused, as
/// <see cref="TribeMembersClient.ResolveConflictAsync"/> refuses it. Reasons never contain the email.
/// </summary>
internal static class Relinker
{
    public static async Task<(RelinkOutcome Outcome, string Detail)> RelinkAsync(TribeMembersClient client, string email, string externalId, bool dryRun, CancellationToken cancellationToken)
    {
        try
        {
            TribeSsoUser.Create(externalId, "Placeholder", "placeholder@example.org");
        }
        catch (TribeSsoClaimException)
        {
            return (RelinkOutcome.Refused, "the externalId is not one a sign-in can carry (empty, too long or with control characters)");
        }

        try
        {
            TribeSsoUser.Create("placeholder", "Placeholder", email);
        }
        catch (TribeSsoClaimException)
        {
            return (RelinkOutcome.Refused, "the email is not an address a sign-in can carry");
        }

        // The rule ResolveConflictAsync follows: an email that several members hold, in different letter case, names none of them.
        var found = await client.FindAllByEmailAsync(email, cancellationToken).ConfigureAwait(false);
        if (found.Count == 0)
        {
            return (RelinkOutcome.NotFound, "no member has that email");
        }

        if (found.Count > 1)
        {
            return (RelinkOutcome.Refused, "members " + string.Join(", ", found.Select(m => m.Id)) + " all have that email (in different letter case); none was relinked. Give each its own email in the community first");
        }

        var member = found[0];

        if (member.ExternalId == externalId)
        {
            return (RelinkOutcome.AlreadyLinked, "member " + member.Id + " already has externalId " + externalId);
        }

        if (!member.IsActive)
        {
            return (RelinkOutcome.Refused, "member " + member.Id + " is " + member.Status + "; only active members are relinked");
        }

        var was = string.IsNullOrEmpty(member.ExternalId) ? "none" : member.ExternalId;
        if (dryRun)
        {
            return (RelinkOutcome.Relinked, "member " + member.Id + " would be relinked from externalId " + was + " to " + externalId);
        }

        try
        {
            await client.UpdateAsync(member.Id, new TribeMemberChanges { ExternalId = externalId }, cancellationToken).ConfigureAwait(false);
        }
        catch (TribeMembersNotFoundException)
        {
            return (RelinkOutcome.NotFound, "member " + member.Id + " was deleted before the update");
        }
        catch (TribeMembersValidationException)
        {
            return (RelinkOutcome.Refused, "the community refused externalId " + externalId + " for member " + member.Id + " (another member may hold it)");
        }

        return (RelinkOutcome.Relinked, "member " + member.Id + " relinked from externalId " + was + " to " + externalId);
    }
}
