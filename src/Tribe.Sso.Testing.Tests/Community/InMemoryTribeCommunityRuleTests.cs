using System;
using System.Linq;
using Microsoft.Extensions.Time.Testing;

namespace Tribe.Sso.Testing.Tests.Community;

/// <summary>
/// The community's rules at each edge: which member a sign-in finds first, what each outcome stores and remembers, which
/// claims a sign-in keeps, the API's changes with the same uniqueness rules, and the ids and clock the community writes.
/// </summary>
public class InMemoryTribeCommunityRuleTests
{
    private FakeTimeProvider _clock = null!;
    private InMemoryTribeCommunity _community = null!;
    private TribeSsoIssuer _issuer = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = TestClock.Create();
        _community = new InMemoryTribeCommunity(TribeSsoKey.FromString(TestKeys.Primary), _clock);
        _issuer = Issuers.WithClock(_clock);
    }

    [Test]
    public void SignIn_SubjectAndEmailOfTheSameMember_IsAnUpdateNotAConflict()
    {
        var created = _community.SignIn(_issuer.CreateToken(Issuers.Jane())).Member!;

        var result = _community.SignIn(_issuer.CreateToken(TribeSsoUser.Create("42", "Jane", "JANE@EXAMPLE.COM").Build()), out var before);

        result.Outcome.Should().Be(TribeSsoSignInOutcome.Updated);
        result.ConflictReason.Should().BeNull();
        result.Member!.Id.Should().Be(created.Id);
        result.Member.Email.Should().Be("JANE@EXAMPLE.COM");
        before!.Email.Should().Be("jane@example.com", "the member as it was before the sign-in");
    }

    [Test]
    public void SignIn_Created_HasNoBefore_Linked_AndUpdated_GiveTheMemberAsItWas()
    {
        var registered = _community.AddMember("jane@example.com", "Jane (registered)");

        var linked = _community.SignIn(_issuer.CreateToken(Issuers.Jane()), out var beforeLink);
        var updated = _community.SignIn(_issuer.CreateToken(TribeSsoUser.Create("42", "Jane Smith", "jane@example.com").Build()), out var beforeUpdate);
        var created = _community.SignIn(_issuer.CreateToken(TribeSsoUser.Create("7", "John", "john@example.com").Build()), out var beforeCreate);

        linked.Outcome.Should().Be(TribeSsoSignInOutcome.Linked);
        beforeLink!.Id.Should().Be(registered.Id);
        beforeLink.ExternalId.Should().BeNull("before the link the member had no externalId");
        beforeLink.Name.Should().Be("Jane (registered)");
        updated.Outcome.Should().Be(TribeSsoSignInOutcome.Updated);
        beforeUpdate!.Name.Should().Be("Jane Doe");
        beforeUpdate.ExternalId.Should().Be("42");
        created.Outcome.Should().Be(TribeSsoSignInOutcome.Created);
        beforeCreate.Should().BeNull();
    }

    [Test]
    public void SignIn_Refused_HasNoBefore_AndConflict_HasNoBefore()
    {
        _community.AddMember("jane@example.com", "Jane", externalId: "other");

        var rejected = _community.SignIn("not a token", out var beforeRejected);
        var conflict = _community.SignIn(_issuer.CreateToken(Issuers.Jane()), out var beforeConflict);

        rejected.Outcome.Should().Be(TribeSsoSignInOutcome.Rejected);
        beforeRejected.Should().BeNull();
        conflict.Outcome.Should().Be(TribeSsoSignInOutcome.Conflict);
        beforeConflict.Should().BeNull();
    }

    [Test]
    public void SignIn_Conflicts_NameTheMemberThatHoldsTheEmail_AndChangeNothing()
    {
        var holder = _community.AddMember("john@example.com", "John", externalId: "other");
        var jane = _community.SignIn(_issuer.CreateToken(Issuers.Jane())).Member!;
        _clock.Advance(TimeSpan.FromMinutes(1));

        var takeEmail = _community.SignIn(_issuer.CreateToken(TribeSsoUser.Create("42", "Jane", "john@example.com").WithTitle("t").Build()));
        var otherExternalId = _community.SignIn(_issuer.CreateToken(TribeSsoUser.Create("43", "John", "john@example.com").Build()));

        takeEmail.Outcome.Should().Be(TribeSsoSignInOutcome.Conflict);
        takeEmail.ConflictReason.Should().Be("the email belongs to another user (" + holder.Id + "), so the user with this externalId cannot take it");
        takeEmail.RedirectPath.Should().BeNull();
        takeEmail.Rejection.Should().BeNull();
        takeEmail.ReadResult.IsAccepted.Should().BeTrue();
        otherExternalId.ConflictReason.Should().Be("the user with this email (" + holder.Id + ") already has a different externalId; update that user's externalId or email through the API");
        var after = _community.FindByExternalId("42")!;
        after.Profile.Title.Should().BeNull();
        after.UpdatedAt.Should().Be(jane.UpdatedAt, "a conflict stores nothing");
        _community.Members.Should().HaveCount(2);
    }

    [Test]
    public void SignIn_ExternalIdsMatchOrdinally_EmailsIgnoringCase()
    {
        _community.SignIn(_issuer.CreateToken(TribeSsoUser.Create("abc", "Jane", "jane@example.com").Build()));

        var otherCase = _community.SignIn(_issuer.CreateToken(TribeSsoUser.Create("ABC", "Jane", "other@example.com").Build()));

        otherCase.Outcome.Should().Be(TribeSsoSignInOutcome.Created, "externalIds are compared ordinally");
        _community.FindByExternalId("ABC")!.Email.Should().Be("other@example.com");
        _community.FindByExternalId("aBc").Should().BeNull();
        _community.FindByEmail("JANE@example.COM")!.ExternalId.Should().Be("abc");
        _community.FindByEmail("nobody@example.com").Should().BeNull();
    }

    [Test]
    public void SignIn_EveryProfileClaim_IsStored_AndAClaimLeftOutKeepsTheStoredValue()
    {
        var full = TribeSsoUser.Create("42", "Jane", "jane@example.com")
            .WithPicture(new Uri("https://cdn.example.com/jane.png")).WithSource("shop").WithTitle("Lead").WithBio("Bio")
            .WithLocale("fr-FR").WithTagline("Hello").WithRole(TribeRole.Moderator).Build();
        var first = _community.SignIn(_issuer.CreateToken(full)).Member!;

        var kept = _community.SignIn(_issuer.CreateToken(TribeSsoUser.Create("42", "Jane", "jane@example.com").Build())).Member!;
        var changed = _community.SignIn(_issuer.CreateToken(TribeSsoUser.Create("42", "Jane", "jane@example.com")
            .WithPicture(new Uri("https://cdn.example.com/new.png")).WithSource("app").WithTitle("CTO").WithBio("New")
            .WithLocale("de-DE").WithTagline("Hi").WithRole(TribeRole.Member).Build())).Member!;

        foreach (var member in new[] { first, kept })
        {
            member.Profile.Picture.Should().Be(new Uri("https://cdn.example.com/jane.png"));
            member.Profile.Source.Should().Be("shop");
            member.Profile.Title.Should().Be("Lead");
            member.Profile.Bio.Should().Be("Bio");
            member.Profile.Locale.Should().Be("fr-FR");
            member.Profile.Tagline.Should().Be("Hello");
            member.Role.Should().Be(TribeRole.Moderator);
        }

        changed.Profile.Picture.Should().Be(new Uri("https://cdn.example.com/new.png"));
        changed.Profile.Source.Should().Be("app");
        changed.Profile.Title.Should().Be("CTO");
        changed.Profile.Bio.Should().Be("New");
        changed.Profile.Locale.Should().Be("de-DE");
        changed.Profile.Tagline.Should().Be("Hi");
        changed.Role.Should().Be(TribeRole.Member);
    }

    [Test]
    public void SignIn_AddToGroups_OnAMemberWithoutGroups_AddsInTheTokenOrder_WithRoleAndStatus()
    {
        var member = _community.SignIn(_issuer.CreateToken(TribeSsoUser.Create("42", "Jane", "jane@example.com")
            .AddToGroups(TribeGroup.Joined("b", TribeGroupRole.Admin), TribeGroup.Unapproved("a")).Build())).Member!;

        member.Groups.Select(g => (g.GroupId, g.Role, g.Status)).Should().Equal(
            ("b", TribeGroupRole.Admin, TribeGroupStatus.Joined),
            ("a", TribeGroupRole.Member, TribeGroupStatus.Unapproved));
    }

    [Test]
    public void SignIn_ReplaceGroups_WithTheSameGroups_KeepsOneMembershipEach()
    {
        var jane = TribeSsoUser.Create("42", "Jane", "jane@example.com");
        _community.SignIn(_issuer.CreateToken(jane.ReplaceGroups(TribeGroup.FromId("a"), TribeGroup.FromId("b")).Build()));

        var again = _community.SignIn(_issuer.CreateToken(jane.ReplaceGroups(TribeGroup.FromId("b"), TribeGroup.Joined("a", TribeGroupRole.Admin)).Build())).Member!;

        again.Groups.Select(g => g.ToString()).Should().Equal("b (member, joined)", "a (admin, joined)");
    }

    [Test]
    public void Members_AreInTheOrderTheyWereAdded_WithHexadecimalIdsCountingUp()
    {
        for (var i = 0; i < 17; i++)
        {
            _community.AddMember("m" + i + "@example.com", "M" + i);
        }

        var created = _community.SignIn(_issuer.CreateToken(Issuers.Jane())).Member!;

        _community.Members.Should().HaveCount(18);
        _community.Members[0].Id.Should().Be("000000000000000000000001");
        _community.Members[15].Id.Should().Be("000000000000000000000010", "ids are hexadecimal");
        created.Id.Should().Be("000000000000000000000012");
        _community.Members[17].Id.Should().Be(created.Id);
        _community.Members.Select(m => m.Email).Take(2).Should().Equal("m0@example.com", "m1@example.com");
    }

    [Test]
    public void Times_AreTheCommunityClock_CreatedOnce_UpdatedOnEachChange()
    {
        var start = _clock.GetUtcNow();
        var created = _community.SignIn(_issuer.CreateToken(Issuers.Jane())).Member!;
        _clock.Advance(TimeSpan.FromSeconds(10));
        var updated = _community.SignIn(_issuer.CreateToken(Issuers.Jane())).Member!;
        _clock.Advance(TimeSpan.FromSeconds(10));
        var registered = _community.AddMember("john@example.com", "John");
        _clock.Advance(TimeSpan.FromSeconds(10));
        var linked = _community.SignIn(_issuer.CreateToken(TribeSsoUser.Create("7", "John", "john@example.com").Build())).Member!;

        created.CreatedAt.Should().Be(start);
        created.UpdatedAt.Should().Be(start);
        updated.CreatedAt.Should().Be(start);
        updated.UpdatedAt.Should().Be(start.AddSeconds(10));
        registered.CreatedAt.Should().Be(start.AddSeconds(20));
        registered.UpdatedAt.Should().Be(start.AddSeconds(20));
        linked.CreatedAt.Should().Be(start.AddSeconds(20));
        linked.UpdatedAt.Should().Be(start.AddSeconds(30));
    }

    [Test]
    public void Constructor_WithReaderOptions_UsesTheirClockForTheMembersTimes()
    {
        var community = new InMemoryTribeCommunity(TribeSsoKey.FromString(TestKeys.Primary), new TribeSsoTokenReaderOptions { TimeProvider = _clock });

        var member = community.SignIn(_issuer.CreateToken(Issuers.Jane())).Member!;

        member.CreatedAt.Should().Be(_clock.GetUtcNow());
    }

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
