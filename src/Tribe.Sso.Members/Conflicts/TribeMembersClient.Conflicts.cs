using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.Members;

/// <content>The SSO conflict's fix, built on the client's finds and update.</content>
public sealed partial class TribeMembersClient
{
    /// <summary>
    /// Fixes the conflict the community answers a sign-in with when the member holding the user's email is linked to
    /// another <c>externalId</c>: that member is relinked to <paramref name="user"/>'s id, so the user's next sign-in
    /// succeeds. Changes nothing when a member already holds the user's id, and refuses when no member, several members
    /// or an inactive member holds the email.
    /// </summary>
    /// <param name="user">The user whose sign-in met the conflict.</param>
    /// <param name="cancellationToken">Cancels the call, retries included.</param>
    /// <returns>What was found and done.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="user"/> is null.</exception>
    /// <exception cref="TribeMembersException">The community refused a request or could not be reached; the type says why.</exception>
    public async Task<TribeConflictResolution> ResolveConflictAsync(TribeSsoUser user, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(user, nameof(user));
        var linked = await FindByExternalIdAsync(user.Id, cancellationToken).ConfigureAwait(false);
        if (linked is not null)
        {
            return new TribeConflictResolution(TribeConflictOutcome.NothingToDo, TribeConflictReason.AlreadyLinked, user.Id, new[] { linked.Id });
        }

        var matches = await FindAllByEmailAsync(user.Email, cancellationToken).ConfigureAwait(false);
        if (matches.Count == 0)
        {
            return TribeConflictResolution.Refused(TribeConflictReason.NoMemberWithEmail, user.Id, Array.Empty<string>());
        }

        if (matches.Count > 1)
        {
            return TribeConflictResolution.Refused(TribeConflictReason.AmbiguousEmail, user.Id, matches.Select(m => m.Id));
        }

        var member = matches[0];
        if (!member.IsActive)
        {
            return TribeConflictResolution.Refused(TribeConflictReason.MemberNotActive, user.Id, new[] { member.Id }, member.Status);
        }

        if (string.IsNullOrEmpty(member.ExternalId))
        {
            return new TribeConflictResolution(TribeConflictOutcome.NothingToDo, TribeConflictReason.NotLinkedYet, user.Id, new[] { member.Id });
        }

        await UpdateAsync(member.Id, new TribeMemberChanges { ExternalId = user.Id }, cancellationToken).ConfigureAwait(false);
        return new TribeConflictResolution(TribeConflictOutcome.Relinked, TribeConflictReason.LinkedToAnotherId, user.Id, new[] { member.Id }, member.ExternalId);
    }
}
