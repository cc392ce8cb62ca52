using System;
using System.Collections.Generic;
using System.Linq;

namespace Tribe.Sso.Benchmarks;

/// <summary>The three users of the benchmarks, in the SDK's form and as plain claims for the peers.</summary>
public sealed class Scenario
{
    public const string Key = "bench-key-0123456789abcdef0123456789abcdef";

    private Scenario(string name, TribeSsoUser user)
    {
        Name = name;
        User = user;
        Claims = ToClaims(user);
    }

    public string Name { get; }

    public TribeSsoUser User { get; }

    /// <summary>The same claims, in order, without iat and exp (each peer adds them).</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Claims { get; }

    /// <summary>sub, name, email.</summary>
    public static Scenario Minimal { get; } = new("minimal", TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").Build());

    /// <summary>sub, name, email, role, picture: the typical user of the issue.</summary>
    public static Scenario Typical { get; } = new("typical", TribeSsoUser.Create("42", "Jane Doe", "jane@example.com")
        .WithRole(TribeRole.Moderator)
        .WithPicture(new Uri("https://cdn.example.com/avatars/42.png"))
        .Build());

    /// <summary>A long bio and 40 groups: a 7.1 KB token, near the 8,000-byte limit of a token or link.</summary>
    public static Scenario Heavy { get; } = new("heavy", TribeSsoUser.Create("user-000042", "Jane Q. Doe-Smith", "jane.doe-smith@example.co.uk")
        .WithRole(TribeRole.Admin)
        .WithPicture(new Uri("https://cdn.example.com/avatars/42.png"))
        .WithTitle("Head of Community")
        .WithLocale("en-GB")
        .WithBio(string.Concat(Enumerable.Repeat("<p>Community lead, writer and occasional speaker. Ask me about SSO.</p>\n", 30)))
        .AddToGroups(Enumerable.Range(0, 40).Select(i => TribeGroup.Joined("5f1c0e8b9d3e4a00123456" + i.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))))
        .Build());

    /// <summary>The issuer every benchmark signs with: the default options and <see cref="Key"/>, admin allowed for <see cref="Heavy"/>.</summary>
    public static TribeSsoIssuer CreateIssuer() => new(new TribeSsoOptions { CommunityUrl = new Uri("https://community.example.com"), PrivateKey = TribeSsoKey.FromString(Key), AllowAdminRole = true });

    public static Scenario ByName(string name) => name switch
    {
        "minimal" => Minimal,
        "typical" => Typical,
        _ => Heavy,
    };

    private static List<KeyValuePair<string, object>> ToClaims(TribeSsoUser user)
    {
        var claims = new List<KeyValuePair<string, object>>
        {
            new("sub", user.Id),
            new("name", user.Name),
            new("email", user.Email),
        };
        if (user.Role is { } role)
        {
            claims.Add(new("role", role.ToString().ToLowerInvariant()));
        }

        if (user.Profile.Picture is { } picture)
        {
            claims.Add(new("picture", picture.AbsoluteUri));
        }

        if (user.Profile.Title is { } title)
        {
            claims.Add(new("title", title));
        }

        if (user.Profile.Bio is { } bio)
        {
            claims.Add(new("bio", bio));
        }

        if (user.Profile.Locale is { } locale)
        {
            claims.Add(new("locale", locale));
        }

        if (user.Groups is { } groups)
        {
            claims.Add(new("groups", groups.Select(g => (object)new Dictionary<string, object> { ["group"] = g.GroupId, ["role"] = "member", ["status"] = "joined" }).ToList()));
            claims.Add(new("groupsOperation", "add"));
        }

        return claims;
    }

    public override string ToString() => Name;
}
