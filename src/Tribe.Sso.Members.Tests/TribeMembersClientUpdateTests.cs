using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Tribe.Sso.Members.Tests.Support;

namespace Tribe.Sso.Members.Tests;

public class TribeMembersClientUpdateTests
{
    [Test]
    public async Task UpdateAsync_OnlyGivenFields_AreSent()
    {
        var handler = new ScriptedHandler().Answer(_ => Answers.MemberAnswer("updateMember", Answers.Member("m1", "42", "jane@example.com")));
        var members = Clients.App(handler, Clock.New());

        var member = await members.UpdateAsync("m1", new TribeMemberChanges { ExternalId = "42" });

        member.ExternalId.Should().Be("42");
        var sent = handler.Operations.Single();
        sent.Field.Should().Be("updateMember");
        sent.Variable("id").Should().Be("m1");
        var input = sent.Variables.GetProperty("input");
        input.EnumerateObject().Select(p => p.Name).Should().Equal("externalId");
        input.GetProperty("externalId").GetString().Should().Be("42");
    }

    [Test]
    public async Task UpdateAsync_EveryField_IsSentExactlyAsGiven()
    {
        var handler = new ScriptedHandler().Answer(_ => Answers.MemberAnswer("updateMember", Answers.Member("m1", "42", "Jane@Example.com")));
        var members = Clients.App(handler, Clock.New());

        await members.UpdateAsync("m1", new TribeMemberChanges { ExternalId = "42", Email = "Jane@Example.com", Name = "Jane Q. Doe", Tagline = "Hi", Locale = "fr-CA" });

        var input = handler.Operations.Single().Variables.GetProperty("input");
        input.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()).Should().Equal(new System.Collections.Generic.Dictionary<string, string?>
        {
            ["externalId"] = "42", ["email"] = "Jane@Example.com", ["name"] = "Jane Q. Doe", ["tagline"] = "Hi", ["locale"] = "fr-CA",
        });
    }

    [Test]
    public async Task UpdateAsync_NoChanges_IsRefused()
    {
        var members = Clients.App(new ScriptedHandler(), Clock.New());

        var act = () => members.UpdateAsync("m1", new TribeMemberChanges());

        (await act.Should().ThrowAsync<System.ArgumentException>()).Which.ParamName.Should().Be("changes");
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("m 1")]
    public async Task UpdateAsync_BadMemberId_IsRefused(string id)
    {
        var members = Clients.App(new ScriptedHandler(), Clock.New());

        var act = () => members.UpdateAsync(id, new TribeMemberChanges { Name = "Jane" });

        (await act.Should().ThrowAsync<System.ArgumentException>()).Which.ParamName.Should().Be("memberId");
    }

    [Test]
    public async Task DeleteAsync_Succeeded_SendsTheId()
    {
        var handler = new ScriptedHandler().Answer(_ => Answers.Deleted());
        var members = Clients.App(handler, Clock.New());

        await members.DeleteAsync("m1");

        var sent = handler.Operations.Single();
        sent.Field.Should().Be("deleteMember");
        sent.Query.Should().StartWith("mutation");
        sent.Variable("id").Should().Be("m1");
    }

    [Test]
    public async Task DeleteAsync_UnknownMember_ThrowsNotFoundNamingTheId()
    {
        var handler = new ScriptedHandler().Answer(_ => Answers.Error("110"));
        var members = Clients.App(handler, Clock.New());

        var act = () => members.DeleteAsync("m404");

        var thrown = (await act.Should().ThrowAsync<TribeMembersNotFoundException>()).Which;
        thrown.MemberId.Should().Be("m404");
        thrown.Message.Should().Contain("m404");
    }
}
