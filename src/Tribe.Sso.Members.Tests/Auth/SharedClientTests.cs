using System;
using System.Threading.Tasks;
using Tribe.Sso.Members.Tests.Support;

namespace Tribe.Sso.Members.Tests.Auth;

/// <summary>
/// <see cref="TribeMembersClient.Share"/>: a client a container may dispose with each request's scope while the client it
/// came from, its app token and renewals, lives on.
/// </summary>
public class SharedClientTests
{
    [Test]
    public async Task Share_SendsWithTheSameAppToken_OneTokenRequestForBoth()
    {
        var time = Clock.New();
        var handler = ScriptedHandler.FindingJane();
        var owner = Clients.App(handler, time);
        var shared = owner.Share();

        await owner.FindByExternalIdAsync("42");
        await shared.FindByExternalIdAsync("42");

        handler.TokenRequests.Should().Be(1);
        handler.Operations.Should().HaveCount(2);
        handler.Operations[1].Authorization.Should().Be(handler.Operations[0].Authorization);
        shared.ApiUrl.Should().Be(owner.ApiUrl);
        shared.ToString().Should().Be(owner.ToString());
    }

    [Test]
    public async Task Share_DisposedAfterEachRequest_LeavesRenewalsWorking_ForItAndTheOwner()
    {
        var time = Clock.New();
        var handler = ScriptedHandler.FindingJane();
        handler.OnToken = _ => Task.FromResult(Answers.Token(time.GetUtcNow().AddHours(1)));
        var owner = Clients.App(handler, time);

        using (var request = owner.Share())
        {
            await request.FindByExternalIdAsync("42");
        }

        time.Advance(TimeSpan.FromMinutes(59));
        var next = owner.Share();
        next.Dispose();
        (await next.FindByExternalIdAsync("42")).Should().NotBeNull("a share has nothing to dispose");
        time.Advance(TimeSpan.FromMinutes(59));
        (await owner.FindByExternalIdAsync("42")).Should().NotBeNull();

        handler.TokenRequests.Should().Be(3, "each call after 59 minutes renewed the token, none was cancelled");
    }

    [Test]
    public async Task Dispose_TheOwner_EndsRenewals_ForItsSharesToo()
    {
        var time = Clock.New();
        var handler = ScriptedHandler.FindingJane();
        var owner = Clients.App(handler, time);
        var shared = owner.Share();

        owner.Dispose();

        await FluentActions.Awaiting(() => shared.FindByExternalIdAsync("42")).Should().ThrowAsync<OperationCanceledException>();
        await FluentActions.Awaiting(() => owner.FindByExternalIdAsync("42")).Should().ThrowAsync<OperationCanceledException>();
        handler.Operations.Should().BeEmpty("no call is sent without a token");
    }
}
