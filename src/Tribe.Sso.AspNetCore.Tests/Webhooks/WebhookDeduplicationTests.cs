using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>At least once in, one effect out: the delivery log decides which delivery of an event runs its handler.</summary>
public class WebhookDeduplicationTests
{
    private WebhooksApp _app = null!;

    [SetUp]
    public async Task StartAsync() => _app = await WebhooksApp.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [Test]
    public async Task AnEventDeliveredTwice_RunsOnce_AndBothAre200()
    {
        var body = WebhooksApp.MemberEvent("dup-1", "member.deleted");

        (await _app.SendAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _app.SendAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);

        _app.Handled.Count("deleted").Should().Be(1);
        _app.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Name == "WebhookDuplicate").Which.Message.Should().Contain("dup-1").And.Contain("completed");
    }

    [Test]
    public async Task ARetrySignedAnew_IsStillTheSameEvent()
    {
        var body = WebhooksApp.MemberEvent("dup-2", "member.deleted");
        await _app.SendAsync(body);
        _app.Clock.Advance(TimeSpan.FromMinutes(30));

        (await _app.SendAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);

        _app.Handled.Count("deleted").Should().Be(1);
    }

    [Test]
    public async Task ADuplicateWhileTheFirstRuns_IsAskedToRetryLater_ThenAnswered200WithoutRunningAgain()
    {
        var body = WebhooksApp.MemberEvent("slow-1", "member.updated");
        _app.Handled.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = _app.SendAsync(body);
        await _app.Handled.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var duplicate = await _app.SendAsync(body);

        duplicate.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        duplicate.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromMinutes(2));
        _app.Handled.Gate.SetResult();
        (await first).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _app.SendAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);
        _app.Handled.Count("updated").Should().Be(1);
    }

    [Test]
    public async Task AHandlerThatThrows_Is500_AndTheRetryRunsItAgain()
    {
        var body = WebhooksApp.MemberEvent("fail-1", "member.updated");
        _app.Handled.FailuresLeft = 1;

        var failed = await _app.SendAsync(body);
        var retried = await _app.SendAsync(body);

        failed.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await failed.Content.ReadAsStringAsync()).Should().NotContain("database", "an exception's message is the partner's, not the community's to read");
        retried.StatusCode.Should().Be(HttpStatusCode.OK);
        _app.Handled.Count("updated").Should().Be(1);
        var failure = _app.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Name == "WebhookHandlerFailed").Subject;
        failure.Level.Should().Be(Microsoft.Extensions.Logging.LogLevel.Error);
        failure.Message.Should().Contain("fail-1").And.Contain("InvalidOperationException");
    }

    [Test]
    public async Task ACrashedClaim_LapsesAfterItsLease_AndTheRetryRuns()
    {
        var log = _app.App.Services.GetRequiredService<InMemoryTribeWebhookDeliveryLog>();
        var claim = await log.TryClaimAsync(string.Empty, "crash-1", TimeSpan.FromMinutes(2), default);
        claim.Outcome.Should().Be(TribeWebhookClaimOutcome.Claimed);
        var body = WebhooksApp.MemberEvent("crash-1", "member.deleted");

        (await _app.SendAsync(body)).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        (await _app.SendAsync(body)).StatusCode.Should().Be(HttpStatusCode.OK);

        _app.Handled.Count("deleted").Should().Be(1);
    }

    [Test]
    public async Task EachDelivery_GetsItsOwnScope_SoScopedServicesWork()
    {
        await _app.SendAsync(WebhooksApp.MemberEvent("scope-1", "member.created"));
        await _app.SendAsync(WebhooksApp.MemberEvent("scope-2", "member.created"));

        _app.Handled.Calls.Select(c => c.Scope).Distinct().Should().HaveCount(2);
    }

    [Test]
    public async Task ConcurrentDeliveriesOfOneEvent_RunIt_ExactlyOnce()
    {
        var body = WebhooksApp.MemberEvent("race-1", "member.updated");

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => _app.SendAsync(body)));

        _app.Handled.Count("updated").Should().Be(1);
        answers.Select(a => a.StatusCode).Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.ServiceUnavailable);
    }
}
