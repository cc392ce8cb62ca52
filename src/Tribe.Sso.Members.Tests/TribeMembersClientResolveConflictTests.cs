using System.Linq;
using System.Threading.Tasks;
using Tribe.Sso.Members.Tests.Support;

namespace Tribe.Sso.Members.Tests;

public class TribeMembersClientResolveConflictTests
{
    private static readonly TribeSsoUser Jane = TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").Build();

    /// <summary>A community where no member holds externalId 42, and the email search answers with the given members.</summary>
    private static ScriptedHandler Community(params System.Text.Json.Nodes.JsonObject[] byEmail) => new ScriptedHandler().Answer(r => r.Field switch
    {
        "member" => Answers.Error("110"),
        "members" => Answers.Page(byEmail),
        _ => Answers.MemberAnswer("updateMember", Answers.Member(r.Variable("id")!, r.Variables.GetProperty("input").GetProperty("externalId").GetString(), "jane@example.com")),
    });

    [Test]
    public async Task MemberWithTheEmailHoldsAnotherExternalId_IsRelinked()
    {
        var handler = Community(Answers.Member("m1", "old-7", "Jane@Example.com"));
        var members = Clients.App(handler, Clock.New());

        var fix = await members.ResolveConflictAsync(Jane);

        fix.Outcome.Should().Be(TribeConflictOutcome.Relinked);
        fix.Reason.Should().Be(TribeConflictReason.LinkedToAnotherId);
        fix.MemberId.Should().Be("m1");
        fix.PreviousExternalId.Should().Be("old-7");
        fix.ToString().Should().Be("Relinked: member m1 held externalId old-7 and now holds 42.");
        var update = handler.Operations.Single(o => o.Field == "updateMember");
        update.Variable("id").Should().Be("m1");
        update.Variables.GetProperty("input").EnumerateObject().Select(p => p.Name + "=" + p.Value.GetString()).Should().Equal("externalId=42");
    }

    [Test]
    public async Task SomeoneAlreadyHoldsTheUsersId_NothingToDo()
    {
        var handler = new ScriptedHandler().Answer(_ => Answers.MemberAnswer("member", Answers.Member("m9", "42", "jane@example.com")));
        var members = Clients.App(handler, Clock.New());

        var fix = await members.ResolveConflictAsync(Jane);

        fix.Outcome.Should().Be(TribeConflictOutcome.NothingToDo);
        fix.Reason.Should().Be(TribeConflictReason.AlreadyLinked);
        fix.MemberId.Should().Be("m9");
        handler.Operations.Should().ContainSingle();
    }

    [Test]
    public async Task EmailMemberWithoutExternalId_NothingToDo()
    {
        var handler = Community(Answers.Member("m1", null, "jane@example.com"));
        var members = Clients.App(handler, Clock.New());

        var fix = await members.ResolveConflictAsync(Jane);

        fix.Outcome.Should().Be(TribeConflictOutcome.NothingToDo);
        fix.Reason.Should().Be(TribeConflictReason.NotLinkedYet);
        handler.Operations.Should().NotContain(o => o.Field == "updateMember");
    }

    [Test]
    public async Task NoMemberHasTheEmail_Refused()
    {
        var handler = Community(Answers.Member("m1", "7", "mary.jane@example.com"));
        var members = Clients.App(handler, Clock.New());

        var fix = await members.ResolveConflictAsync(Jane);

        fix.Outcome.Should().Be(TribeConflictOutcome.Refused);
        fix.Reason.Should().Be(TribeConflictReason.NoMemberWithEmail);
        fix.MemberIds.Should().BeEmpty();
        fix.MemberId.Should().BeNull();
        handler.Operations.Should().NotContain(o => o.Field == "updateMember");
    }

    [TestCase("DELETED", TribeMemberStatus.Deleted)]
    [TestCase("BLOCKED", TribeMemberStatus.Blocked)]
    [TestCase("Suspended", TribeMemberStatus.Suspended)]
    [TestCase("REMOVED", TribeMemberStatus.Removed)]
    [TestCase("SOMETHING_NEW", TribeMemberStatus.Unknown)]
    public async Task EmailMemberNotActive_Refused(string status, TribeMemberStatus expected)
    {
        var handler = Community(Answers.Member("m1", "7", "jane@example.com", status));
        var members = Clients.App(handler, Clock.New());

        var fix = await members.ResolveConflictAsync(Jane);

        fix.Outcome.Should().Be(TribeConflictOutcome.Refused);
        fix.Reason.Should().Be(TribeConflictReason.MemberNotActive);
        fix.MemberStatus.Should().Be(expected);
        fix.ToString().Should().Contain("m1").And.NotContain("jane@example.com");
        handler.Operations.Should().NotContain(o => o.Field == "updateMember");
    }

    [Test]
    public async Task TwoMembersWithTheEmailInDifferentCase_Refused()
    {
        var handler = Community(Answers.Member("m1", "7", "jane@example.com"), Answers.Member("m2", "8", "JANE@example.com"));
        var members = Clients.App(handler, Clock.New());

        var fix = await members.ResolveConflictAsync(Jane);

        fix.Outcome.Should().Be(TribeConflictOutcome.Refused);
        fix.Reason.Should().Be(TribeConflictReason.AmbiguousEmail);
        fix.MemberIds.Should().Equal("m1", "m2");
        handler.Operations.Should().NotContain(o => o.Field == "updateMember");
    }

    [Test]
    public async Task CaseVariantOnTheSecondPage_AfterAnExactMatchOnTheFirst_IsSeen_AndTheEmailRefusedAsAmbiguous()
    {
        var handler = new ScriptedHandler().Answer(r => r.Field == "member"
            ? Answers.Error("110")
            : r.Variable("after") is null
                ? Answers.Page(new[] { Answers.Member("m1", "old-1", "jane@example.com") }, "c1")
                : Answers.Page(new[] { Answers.Member("m2", "old-2", "JANE@example.com") }));
        var members = Clients.App(handler, Clock.New());

        var fix = await members.ResolveConflictAsync(Jane);

        fix.Reason.Should().Be(TribeConflictReason.AmbiguousEmail);
        fix.MemberIds.Should().Equal("m1", "m2");
        handler.Operations.Should().NotContain(o => o.Field == "updateMember");
    }
}
