using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Tribe.Sso.Members.Tests.Support;

namespace Tribe.Sso.Members.Tests.Resilience;

/// <summary>Retries run on the fake clock: the tests check when each attempt was sent, and never wait for real.</summary>
public class RetryTests
{
    private static HttpResponseMessage Found() => Answers.MemberAnswer("member", Answers.Member("m1", "42", "jane@example.com"));

    [Test]
    public async Task Http429WithRetryAfterSeconds_WaitsThatLongThenSucceeds()
    {
        var time = Clock.New();
        var sentAt = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        var answers = new Func<HttpResponseMessage>[] { () => Answers.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(7)), Found };
        var next = 0;
        var handler = new ScriptedHandler { OnRequest = _ => { sentAt.Enqueue(time.GetUtcNow()); return Task.FromResult(answers[Math.Min(next++, 1)]()); } };
        var members = Clients.App(handler, time);

        var member = await time.Drive(members.FindByExternalIdAsync("42"));

        member!.Id.Should().Be("m1");
        var times = sentAt.ToArray();
        (times[1] - times[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(7)).And.BeLessThan(TimeSpan.FromSeconds(8));
    }

    [Test]
    public async Task RetryAfterAsHttpDate_IsHonoured()
    {
        var time = Clock.New();
        var sentAt = new System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset>();
        var next = 0;
        var handler = new ScriptedHandler
        {
            OnRequest = _ =>
            {
                sentAt.Enqueue(time.GetUtcNow());
                if (next++ > 0)
                {
                    return Task.FromResult(Found());
                }

                var limited = Answers.Error("104");
                limited.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(time.GetUtcNow().AddSeconds(12));
                return Task.FromResult(limited);
            },
        };
        var members = Clients.App(handler, time);

        await time.Drive(members.FindByExternalIdAsync("42"));

        var times = sentAt.ToArray();
        (times[1] - times[0]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromSeconds(11)).And.BeLessThan(TimeSpan.FromSeconds(13));
    }

    [TestCase(HttpStatusCode.InternalServerError)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.ServiceUnavailable)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public async Task TransientServerError_OnQuery_IsRetried(HttpStatusCode status)
    {
        var time = Clock.New();
        var handler = new ScriptedHandler().AnswerInTurn(() => Answers.Status(status), () => Answers.Status(status), Found);
        var members = Clients.App(handler, time);

        (await time.Drive(members.FindByExternalIdAsync("42")))!.Id.Should().Be("m1");
        handler.Operations.Should().HaveCount(3);
    }

    [Test]
    public async Task ServerError_OnIdempotentUpdate_IsRetried()
    {
        var time = Clock.New();
        var handler = new ScriptedHandler().AnswerInTurn(() => Answers.Status(HttpStatusCode.ServiceUnavailable), () => Answers.MemberAnswer("updateMember", Answers.Member("m1", "42", "jane@example.com")));
        var members = Clients.App(handler, time);

        await time.Drive(members.UpdateAsync("m1", new TribeMemberChanges { ExternalId = "42" }));

        handler.Operations.Should().HaveCount(2);
    }

    [Test]
    public async Task ServerError_OnDelete_IsNotRetried()
    {
        var time = Clock.New();
        var handler = new ScriptedHandler().AnswerInTurn(() => Answers.Status(HttpStatusCode.BadGateway), () => Answers.Deleted());
        var members = Clients.App(handler, time);

        var act = () => time.Drive(members.DeleteAsync("m1"));

        var thrown = (await act.Should().ThrowAsync<TribeMembersResponseException>()).Which;
        thrown.StatusCode.Should().Be(502);
        thrown.Message.Should().Contain("was not repeated");
        handler.Operations.Should().ContainSingle();
    }

    [Test]
    public async Task RateLimit_OnDelete_IsRetried()
    {
        var time = Clock.New();
        var handler = new ScriptedHandler().AnswerInTurn(() => Answers.Error("104"), () => Answers.Deleted());
        var members = Clients.App(handler, time);

        await time.Drive(members.DeleteAsync("m1"));

        handler.Operations.Should().HaveCount(2);
    }

    [Test]
    public async Task RateLimitThatLasts_ThrowsRateLimitedWithTheRetryAfterAfterMaxAttempts()
    {
        var time = Clock.New();
        var handler = new ScriptedHandler().Answer(_ => Answers.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(3)));
        var members = Clients.App(handler, time, o => o.MaxAttempts = 3);

        var act = () => time.Drive(members.FindByExternalIdAsync("42"));

        var thrown = (await act.Should().ThrowAsync<TribeMembersRateLimitedException>()).Which;
        thrown.RetryAfter.Should().Be(TimeSpan.FromSeconds(3));
        thrown.Attempts.Should().Be(3);
        thrown.ErrorCode.Should().Be("104");
        handler.Operations.Should().HaveCount(3);
        Errors.ErrorCodeTests.AssertNothingSecret(thrown, handler);
    }

    [Test]
    public async Task RetryAfterBeyondMaxRetryDelay_FailsAtOnce()
    {
        var time = Clock.New();
        var handler = new ScriptedHandler().Answer(_ => Answers.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromHours(5)));
        var members = Clients.App(handler, time);

        var act = () => members.FindByExternalIdAsync("42");

        (await act.Should().ThrowAsync<TribeMembersRateLimitedException>()).Which.RetryAfter.Should().Be(TimeSpan.FromHours(5));
        handler.Operations.Should().ContainSingle();
    }

    [Test]
    public async Task MaxAttemptsOne_NeverRetries()
    {
        var time = Clock.New();
        var handler = new ScriptedHandler().Answer(_ => Answers.Status(HttpStatusCode.ServiceUnavailable));
        var members = Clients.App(handler, time, o => o.MaxAttempts = 1);

        var act = () => members.FindByExternalIdAsync("42");

        (await act.Should().ThrowAsync<TribeMembersResponseException>()).Which.Message.Should().Contain("HTTP 503 (1 attempt)");
        handler.Operations.Should().ContainSingle();
    }

    [Test]
    public async Task ConnectionFailure_IsRetriedThenReported()
    {
        var time = Clock.New();
        var handler = new ScriptedHandler { OnRequest = _ => throw new HttpRequestException("connection refused") };
        var members = Clients.App(handler, time, o => o.MaxAttempts = 2);

        var act = () => time.Drive(members.FindByExternalIdAsync("42"));

        (await act.Should().ThrowAsync<TribeMembersResponseException>()).Which.Message.Should().Contain("did not answer").And.Contain("2 attempts");
        handler.Operations.Should().HaveCount(2);
    }

    [Test]
    public async Task AttemptWithoutAnswer_TimesOutOnTheFakeClockAndIsRetried()
    {
        var time = Clock.New();
        var first = true;
        var handler = new ScriptedHandler
        {
            OnRequest = async r =>
            {
                if (first)
                {
                    first = false;
                    await Task.Delay(Timeout.InfiniteTimeSpan, time, r.Cancellation);
                }

                return Found();
            },
        };
        var members = Clients.App(handler, time, o => o.AttemptTimeout = TimeSpan.FromSeconds(5));

        (await time.Drive(members.FindByExternalIdAsync("42")))!.Id.Should().Be("m1");
        handler.Operations.Should().HaveCount(2);
    }

    [Test]
    public async Task Cancellation_DuringRetryDelay_StopsWithOperationCanceled()
    {
        var time = Clock.New();
        var handler = new ScriptedHandler().Answer(_ => Answers.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(20)));
        var members = Clients.App(handler, time);
        using var cancel = new CancellationTokenSource();

        var call = members.FindByExternalIdAsync("42", cancel.Token);
        while (handler.Operations.Count == 0)
        {
            await Task.Yield();
        }

        await cancel.CancelAsync();

        await FluentActions.Awaiting(() => call).Should().ThrowAsync<OperationCanceledException>();
        handler.Operations.Should().ContainSingle();
    }

    [Test]
    public async Task CancelledBeforeTheCall_SendsNothing()
    {
        var handler = new ScriptedHandler();
        var members = Clients.App(handler, Clock.New());

        var act = () => members.FindByEmailAsync("jane@example.com", new CancellationToken(canceled: true));

        await act.Should().ThrowAsync<OperationCanceledException>();
        handler.Operations.Should().BeEmpty();
    }
}
