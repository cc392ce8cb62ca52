using System;
using System.Collections.Generic;
using System.Linq;

namespace Tribe.Sso.Testing;

/// <content>The record behind each member.</content>
public sealed partial class InMemoryTribeCommunity
{
    /// <summary>The mutable record behind a member; only touched under the lock.</summary>
    private sealed class StoredMember
    {
        public StoredMember(string id, string email, string name, DateTimeOffset createdAt)
        {
            Id = id;
            Email = email;
            Name = name;
            CreatedAt = createdAt;
            UpdatedAt = createdAt;
        }

        public DateTimeOffset CreatedAt { get; }

        public DateTimeOffset UpdatedAt { get; set; }

        public string Id { get; }

        public string? ExternalId { get; set; }

        public string Email { get; set; }

        public string Name { get; set; }

        public TribeRole Role { get; set; }

        public TribeProfile Profile { get; set; } = TribeProfile.Empty;

        public List<TribeCommunityGroupMembership> Groups { get; } = new();

        public void Apply(TribeSsoClaims claims, DateTimeOffset now)
        {
            UpdatedAt = now;
            Email = claims.Email!;
            Name = claims.Name!;
            Role = claims.Role ?? Role;
            // A claim the token leaves out keeps the stored value.
            Profile = new TribeProfile
            {
                Picture = claims.Picture ?? Profile.Picture,
                Source = claims.Source ?? Profile.Source,
                Title = claims.Title ?? Profile.Title,
                Bio = claims.Bio ?? Profile.Bio,
                Locale = claims.Locale ?? Profile.Locale,
                Tagline = claims.Tagline ?? Profile.Tagline,
            };
            if (claims.Groups is not { } groups)
            {
                return;
            }

            if (claims.GroupsOperation != TribeGroupsOperation.Add)
            {
                Groups.Clear();
            }

            foreach (var group in groups)
            {
                Groups.RemoveAll(g => string.Equals(g.GroupId, group.GroupId, StringComparison.Ordinal));
                Groups.Add(new TribeCommunityGroupMembership(group.GroupId, group.Role, group.Status));
            }
        }

        public TribeCommunityMember Snapshot() => new(Id, ExternalId, Email, Name, Role, Profile, Groups.ToList().AsReadOnly(), CreatedAt, UpdatedAt);
    }
}
