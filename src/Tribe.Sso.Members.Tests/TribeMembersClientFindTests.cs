using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Tribe.Sso.Members.Tests.Support;

namespace Tribe.Sso.Members.Tests;

public class TribeMembersClientFindTests
{
    [Test]
    public async Task FindByExternalIdAsync_Member_MapsItsFields()
    {
        var handler = new ScriptedHandler().Answer(_ => Answers.MemberAnswer("member", Answers.Member("m1", "42", "Jane@Example.com", "UNVERIFIED")));
        var members = Clients.App(handler, Clock.New());

        var member = await members.FindByExternalIdAsync("42");

        member!.Id.Should().Be("m1");
        member.ExternalId.Should().Be("42");
        member.Email.Should().Be("Jane@Example.com");
        member.Name.Should().Be("Jane Doe");
        member.Username.Should().Be("um1");
        member.Status.Should().Be(TribeMemberStatus.Unverified);
        member.CreatedAt.Should().Be(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        handler.Operations.Single().Variable("externalId").Should().Be("42");
    }

    [Test]
    public async Task FindByExternalIdAsync_NotFound_ReturnsNull()
    {
        var handler = new ScriptedHandler().Answer(_ => Answers.Error("110"));
        var members = Clients.App(handler, Clock.New());

        (await members.FindByExternalIdAsync("42")).Should().BeNull();
    }

    [Test]
    public async Task FindByExternalIdAsync_AnswerForAnotherExternalId_ThrowsResponseException()
    {
        var handler = new ScriptedHandler().Answer(_ => Answers.MemberAnswer("member", Answers.Member("m1", "7", "jane@example.com")));
        var members = Clients.App(handler, Clock.New());

        var act = () => members.FindByExternalIdAsync("42");

        await act.Should().ThrowAsync<TribeMembersResponseException>();
    }

    [TestCase("")]
    [TestCase("4\u00002")]
    public async Task FindByExternalIdAsync_InvalidSub_IsRefusedBeforeAnyRequest(string externalId)
    {
        var handler = new ScriptedHandler();
        var members = Clients.App(handler, Clock.New());

        var act = () => members.FindByExternalIdAsync(externalId);

        (await act.Should().ThrowAsync<TribeSsoClaimException>()).Which.ClaimName.Should().Be("sub");
        handler.Sent.Should().BeEmpty();
    }

    [Test]
    public async Task FindByEmailAsync_ExactMatchIgnoringCase_SkipsPartialMatches()
    {
        var handler = new ScriptedHandler().Answer(_ => Answers.Page(new[]
        {
            Answers.Member("m1", "1", "jane@example.com.au"),
            Answers.Member("m2", "2", "mary.jane@example.com"),
            Answers.Member("m3", "3", "JANE@example.COM"),
        }));
        var members = Clients.App(handler, Clock.New());

        var member = await members.FindByEmailAsync("jane@example.com");

        member!.Id.Should().Be("m3");
        var sent = handler.Operations.Single();
        sent.Field.Should().Be("members");
        sent.Variable("query").Should().Be("jane@example.com");
        sent.Variable("after").Should().BeNull();
    }

    [Test]
    public async Task FindByEmailAsync_MatchOnThirdPage_FollowsTheCursor()
    {
        var handler = new ScriptedHandler().Answer(r => r.Variable("after") switch
        {
            null => Answers.Page(new[] { Answers.Member("m1", "1", "xjane@example.com") }, "c1"),
            "c1" => Answers.Page(new[] { Answers.Member("m2", "2", "jane@example.co") }, "c2"),
            _ => Answers.Page(new[] { Answers.Member("m3", "3", "jane@example.com") }),
        });
        var members = Clients.App(handler, Clock.New());

        var member = await members.FindByEmailAsync("jane@example.com");

        member!.Id.Should().Be("m3");
        handler.Operations.Select(o => o.Variable("after")).Should().Equal(null, "c1", "c2");
    }

    [Test]
    public async Task FindByEmailAsync_NoMatchOnAnyPage_ReturnsNull()
    {
        var handler = new ScriptedHandler().AnswerInTurn(
            () => Answers.Page(new[] { Answers.Member("m1", "1", "jane.doe@example.com") }, "c1"),
            () => Answers.Page(Array.Empty<JsonObject>()));
        var members = Clients.App(handler, Clock.New());

        (await members.FindByEmailAsync("jane@example.com")).Should().BeNull();
        handler.Operations.Should().HaveCount(2);
    }

    [Test]
    public async Task FindByEmailAsync_CursorThatRepeats_StopsInsteadOfLooping()
    {
        var handler = new ScriptedHandler().Answer(_ => Answers.Page(new[] { Answers.Member("m1", "1", "other@example.com") }, "same"));
        var members = Clients.App(handler, Clock.New());

        (await members.FindByEmailAsync("jane@example.com")).Should().BeNull();
        handler.Operations.Should().HaveCount(2);
    }

    [Test]
    public async Task FindByEmailAsync_EndlessPages_StopsAtFiftyPages()
    {
        var page = 0;
        var handler = new ScriptedHandler().Answer(_ => Answers.Page(new[] { Answers.Member("m1", "1", "other@example.com") }, "c" + ++page));
        var members = Clients.App(handler, Clock.New());

        (await members.FindByEmailAsync("jane@example.com")).Should().BeNull();
        handler.Operations.Should().HaveCount(TribeMembersClient.MaxSearchPages);
    }

    [Test]
    public async Task FindByEmailAsync_NodesInsteadOfEdges_AreReadToo()
    {
        var handler = new ScriptedHandler().Answer(_ => Answers.Data(new JsonObject
        {
            ["members"] = new JsonObject { ["nodes"] = new JsonArray(Answers.Member("m1", "1", "jane@example.com")), ["pageInfo"] = new JsonObject { ["hasNextPage"] = false } },
        }));
        var members = Clients.App(handler, Clock.New());

        (await members.FindByEmailAsync("jane@example.com"))!.Id.Should().Be("m1");
    }

    [Test]
    public async Task FindByEmailAsync_NotAnAddress_IsRefusedBeforeAnyRequest()
    {
        var handler = new ScriptedHandler();
        var members = Clients.App(handler, Clock.New());

        var act = () => members.FindByEmailAsync("Jane <jane@example.com>");

        (await act.Should().ThrowAsync<TribeSsoClaimException>()).Which.ClaimName.Should().Be("email");
        handler.Sent.Should().BeEmpty();
    }

    [Test]
    public void Member_ToString_ShowsIdsButNeitherEmailNorName()
    {
        var member = new TribeMember("m1", "42", "jane@example.com", "Jane Doe", TribeMemberStatus.Verified);

        member.ToString().Should().Be("TribeMember { Id = m1, ExternalId = 42, Status = Verified }");
    }

    [Test]
    public async Task FindAllByEmailAsync_MatchesOnSeveralPages_ReadsEveryPage_AndReturnsThemAll()
    {
        var handler = new ScriptedHandler().Answer(r => r.Variable("after") switch
        {
            null => Answers.Page(new[] { Answers.Member("m1", "1", "jane@example.com"), Answers.Member("m9", "9", "xjane@example.com") }, "c1"),
            _ => Answers.Page(new[] { Answers.Member("m2", "2", "Jane@Example.com") }),
        });
        var members = Clients.App(handler, Clock.New());

        var all = await members.FindAllByEmailAsync("jane@example.com");

        all.Select(m => m.Id).Should().Equal("m1", "m2");
        handler.Operations.Select(o => o.Variable("after")).Should().Equal(null, "c1");
    }
}
