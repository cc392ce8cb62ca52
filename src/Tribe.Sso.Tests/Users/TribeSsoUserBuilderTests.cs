using System;
using System.Collections.Generic;

namespace Tribe.Sso.Tests.Users;

public class TribeSsoUserBuilderTests
{
    [Test]
    public void With_ReturnsANewBuilder_SoBranchesDoNotAffectEachOther()
    {
        var common = TribeSsoUser.Create("42", "Jane Doe", "jane@example.com");

        var admin = common.WithRole(TribeRole.Admin).Build();
        var plain = common.Build();

        admin.Role.Should().Be(TribeRole.Admin);
        plain.Role.Should().BeNull();
    }

    [Test]
    public void Build_KeepsEveryValue()
    {
        var user = Issuers.FullUser();

        user.Id.Should().Be("user-7");
        user.Name.Should().Be("Zoë O'Brien");
        user.Email.Should().Be("zoe.obrien+sso@example.co.uk");
        user.Role.Should().Be(TribeRole.Admin);
        user.Profile.Picture.Should().Be(new Uri("https://cdn.example.com/u/7.png"));
        user.Profile.Source.Should().Be("newsletter");
        user.Profile.Title.Should().Be("Head of \"Support\"");
        user.Profile.Locale.Should().Be("fr-CA");
        user.Profile.Tagline.Should().Be("Ask me anything");
        user.GroupsOperation.Should().Be(TribeGroupsOperation.Replace);
        user.Groups.Should().Equal(TribeGroup.FromId("g1"), TribeGroup.Joined("g2", TribeGroupRole.Admin), TribeGroup.Unapproved("g3"));
    }

    [Test]
    public void Groups_CannotBeChangedThroughTheList()
    {
        var source = new List<TribeGroup> { TribeGroup.FromId("g1") };
        var user = TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").ReplaceGroups(source).Build();
        source.Add(TribeGroup.FromId("g2"));

        user.Groups.Should().HaveCount(1);
        user.Groups.Should().NotBeAssignableTo<TribeGroup[]>();
        ((ICollection<TribeGroup>)user.Groups!).IsReadOnly.Should().BeTrue();
    }

    [Test]
    public void RemoveFromAllGroups_IsTheOnlyWayToAnEmptyReplaceList()
    {
        var user = TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").RemoveFromAllGroups().Build();

        user.Groups.Should().BeEmpty();
        user.GroupsOperation.Should().Be(TribeGroupsOperation.Replace);
    }

    [Test]
    public void NoGroupCall_LeavesGroupsAlone()
    {
        var user = Issuers.Jane();

        user.Groups.Should().BeNull();
        user.GroupsOperation.Should().BeNull();
    }

    [Test]
    public void ReplaceGroups_NullItem_ThrowsArgumentNull()
    {
        var act = () => TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").ReplaceGroups(TribeGroup.FromId("g1"), null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("groups");
    }

    [TestCase(null, "Jane", "jane@example.com", "id")]
    [TestCase("42", null, "jane@example.com", "name")]
    [TestCase("42", "Jane", null, "email")]
    public void Create_NullArgument_ThrowsArgumentNullNamingIt(string? id, string? name, string? email, string parameter)
    {
        var act = () => TribeSsoUser.Create(id!, name!, email!);

        act.Should().Throw<ArgumentNullException>().WithParameterName(parameter);
    }

    [TestCase("jane@example.com")]
    [TestCase("JANE.DOE@EXAMPLE.COM")]
    [TestCase("jane+tag@sub.example.co.uk")]
    [TestCase("o'brien@example.ie")]
    [TestCase("user_name-1@xn--bcher-kva.example")]
    [TestCase("josé@exämple.de")]
    [TestCase("a!#$%&'*+/=?^_`{|}~-b@example.com")]
    public void Create_AcceptsRealWorldAddresses(string email)
    {
        TribeSsoUser.Create("42", "Jane", email).Build().Email.Should().Be(email);
    }

    [TestCase("en")]
    [TestCase("fr-CA")]
    [TestCase("zh-Hant-TW")]
    [TestCase("es-419")]
    [TestCase("ast")]
    public void WithLocale_AcceptsBcp47Tags(string locale)
    {
        TribeSsoUser.Create("42", "Jane", "jane@example.com").WithLocale(locale).Build().Profile.Locale.Should().Be(locale);
    }

    [Test]
    public void WithBio_AllowsLineBreaksTabsAndSimpleHtml()
    {
        const string Bio = "<p>Line one</p>\r\n\t<b>Line two</b>";

        TribeSsoUser.Create("42", "Jane", "jane@example.com").WithBio(Bio).Build().Profile.Bio.Should().Be(Bio);
    }

    [Test]
    public void ToString_ShowsOnlyTheId()
    {
        Issuers.Jane().ToString().Should().Be("TribeSsoUser 42");
        TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").ToString().Should().Be("TribeSsoUserBuilder 42");
    }

    [Test]
    public void TribeGroup_ToString_DescribesTheEntry()
    {
        TribeGroup.Joined("g1", TribeGroupRole.Admin).ToString().Should().Be("g1 (admin, joined)");
        TribeGroup.FromId("g2").ToString().Should().Be("g2");
    }

}
