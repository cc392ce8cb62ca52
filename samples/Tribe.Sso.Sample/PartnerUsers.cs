namespace Tribe.Sso.Sample;

/// <summary>The partner site's fake users. Sam and Robin share an email address, to show the community's conflict rule.</summary>
internal static class PartnerUsers
{
    public static readonly PartnerUser[] All =
    {
        new("jane", "42", "Jane Doe", "jane@example.com", TribeRole.Moderator, new[] { "announcements", "product-team" }, "A moderator in two groups."),
        new("sam", "7", "Sam Shared", "shared@example.com", TribeRole.Member, Array.Empty<string>(), "Shares an email address with Robin: sign Sam in first."),
        new("robin", "8", "Robin Shared", "shared@example.com", TribeRole.Member, Array.Empty<string>(), "Same email as Sam, another id: the community answers with a conflict."),
    };

    public static PartnerUser? Find(string? login) => All.FirstOrDefault(u => u.Login == login);

    /// <summary>The partner's mapping from its own user to the community's: the line every integration writes.</summary>
    public static TribeSsoUser ToTribeUser(PartnerUser user)
    {
        var builder = TribeSsoUser.Create(user.Id, ProfileSettings.NameOf(user), user.Email).WithRole(user.Role);
        return user.Groups.Length == 0 ? builder.Build() : builder.AddToGroups(user.Groups.Select(g => TribeGroup.Joined(g))).Build();
    }
}

internal sealed record PartnerUser(string Login, string Id, string Name, string Email, TribeRole Role, string[] Groups, string Note);
