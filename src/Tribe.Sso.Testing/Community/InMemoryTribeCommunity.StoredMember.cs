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

        public Uri? Picture { get; set; }

        public string? Source { get; set; }

        public string? Title { get; set; }

        public string? Bio { get; set; }

        public string? Locale { get; set; }

        public string? Tagline { get; set; }

        public List<TribeCommunityGroupMembership> Groups { get; } = new();

        public void Apply(TribeSsoClaims claims, DateTimeOffset now)
        {
            UpdatedAt = now;
            Email = claims.Email!;
            Name = claims.Name!;
            Role = claims.Role ?? Role;
            Picture = claims.Picture ?? Picture;
            Source = claims.Source ?? Source;
            Title = claims.Title ?? Title;
            Bio = claims.Bio ?? Bio;
            Locale = claims.Locale ?? Locale;
            Tagline = claims.Tagline ?? Tagline;
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

        public TribeCommunityMember Snapshot() => new(Id, ExternalId, Email, Name, Role, Picture, Source, Title, Bio, Locale, Tagline, Groups.ToList().AsReadOnly(), CreatedAt, UpdatedAt);
    }
}
