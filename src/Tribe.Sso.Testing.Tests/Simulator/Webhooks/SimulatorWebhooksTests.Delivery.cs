using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.Testing.Tests.Simulator.Webhooks;

/// <content>How deliveries leave: retried with the same id and body, twice in the duplicates drill, never in a sign-in's way.</content>
public partial class SimulatorWebhooksTests
{
    [Test]
    public async Task DeliveryAnswered500_IsRetriedASecondLater_WithTheSameIdAndBody_SignedAgainAtTheRetrysTime()
    {
        var failures = 0;
        _hooks.Receiver.Answer = (r, _) => r.Name == "member.created" && Interlocked.Increment(ref failures) == 1
            ? WebhookReceiver.Status(HttpStatusCode.InternalServerError)
            : WebhookReceiver.Succeeded(r);

        _hooks.SignIn(Issuers.Jane());
        WebhookFixture.WaitUntil(() => _hooks.Receiver.Events.Count >= 2, "sent member.created and member.verified");
        _hooks.AdvanceUntil(() => _hooks.Receiver.Events.Count(e => e.Name == "member.created") == 2, "retried member.created");
        await _hooks.IdleAsync();

        var created = _hooks.Receiver.Events.Where(e => e.Name == "member.created").ToList();
        created[1].Id.Should().Be(created[0].Id);
        created[1].Body.Should().Equal(created[0].Body);
        created[0].Timestamp.Should().Be("1767225600000");
        long.Parse(created[1].Timestamp, System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(1767225601000, "the retry is signed when it is sent, a second or more later");
        created.Should().OnlyContain(r => r.SignatureValid);
        created[1].Signature.Should().NotBe(created[0].Signature);
    }

    [Test]
    public async Task DeliveryThatTimesOut_IsRetried_WithTheSameId()
    {
        var attempts = 0;
        _hooks.Receiver.Answer = async (r, ct) =>
        {
            if (r.Name == "member.created" && Interlocked.Increment(ref attempts) == 1)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return await WebhookReceiver.Succeeded(r);
        };

        _hooks.SignIn(Issuers.Jane());
        WebhookFixture.WaitUntil(() => _hooks.Receiver.Events.Count == 1, "sent member.created");
        _hooks.AdvanceUntil(() => _hooks.Receiver.Events.Count(e => e.Name == "member.created") == 2, "timed out and retried member.created");
        await _hooks.IdleAsync();

        var created = _hooks.Receiver.Events.Where(e => e.Name == "member.created").ToList();
        created[1].Id.Should().Be(created[0].Id);
        created[1].Body.Should().Equal(created[0].Body);
        _hooks.Receiver.Events.Select(e => e.Name).Should().Contain("member.verified");
    }

    [Test]
    public async Task ConnectionError_IsRetried_AndTheLogSaysConnection()
    {
        var attempts = 0;
        _hooks.Receiver.Answer = (r, _) => r.Type == "TEST" && Interlocked.Increment(ref attempts) == 1
            ? throw new HttpRequestException("Connection refused")
            : WebhookReceiver.Succeeded(r);

        _hooks.SignIn(Issuers.Jane());
        WebhookFixture.WaitUntil(() => Log().Contains("\"connection\"", StringComparison.Ordinal), "recorded the connection error");
        _hooks.AdvanceUntil(() => _hooks.Receiver.All.Count(r => r.Type == "TEST") == 2, "retried the test request");
        await _hooks.IdleAsync();

        Log().Should().NotContain("\"delivered\": false");
    }

    [Test]
    public async Task WebhookDuplicates_DeliversEveryEventTwice_WithTheSameIdAndBody_AndTheTestRequestOnce()
    {
        var hooks = WebhookFixture.Create(o => o.WebhookDuplicates = true);

        hooks.SignIn(Issuers.Jane());
        await hooks.IdleAsync();

        hooks.Receiver.All.Select(r => r.Name).Should().Equal("TEST", "member.created", "member.created", "member.verified", "member.verified");
        var events = hooks.Receiver.Events;
        events[1].Id.Should().Be(events[0].Id);
        events[1].Body.Should().Equal(events[0].Body);
        events[3].Id.Should().Be(events[2].Id);
        events[2].Id.Should().NotBe(events[0].Id);
        events.Should().OnlyContain(r => r.SignatureValid);
    }

    [Test]
    public async Task BlockedEndpoint_DoesNotHoldUpASignInOrAnApiCall()
    {
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hooks.Receiver.Answer = async (r, _) =>
        {
            arrived.TrySetResult();
            await release.Task;
            return await WebhookReceiver.Succeeded(r);
        };

        var first = _hooks.SignIn(Issuers.Jane());
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var second = _hooks.SignIn(TribeSsoUser.Create("7", "Sam Shared", "sam@example.com").Build());
        var sam = _hooks.Simulator.Community.FindByExternalId("7")!;
        var update = _hooks.Bot(UpdateMember, "{\"id\": \"" + sam.Id + "\", \"input\": {\"name\": \"Sam Renamed\"}}");

        first.StatusCode.Should().Be(302);
        second.StatusCode.Should().Be(302);
        update.GetProperty("updateMember").GetProperty("id").GetString().Should().Be(sam.Id);
        release.Task.IsCompleted.Should().BeFalse("every call above returned while the endpoint still held the first delivery");
        _hooks.Receiver.All.Should().ContainSingle("the rest wait on the queue, not in the calls");
        release.SetResult();
        await _hooks.IdleAsync();
        _hooks.Receiver.All.Select(r => r.Name).Should().Equal("TEST", "member.created", "member.verified", "member.created", "member.verified", "member.updated");
    }

    [Test]
    public async Task Deliveries_LeaveOneAtATime_NeverTwoInFlight()
    {
        var inFlight = 0;
        var mostInFlight = 0;
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hooks.Receiver.Answer = async (r, _) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref mostInFlight, now);
            (_hooks.Receiver.All.Count >= 2 ? secondArrived : arrived).TrySetResult();
            await release.Task;
            Interlocked.Decrement(ref inFlight);
            return await WebhookReceiver.Succeeded(r);
        };

        _hooks.SignIn(Issuers.Jane());
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        _hooks.SignIn(TribeSsoUser.Create("7", "Sam Shared", "sam@example.com").Build());

        // Nothing can arrive while the first is held, so this wait always runs out; a second sender would post at once.
        (await Task.WhenAny(secondArrived.Task, Task.Delay(TimeSpan.FromMilliseconds(500)))).Should().NotBeSameAs(secondArrived.Task, "the second sign-in's deliveries wait behind the held one");
        release.SetResult();
        await _hooks.IdleAsync();
        mostInFlight.Should().Be(1);
        _hooks.Receiver.All.Select(r => r.Name).Should().Equal("TEST", "member.created", "member.verified", "member.created", "member.verified");
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    [Test]
    public async Task TestAnsweredWithoutTheEcho_IsAFailedDelivery_RetriedLater_WhileTheEventsGoOn()
    {
        var tests = 0;
        _hooks.Receiver.Answer = (r, _) => r.Type == "TEST" && Interlocked.Increment(ref tests) == 1
            ? Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"type\":\"TEST\",\"status\":\"SUCCEEDED\",\"data\":{\"challenge\":\"not-it\"}}", Encoding.UTF8, "application/json") })
            : WebhookReceiver.Succeeded(r);

        _hooks.SignIn(Issuers.Jane());
        WebhookFixture.WaitUntil(() => _hooks.Receiver.Events.Count == 2, "sent the events");

        Log().Should().Contain("\"lastError\": \"challenge-not-echoed\"");
        _hooks.AdvanceUntil(() => tests == 2, "retried the test request");
        await _hooks.IdleAsync();
        var retried = _hooks.Receiver.All.Where(r => r.Type == "TEST").ToList();
        retried[1].Body.Should().Equal(retried[0].Body, "a retry asks for the same challenge");
        Log().Should().NotContain("challenge-not-echoed");
    }

    [Test]
    public async Task EndpointThatAlwaysFails_IsGivenUpOnAfterTheMaximumAttempts()
    {
        var hooks = WebhookFixture.Create(o => o.WebhookMaxAttempts = 2);
        hooks.Receiver.Answer = (_, _) => WebhookReceiver.Status(HttpStatusCode.ServiceUnavailable);

        hooks.SignIn(Issuers.Jane());
        WebhookFixture.WaitUntil(() => hooks.Receiver.All.Count == 3, "tried each delivery once");
        hooks.AdvanceUntil(() => hooks.Receiver.All.Count == 6, "tried each delivery twice");
        await hooks.IdleAsync();

        hooks.Clock.Advance(TimeSpan.FromMinutes(10));
        Thread.Sleep(100);
        hooks.Receiver.All.Should().HaveCount(6, "two attempts each, then no more");
        var log = System.Text.Json.JsonDocument.Parse(hooks.Simulator.Handle("GET", "/_simulator/webhooks").Body).RootElement;
        log.EnumerateArray().Should().OnlyContain(d => d.GetProperty("attempts").GetInt32() == 2 && d.GetProperty("lastStatus").GetInt32() == 503
            && !d.GetProperty("delivered").GetBoolean() && !d.GetProperty("pending").GetBoolean() && d.GetProperty("lastError").GetString() == "http-status");
    }

    private string Log() => _hooks.Simulator.Handle("GET", "/_simulator/webhooks").Body;
}
