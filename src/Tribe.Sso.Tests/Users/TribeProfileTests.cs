using System;
using System.Linq;
using System.Reflection;

namespace Tribe.Sso.Tests.Users;

/// <summary>The optional profile claims a user carries (and a community member shows): data only, checked by the builder.</summary>
public class TribeProfileTests
{
    [Test]
    public void Build_WithoutProfileClaims_GivesTheEmptyProfile()
    {
        var profile = TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").Build().Profile;

        profile.Should().BeSameAs(TribeProfile.Empty);
        new object?[] { profile.Picture, profile.Source, profile.Title, profile.Bio, profile.Locale, profile.Tagline }.Should().AllBeEquivalentTo((object?)null);
    }

    [Test]
    public void With_ChangesOnlyTheBranch_ThatSetsTheClaim()
    {
        var common = TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").WithTitle("Lead");

        var withBio = common.WithBio("Hi").Build();
        var plain = common.Build();

        withBio.Profile.Should().Be(new TribeProfile { Title = "Lead", Bio = "Hi" });
        plain.Profile.Should().Be(new TribeProfile { Title = "Lead" }, "the other branch's bio must not leak into this one");
    }

    [Test]
    public void ToString_ShowsNoValue()
    {
        var profile = new TribeProfile { Title = "Secret title", Bio = "private bio", Tagline = "tag", Source = "src", Locale = "fr", Picture = new Uri("https://cdn.example.com/p.png") };

        profile.ToString().Should().Be("TribeProfile");
    }

    [Test]
    public void NothingPublic_TakesAProfile_SoNoValueSkipsTheBuildersRules()
    {
        var takesAProfile = typeof(TribeSsoUser).Assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Cast<MethodBase>()
                .Concat(t.GetConstructors()))
            .Where(m => m.DeclaringType != typeof(TribeProfile) && m.GetParameters().Any(p => p.ParameterType == typeof(TribeProfile)))
            .Select(m => m.DeclaringType!.Name + "." + m.Name);

        takesAProfile.Should().BeEmpty("a profile is unchecked data: users are built claim by claim, each value checked when it is set");
    }
}
