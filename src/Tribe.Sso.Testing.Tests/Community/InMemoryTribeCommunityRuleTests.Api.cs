using System;
using System.Linq;
using Microsoft.Extensions.Time.Testing;

namespace Tribe.Sso.Testing.Tests.Community;

/// <content>Construction, lookups, snapshots, removal and the API's changes.</content>
public partial class InMemoryTribeCommunityRuleTests
{
    [Test]
    public void Constructor_WithoutAClock_UsesTheSystemClock()
    {
        var community = new InMemoryTribeCommunity(TribeSsoKey.FromString(TestKeys.Primary));
        var issuer = new TribeSsoIssuer(Issuers.Options());

        var member = community.SignIn(issuer.CreateToken(Issuers.Jane())).Member!;

        member.CreatedAt.Should().BeCloseTo(DateTimeOffset.UtcNow, TimeSpan.FromMinutes(1));
    }

    [Test]
    public void Constructors_And_Lookups_RefuseNull()
    {
        var key = TribeSsoKey.FromString(TestKeys.Primary);

        FluentActions.Invoking(() => new InMemoryTribeCommunity(null!)).Should().Throw<ArgumentNullException>().WithParameterName("key");
        FluentActions.Invoking(() => new InMemoryTribeCommunity(key, (TimeProvider)null!)).Should().Throw<ArgumentNullException>().WithParameterName("timeProvider");
        FluentActions.Invoking(() => new InMemoryTribeCommunity(key, (TribeSsoTokenReaderOptions)null!)).Should().Throw<ArgumentNullException>().WithParameterName("options");
        FluentActions.Invoking(() => _community.FindByEmail(null!)).Should().Throw<ArgumentNullException>().WithParameterName("email");
        FluentActions.Invoking(() => _community.FindByExternalId(null!)).Should().Throw<ArgumentNullException>().WithParameterName("externalId");
        FluentActions.Invoking(() => _community.SignIn((string)null!)).Should().Throw<ArgumentNullException>().WithParameterName("tokenOrLink");
        FluentActions.Invoking(() => _community.SignIn((Uri)null!)).Should().Throw<ArgumentNullException>().WithParameterName("link");
        FluentActions.Invoking(() => _community.SignIn((TribeSsoLink)null!)).Should().Throw<ArgumentNullException>().WithParameterName("link");
        FluentActions.Invoking(() => _community.AddMember(null!, "n")).Should().Throw<ArgumentNullException>().WithParameterName("email");
        FluentActions.Invoking(() => _community.AddMember("e@example.com", null!)).Should().Throw<ArgumentNullException>().WithParameterName("name");
        FluentActions.Invoking(() => new TribeCommunityGroupMembership(null!)).Should().Throw<ArgumentNullException>().WithParameterName("groupId");
    }

    [Test]
    public void SignIn_TakesAUriOrALink_AsTheEndpointWould()
    {
        var link = _issuer.CreateLoginUrl(Issuers.Jane(), "/answers");

        var byLink = _community.SignIn(link);
        var byUri = _community.SignIn(new Uri(link.AbsoluteUri));

        byLink.Outcome.Should().Be(TribeSsoSignInOutcome.Created);
        byUri.Outcome.Should().Be(TribeSsoSignInOutcome.Updated);
        byUri.RedirectPath.Should().Be("/answers");
    }

    [Test]
    public void AddMember_StoresTheRoleAndExternalId_AndRefusesATakenExternalId()
    {
        var admin = _community.AddMember("admin@example.com", "Admin", externalId: "1", role: TribeRole.Admin);

        var act = () => _community.AddMember("other@example.com", "Other", externalId: "1");
        var plain = _community.AddMember("plain@example.com", "Plain");

        admin.Role.Should().Be(TribeRole.Admin);
        admin.ExternalId.Should().Be("1");
        admin.Profile.Should().Be(TribeProfile.Empty);
        admin.Groups.Should().BeEmpty();
        act.Should().Throw<InvalidOperationException>().WithMessage("A member with this email or externalId already exists.");
        plain.Role.Should().Be(TribeRole.Member);
        plain.ExternalId.Should().BeNull();
        plain.ToString().Should().Be("TribeCommunityMember " + plain.Id);
    }

    [Test]
    public void Snapshots_DoNotChangeWhenTheMemberDoes()
    {
        var jane = TribeSsoUser.Create("42", "Jane", "jane@example.com");
        var first = _community.SignIn(_issuer.CreateToken(jane.AddToGroups(TribeGroup.FromId("a")).Build())).Member!;

        _community.SignIn(_issuer.CreateToken(jane.AddToGroups(TribeGroup.FromId("b")).Build()));

        first.Groups.Select(g => g.GroupId).Should().Equal("a");
        _community.Members.Single().Groups.Select(g => g.GroupId).Should().Equal("a", "b");
    }

    [Test]
    public void SignInResult_ToString_GivesTheOutcomeMemberAndReason()
    {
        var created = _community.SignIn(_issuer.CreateToken(Issuers.Jane()));
        var rejected = _community.SignIn("not a token");
        _community.AddMember("john@example.com", "John", externalId: "other");
        var conflict = _community.SignIn(_issuer.CreateToken(TribeSsoUser.Create("7", "John", "john@example.com").Build()));

        created.ToString().Should().Be("Created TribeCommunityMember 000000000000000000000001 (external 42)");
        rejected.ToString().Should().Be("Rejected: " + rejected.Rejection!.Message);
        conflict.ToString().Should().Be("Conflict: " + conflict.ConflictReason);
        created.ToString().Should().NotContain("jane@example.com");
    }

    [Test]
    public void FindById_FindsByTheCommunityIdOnly()
    {
        var jane = _community.SignIn(_issuer.CreateToken(Issuers.Jane())).Member!;

        _community.FindById(jane.Id)!.ExternalId.Should().Be("42");
        _community.FindById("42").Should().BeNull();
        _community.FindById(jane.Id.ToUpperInvariant() + "x").Should().BeNull();
    }

    [Test]
    public void Remove_FreesTheEmailAndExternalId_SoTheNextSignInCreatesANewMember()
    {
        var jane = _community.SignIn(_issuer.CreateToken(Issuers.Jane())).Member!;

        var removed = _community.Remove(jane.Id);
        var again = _community.Remove(jane.Id);
        var next = _community.SignIn(_issuer.CreateToken(Issuers.Jane()));

        removed!.Id.Should().Be(jane.Id);
        again.Should().BeNull();
        next.Outcome.Should().Be(TribeSsoSignInOutcome.Created);
        next.Member!.Id.Should().NotBe(jane.Id);
        _community.Members.Should().ContainSingle();
    }

    [Test]
    public void Change_AppliesEachGivenField_AndKeepsTheOthers()
    {
        var jane = _community.SignIn(_issuer.CreateToken(TribeSsoUser.Create("42", "Jane", "jane@example.com").WithLocale("fr-FR").WithTagline("Hello").WithTitle("Lead").Build())).Member!;
        _clock.Advance(TimeSpan.FromSeconds(5));

        var outcome = _community.Change(jane.Id, new MemberChanges { Name = "Jane Smith", Role = TribeRole.Moderator }, out var before, out var changed);
        var second = _community.Change(jane.Id, new MemberChanges { Email = "jane@example.org", Locale = "de-DE", Tagline = "Hi" }, out _, out var changedAgain);

        outcome.Should().Be(MemberChangeOutcome.Changed);
        before!.Name.Should().Be("Jane");
        before.UpdatedAt.Should().Be(jane.UpdatedAt);
        changed!.Name.Should().Be("Jane Smith");
        changed.Role.Should().Be(TribeRole.Moderator);
        changed.Email.Should().Be("jane@example.com");
        changed.ExternalId.Should().Be("42", "an externalId that is not given stays");
        changed.Profile.Locale.Should().Be("fr-FR");
        changed.Profile.Tagline.Should().Be("Hello");
        changed.Profile.Title.Should().Be("Lead");
        changed.UpdatedAt.Should().Be(jane.UpdatedAt.AddSeconds(5));
        second.Should().Be(MemberChangeOutcome.Changed);
        changedAgain!.Email.Should().Be("jane@example.org");
        changedAgain.Name.Should().Be("Jane Smith");
        changedAgain.Role.Should().Be(TribeRole.Moderator);
        changedAgain.Profile.Locale.Should().Be("de-DE");
        changedAgain.Profile.Tagline.Should().Be("Hi");
        changedAgain.Profile.Title.Should().Be("Lead");
    }

    [Test]
    public void Change_ExternalId_SetsIt_OrWithNullUnlinksTheMember()
    {
        var jane = _community.SignIn(_issuer.CreateToken(Issuers.Jane())).Member!;

        _community.Change(jane.Id, new MemberChanges { SetsExternalId = true, ExternalId = "99" }, out _, out var relinked).Should().Be(MemberChangeOutcome.Changed);
        _community.Change(jane.Id, new MemberChanges { ExternalId = "ignored" }, out _, out var notSet).Should().Be(MemberChangeOutcome.Changed);
        _community.Change(jane.Id, new MemberChanges { SetsExternalId = true, ExternalId = null }, out _, out var unlinked).Should().Be(MemberChangeOutcome.Changed);

        relinked!.ExternalId.Should().Be("99");
        notSet!.ExternalId.Should().Be("99", "an externalId without SetsExternalId is not applied");
        unlinked!.ExternalId.Should().BeNull();
        _community.SignIn(_issuer.CreateToken(Issuers.Jane())).Outcome.Should().Be(TribeSsoSignInOutcome.Linked, "an unlinked member is linked again by email");
    }

    [Test]
    public void Change_ToAnotherMembersEmailOrExternalId_IsRefused_ButTheMembersOwnIsFine()
    {
        var jane = _community.SignIn(_issuer.CreateToken(Issuers.Jane())).Member!;
        _community.AddMember("john@example.com", "John", externalId: "7");

        var emailTaken = _community.Change(jane.Id, new MemberChanges { Email = "JOHN@example.com", Name = "x" }, out var b1, out var c1);
        var externalIdTaken = _community.Change(jane.Id, new MemberChanges { SetsExternalId = true, ExternalId = "7", Name = "x" }, out var b2, out var c2);
        var notFound = _community.Change("000000000000000000000099", new MemberChanges { Name = "x" }, out var b3, out var c3);
        var own = _community.Change(jane.Id, new MemberChanges { Email = "Jane@Example.com", SetsExternalId = true, ExternalId = "42" }, out _, out var ownChanged);

        emailTaken.Should().Be(MemberChangeOutcome.EmailTaken);
        externalIdTaken.Should().Be(MemberChangeOutcome.ExternalIdTaken);
        notFound.Should().Be(MemberChangeOutcome.NotFound);
        new[] { b1, c1, b2, c2, b3, c3 }.Should().OnlyContain(m => m == null);
        _community.FindById(jane.Id)!.Name.Should().Be("Jane Doe", "a refused change changes nothing");
        own.Should().Be(MemberChangeOutcome.Changed);
        ownChanged!.Email.Should().Be("Jane@Example.com");
    }

    [Test]
    public void Change_ExternalIdNullWithoutSetting_DoesNotCheckUniqueness()
    {
        var jane = _community.SignIn(_issuer.CreateToken(Issuers.Jane())).Member!;
        _community.AddMember("john@example.com", "John", externalId: "7");

        _community.Change(jane.Id, new MemberChanges { ExternalId = "7" }, out _, out var changed).Should().Be(MemberChangeOutcome.Changed);

        changed!.ExternalId.Should().Be("42");
    }

    [Test]
    public void GroupMembership_DefaultsToAJoinedMember()
    {
        var membership = new TribeCommunityGroupMembership("g1");

        membership.Role.Should().Be(TribeGroupRole.Member);
        membership.Status.Should().Be(TribeGroupStatus.Joined);
        membership.ToString().Should().Be("g1 (member, joined)");
        new TribeCommunityGroupMembership("g2", TribeGroupRole.Admin, TribeGroupStatus.Unapproved).ToString().Should().Be("g2 (admin, unapproved)");
    }
}
