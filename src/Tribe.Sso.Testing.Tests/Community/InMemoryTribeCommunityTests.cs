using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Tribe.Sso.Testing.Tests.Community;

/// <summary>The user-resolution rules of docs/protocol.md#how-the-community-resolves-users, one outcome at a time.</summary>
public class InMemoryTribeCommunityTests
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
    public void SignIn_UnknownUser_IsCreatedAsMemberWithA24HexId()
    {
        var result = _community.SignIn(_issuer.CreateLoginUrl(Issuers.Jane(), "/answers"));

        result.Outcome.Should().Be(TribeSsoSignInOutcome.Created);
        result.IsSignedIn.Should().BeTrue();
        result.RedirectPath.Should().Be("/answers");
        var member = result.Member!;
        member.Id.Should().MatchRegex("^[0-9a-f]{24}$");
        member.ExternalId.Should().Be("42");
        member.Email.Should().Be("jane@example.com");
        member.Name.Should().Be("Jane Doe");
        member.Role.Should().Be(TribeRole.Member);
        _community.Members.Should().ContainSingle();
    }

    [Test]
    public void SignIn_KnownExternalId_UpdatesTheUserEmailIncluded()
    {
        var created = _community.SignIn(_issuer.CreateToken(Issuers.Jane())).Member!;
        var changed = TribeSsoUser.Create("42", "Jane Smith", "jane.smith@example.org").WithRole(TribeRole.Moderator).WithTitle("Lead").Build();

        var result = _community.SignIn(_issuer.CreateToken(changed));

        result.Outcome.Should().Be(TribeSsoSignInOutcome.Updated);
        result.Member!.Id.Should().Be(created.Id);
        result.Member.Email.Should().Be("jane.smith@example.org");
        result.Member.Name.Should().Be("Jane Smith");
        result.Member.Role.Should().Be(TribeRole.Moderator);
        result.Member.Profile.Title.Should().Be("Lead");
        _community.Members.Should().ContainSingle();
    }

    [Test]
    public void SignIn_EmailOfAnUnlinkedUser_LinksTheExternalId()
    {
        var existing = _community.AddMember("JANE@example.com", "Jane (registered)");

        var result = _community.SignIn(_issuer.CreateToken(Issuers.Jane()));

        result.Outcome.Should().Be(TribeSsoSignInOutcome.Linked);
        result.Member!.Id.Should().Be(existing.Id);
        result.Member.ExternalId.Should().Be("42");
        result.Member.Email.Should().Be("jane@example.com", "the token's email is applied as sent");
        _community.FindByExternalId("42")!.Id.Should().Be(existing.Id);
    }

    [Test]
    public void SignIn_EmailOfAUserWithAnotherExternalId_IsAConflict()
    {
        _community.AddMember("jane@example.com", "Jane", externalId: "other-system-7");

        var result = _community.SignIn(_issuer.CreateToken(Issuers.Jane()));

        result.Outcome.Should().Be(TribeSsoSignInOutcome.Conflict);
        result.IsSignedIn.Should().BeFalse();
        result.Member.Should().BeNull();
        result.ConflictReason.Should().Contain("already has a different externalId");
        _community.FindByEmail("jane@example.com")!.ExternalId.Should().Be("other-system-7", "a conflict changes nothing");
    }

    [Test]
    public void SignIn_UpdateToAnEmailAnotherUserHas_IsAConflict()
    {
        _community.SignIn(_issuer.CreateToken(Issuers.Jane()));
        _community.AddMember("john@example.com", "John");

        var result = _community.SignIn(_issuer.CreateToken(TribeSsoUser.Create("42", "Jane", "John@Example.com").Build()));

        result.Outcome.Should().Be(TribeSsoSignInOutcome.Conflict);
        _community.FindByExternalId("42")!.Email.Should().Be("jane@example.com");
    }

    [Test]
    public void SignIn_BadToken_IsRejectedWithTheReaderReason()
    {
        var foreign = Issuers.WithClock(_clock, Issuers.Options(TestKeys.Other)).CreateToken(Issuers.Jane());

        var result = _community.SignIn(foreign);

        result.Outcome.Should().Be(TribeSsoSignInOutcome.Rejected);
        result.Rejection!.Code.Should().Be(TribeSsoFindingCode.SignatureInvalid);
        result.RedirectPath.Should().BeNull();
        _community.Members.Should().BeEmpty();
    }

    [Test]
    public void SignIn_ReplayedToken_SignsInAgainUntilItExpires()
    {
        var link = _issuer.CreateLoginUrl(Issuers.Jane());

        var first = _community.SignIn(link);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var replay = _community.SignIn(link);
        _clock.Advance(TimeSpan.FromSeconds(61));
        var late = _community.SignIn(link);

        first.Outcome.Should().Be(TribeSsoSignInOutcome.Created);
        replay.Outcome.Should().Be(TribeSsoSignInOutcome.Updated, "the protocol has no jti: a token is good until it expires, which is why lifetimes are short");
        late.Outcome.Should().Be(TribeSsoSignInOutcome.Rejected);
        late.Rejection!.Code.Should().Be(TribeSsoFindingCode.Expired);
        _community.Members.Should().ContainSingle();
    }

    [Test]
    public void SignIn_ReplaceGroups_ReplacesAndAddToGroups_Adds()
    {
        var jane = TribeSsoUser.Create("42", "Jane", "jane@example.com");
        _community.SignIn(_issuer.CreateToken(jane.ReplaceGroups(TribeGroup.FromId("a"), TribeGroup.Joined("b")).Build()));

        var added = _community.SignIn(_issuer.CreateToken(jane.AddToGroups(TribeGroup.Unapproved("c"), TribeGroup.Joined("a", TribeGroupRole.Admin)).Build()));
        var memberships = added.Member!.Groups.Select(g => g.ToString()).ToList();
        var replaced = _community.SignIn(_issuer.CreateToken(jane.ReplaceGroups(TribeGroup.FromId("d")).Build()));
        var cleared = _community.SignIn(_issuer.CreateToken(jane.RemoveFromAllGroups().Build()));

        memberships.Should().Equal("b (member, joined)", "c (member, unapproved)", "a (admin, joined)");
        replaced.Member!.Groups.Select(g => g.GroupId).Should().Equal("d");
        cleared.Member!.Groups.Should().BeEmpty();
    }

    [Test]
    public void SignIn_WithoutGroupsClaim_KeepsGroupsAndOptionalFields()
    {
        var options = Issuers.Options();
        options.AllowAdminRole = true;
        _community.SignIn(Issuers.WithClock(_clock, options).CreateToken(TribeSsoUser.Create("42", "Jane", "jane@example.com").WithRole(TribeRole.Admin).WithBio("bio").AddToGroups(TribeGroup.FromId("a")).Build()));

        var member = _community.SignIn(_issuer.CreateToken(Issuers.Jane())).Member!;

        member.Groups.Select(g => g.GroupId).Should().Equal("a");
        member.Role.Should().Be(TribeRole.Admin);
        member.Profile.Bio.Should().Be("bio");
    }

    [TestCase("//evil.example")]
    [TestCase("/%2Fevil.example")]
    [TestCase("https://evil.example")]
    public void SignIn_UnsafeRedirectInAHandMadeLink_SendsTheUserHome(string redirect)
    {
        var link = "https://community.example.com/auth/sso?jwt=" + _issuer.CreateToken(Issuers.Jane()) + "&redirect=" + Uri.EscapeDataString(redirect);

        var result = _community.SignIn(link);

        result.IsSignedIn.Should().BeTrue();
        result.RedirectPath.Should().Be("/");
    }

    [Test]
    public void SignIn_WithoutRedirect_GoesHome()
    {
        _community.SignIn(_issuer.CreateLoginUrl(Issuers.Jane())).RedirectPath.Should().Be("/");
    }

    [Test]
    public void SignIn_ManyUsersInParallel_CreatesEachOnceWithUniqueIds()
    {
        var links = Enumerable.Range(0, 200).Select(i => _issuer.CreateLoginUrl(TribeSsoUser.Create("u" + (i % 50), "User", "u" + (i % 50) + "@example.com").Build())).ToArray();

        var results = links.AsParallel().WithDegreeOfParallelism(8).Select(l => _community.SignIn(l)).ToArray();

        results.Count(r => r.Outcome == TribeSsoSignInOutcome.Created).Should().Be(50);
        results.Count(r => r.Outcome == TribeSsoSignInOutcome.Updated).Should().Be(150);
        _community.Members.Select(m => m.Id).Should().OnlyHaveUniqueItems().And.HaveCount(50);
    }

    [Test]
    public void AddMember_DuplicateEmail_Throws()
    {
        _community.AddMember("jane@example.com", "Jane");

        var act = () => _community.AddMember("Jane@Example.com", "Jane again");

        act.Should().Throw<InvalidOperationException>();
    }

    [Test]
    public void Member_ToString_HidesPersonalData()
    {
        var member = _community.SignIn(_issuer.CreateToken(Issuers.Jane())).Member!;

        member.ToString().Should().Be("TribeCommunityMember 000000000000000000000001 (external 42)");
    }
}
