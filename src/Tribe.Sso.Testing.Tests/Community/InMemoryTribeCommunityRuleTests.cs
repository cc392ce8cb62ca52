using System;
using System.Linq;
using Microsoft.Extensions.Time.Testing;

namespace Tribe.Sso.Testing.Tests.Community;

/// <summary>
/// The community's rules at each edge: which member a sign-in finds first, what each outcome stores and remembers, which
/// claims a sign-in keeps, the API's changes with the same uniqueness rules, and the ids and clock the community writes.
/// </summary>
public partial class InMemoryTribeCommunityRuleTests
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
}
