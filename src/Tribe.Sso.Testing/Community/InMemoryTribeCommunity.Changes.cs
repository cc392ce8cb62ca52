using System;
using System.Linq;

namespace Tribe.Sso.Testing;

/// <content>
/// Changes made through the community's API rather than by a sign-in, with the same uniqueness rules: an email (ignoring
/// case) and an externalId belong to one member at most.
/// </content>
public sealed partial class InMemoryTribeCommunity
{
    /// <summary>Finds the member with the community's own id.</summary>
    internal TribeCommunityMember? FindById(string id)
    {
        lock (_gate)
        {
            return FindStoredById(id)?.Snapshot();
        }
    }

    /// <summary>Applies <paramref name="changes"/> to one member, all or nothing; gives the member before and after.</summary>
    internal MemberChangeOutcome Change(string id, MemberChanges changes, out TribeCommunityMember? before, out TribeCommunityMember? changed)
    {
        (before, changed) = (null, null);
        lock (_gate)
        {
            if (FindStoredById(id) is not { } member)
            {
                return MemberChangeOutcome.NotFound;
            }

            if (changes.Email is { } email && FindStoredByEmail(email) is { } byEmail && byEmail != member)
            {
                return MemberChangeOutcome.EmailTaken;
            }

            if (changes.SetsExternalId && changes.ExternalId is { } externalId && FindStoredByExternalId(externalId) is { } byExternalId && byExternalId != member)
            {
                return MemberChangeOutcome.ExternalIdTaken;
            }

            before = member.Snapshot();
            member.ExternalId = changes.SetsExternalId ? changes.ExternalId : member.ExternalId;
            member.Email = changes.Email ?? member.Email;
            member.Name = changes.Name ?? member.Name;
            member.Profile = member.Profile with { Locale = changes.Locale ?? member.Profile.Locale, Tagline = changes.Tagline ?? member.Profile.Tagline };
            member.Role = changes.Role ?? member.Role;
            member.UpdatedAt = _clock.GetUtcNow();
            changed = member.Snapshot();
            return MemberChangeOutcome.Changed;
        }
    }

    /// <summary>Deletes a member: their email and externalId are free again, so their next sign-in creates a new member.</summary>
    /// <returns>The member as they were, or null when no member has the id.</returns>
    internal TribeCommunityMember? Remove(string id)
    {
        lock (_gate)
        {
            if (FindStoredById(id) is not { } member)
            {
                return null;
            }

            _members.Remove(member);
            return member.Snapshot();
        }
    }

    private StoredMember? FindStoredById(string id) => _members.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.Ordinal));
}
