using System;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading.Tasks;
using Tribe.Sso.Members.Tests.Support;

namespace Tribe.Sso.Members.Tests.Auth;

public class TokenRenewalTests
{
    private static readonly string Basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Clients.ClientId + ":" + Clients.ClientSecret));

    [Test]
    public async Task AppCredentials_FirstCall_AsksLimitedTokenWithBasicAuthThenSendsBearer()
    {
        var time = Clock.New();
        var handler = ScriptedHandler.FindingJane();
        var members = Clients.App(handler, time);

        await members.FindByExternalIdAsync("42");

        var token = handler.Sent[0];
        token.Field.Should().Be("limitedToken");
        token.Authorization.Should().Be(Basic);
        token.Variable("context").Should().Be("NETWORK");
        token.Variable("networkId").Should().Be(Clients.NetworkId);
        token.Variable("entityId").Should().Be(Clients.NetworkId);
        handler.Sent[1].Authorization.Should().Be("Bearer " + Answers.Jwt(Clock.Start.AddHours(1)));
    }

    [Test]
    public async Task AppToken_BeforeItsRenewalTime_IsReused()
    {
        var time = Clock.New();
        var handler = ScriptedHandler.FindingJane();
        var members = Clients.App(handler, time);

        await members.FindByExternalIdAsync("42");
        time.Advance(TimeSpan.FromMinutes(58));
        await members.FindByExternalIdAsync("42");

        handler.TokenRequests.Should().Be(1);
        handler.Operations.Should().HaveCount(2);
    }

    [Test]
    public async Task AppToken_SixtySecondsBeforeExp_IsRenewed()
    {
        var time = Clock.New();
        var handler = ScriptedHandler.FindingJane();
        handler.OnToken = _ => Task.FromResult(Answers.Token(time.GetUtcNow().AddHours(1)));
        var members = Clients.App(handler, time);

        await members.FindByExternalIdAsync("42");
        time.Advance(TimeSpan.FromMinutes(59));
        await members.FindByExternalIdAsync("42");

        handler.TokenRequests.Should().Be(2);
        handler.Operations[1].Authorization.Should().Be("Bearer " + Answers.Jwt(Clock.Start.AddMinutes(59).AddHours(1)));
    }

    [Test]
    public async Task AppToken_TwentyConcurrentCallsWhileRenewing_OneTokenRequest()
    {
        var time = Clock.New();
        var release = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = ScriptedHandler.FindingJane();
        handler.OnToken = _ => release.Task;
        var members = Clients.App(handler, time);

        var calls = Enumerable.Range(0, 20).Select(_ => Task.Run(() => members.FindByExternalIdAsync("42"))).ToArray();
        while (handler.TokenRequests == 0)
        {
            await Task.Yield();
        }

        release.SetResult(Answers.Token(Clock.Start.AddHours(1)));
        var found = await Task.WhenAll(calls);

        found.Should().OnlyContain(m => m!.Id == "m1");
        handler.TokenRequests.Should().Be(1);
        handler.Operations.Should().HaveCount(20);
    }

    [Test]
    public async Task InvalidTokenCode108_RenewsOnceAndRepeatsTheCall()
    {
        var time = Clock.New();
        var handler = new ScriptedHandler().AnswerInTurn(() => Answers.Error("108"), () => Answers.MemberAnswer("member", Answers.Member("m1", "42", "jane@example.com")));
        var tokens = 0;
        handler.OnToken = _ => Task.FromResult(Answers.Token(Clock.Start.AddHours(1).AddSeconds(++tokens)));
        var members = Clients.App(handler, time);

        var member = await members.FindByExternalIdAsync("42");

        member!.Id.Should().Be("m1");
        handler.TokenRequests.Should().Be(2);
        handler.Operations.Select(o => o.Authorization).Should().OnlyHaveUniqueItems();
    }

    [Test]
    public async Task InvalidTokenCode108_AgainAfterRenewal_ThrowsCredentialsWithoutRenewingAgain()
    {
        var time = Clock.New();
        var handler = new ScriptedHandler().Answer(_ => Answers.Error("108"));
        var members = Clients.App(handler, time);

        var act = () => members.FindByExternalIdAsync("42");

        (await act.Should().ThrowAsync<TribeMembersCredentialsException>()).Which.Message.Should().Contain("even after renewing");
        handler.TokenRequests.Should().Be(2);
        handler.Operations.Should().HaveCount(2);
    }

    [Test]
    public async Task GivenAccessToken_IsSentAsBearerAndNeverRenewed()
    {
        var time = Clock.New();
        var handler = new ScriptedHandler().Answer(_ => Answers.Error("108"));
        var members = Clients.WithToken(handler, time);

        var act = () => members.FindByExternalIdAsync("42");

        (await act.Should().ThrowAsync<TribeMembersCredentialsException>()).Which.Message.Should().Contain("AccessToken").And.NotContain(Clients.GivenAccessToken);
        handler.TokenRequests.Should().Be(0);
        handler.Sent.Should().ContainSingle().Which.Authorization.Should().Be("Bearer " + Clients.GivenAccessToken);
    }

    [TestCase("not-a-jwt")]
    [TestCase("a.%%%.c")]
    [TestCase("a.eyJzdWIiOiJ4In0.c")]
    public async Task AppTokenWithoutReadableExp_IsUsedForFiveMinutes(string accessToken)
    {
        var time = Clock.New();
        var handler = ScriptedHandler.FindingJane();
        handler.OnToken = _ => Task.FromResult(Answers.Data(new() { ["limitedToken"] = new System.Text.Json.Nodes.JsonObject { ["accessToken"] = accessToken } }));
        var members = Clients.App(handler, time);

        await members.FindByExternalIdAsync("42");
        time.Advance(TimeSpan.FromMinutes(2));
        await members.FindByExternalIdAsync("42");
        time.Advance(TimeSpan.FromMinutes(3));
        await members.FindByExternalIdAsync("42");

        handler.TokenRequests.Should().Be(2);
    }

    [Test]
    public async Task AppToken_ExpAlreadyPastByAClockTwoHoursAhead_IsUsed_NotRenewedBeforeEveryCall()
    {
        var time = Clock.New();
        time.Advance(TimeSpan.FromHours(2));
        var handler = ScriptedHandler.FindingJane();
        var members = Clients.App(handler, time);

        for (var i = 0; i < 20; i++)
        {
            await members.FindByExternalIdAsync("42");
        }

        handler.TokenRequests.Should().Be(1, "the community issued the token just now; its exp is past only by this clock");
        handler.Operations.Should().HaveCount(20);
    }

    [Test]
    public async Task AppToken_RenewalFailsWhileTwentyCallersWait_TheyShareItsFailure_InsteadOfRepeatingIt()
    {
        var time = Clock.New();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = ScriptedHandler.FindingJane();
        handler.OnToken = async _ =>
        {
            await release.Task;
            return Answers.Status(System.Net.HttpStatusCode.ServiceUnavailable);
        };
        var members = Clients.App(handler, time, o => o.MaxAttempts = 2);

        var calls = Enumerable.Range(0, 20).Select(_ => Task.Run(() => members.FindByExternalIdAsync("42"))).ToArray();
        while (handler.TokenRequests == 0)
        {
            await Task.Delay(1);
        }

        await Task.Delay(300); // the other 19 callers arrive while the first renewal is on its way
        release.SetResult();
        var all = () => time.Drive(Task.WhenAll(calls));

        await all.Should().ThrowAsync<TribeMembersResponseException>();
        calls.Should().OnlyContain(c => c.IsFaulted && c.Exception!.InnerException is TribeMembersResponseException);
        handler.TokenRequests.Should().Be(2, "one renewal, its first attempt and one retry, whose failure every caller shares");
        handler.Operations.Should().BeEmpty();
    }
}
