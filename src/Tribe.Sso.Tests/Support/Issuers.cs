using System;
using Microsoft.Extensions.Time.Testing;

namespace Tribe.Sso.Tests;

/// <summary>The core suite's issuers and users: Jane (the minimal user) and the full user of the golden vectors.</summary>
internal static class Issuers
{
    public static readonly Uri Community = new("https://community.example.com");

    public static TribeSsoOptions Options(string key = TestKeys.Primary) => new()
    {
        CommunityUrl = Community,
        PrivateKey = TribeSsoKey.FromString(key),
    };

    /// <summary>The options of <see cref="FullUser"/>, an admin: <see cref="TribeSsoOptions.AllowAdminRole"/> set.</summary>
    public static TribeSsoOptions AdminAllowed()
    {
        var options = Options();
        options.AllowAdminRole = true;
        return options;
    }

    public static TribeSsoIssuer AtFixedClock(TribeSsoOptions? options = null) => new(options ?? Options(), TestClock.Create());

    public static TribeSsoIssuer WithClock(FakeTimeProvider clock, TribeSsoOptions? options = null) => new(options ?? Options(), clock);

    public static TribeSsoUser Jane() => TribeSsoUser.Create(GoldenVectors.JaneId, GoldenVectors.JaneName, GoldenVectors.JaneEmail).Build();

    /// <summary>Every claim (role admin) and the three group shapes; <see cref="GoldenVectors.FullToken"/> with audience "community" and <see cref="AdminAllowed"/>.</summary>
    public static TribeSsoUser FullUser() => TribeSsoUser.Create(id: "user-7", name: "Zoë O'Brien", email: "zoe.obrien+sso@example.co.uk")
        .WithRole(TribeRole.Admin)
        .WithPicture(new Uri("https://cdn.example.com/u/7.png"))
        .WithSource("newsletter")
        .WithTitle("Head of \"Support\"")
        .WithBio("<b>Hi</b> I'm Zoë.\nBackslash: \\")
        .WithLocale("fr-CA")
        .WithTagline("Ask me anything")
        .ReplaceGroups(TribeGroup.FromId("g1"), TribeGroup.Joined("g2", TribeGroupRole.Admin), TribeGroup.Unapproved("g3"))
        .Build();
}
