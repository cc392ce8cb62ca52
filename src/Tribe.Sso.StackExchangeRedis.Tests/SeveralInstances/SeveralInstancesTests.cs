using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Tribe.Sso.AspNetCore;

namespace Tribe.Sso.StackExchangeRedis.Tests;

/// <summary>
/// Two instances of a partner site, each a Kestrel server of its own, sharing one Redis: the community's at-least-once
/// deliveries, sent to both at the same moment and retried wherever the load balancer sends them, have one effect.
/// </summary>
public class SeveralInstancesTests : RedisFixture
{
    private Runs _runs = null!;
    private PartnerInstance _a = null!;
    private PartnerInstance _b = null!;
    private HttpClient _community = null!;

    [SetUp]
    public async Task StartInstancesAsync()
    {
        _runs = new Runs();
        _a = await PartnerInstance.StartAsync(_runs, w => w.UseRedisDeliveryLog(Redis.ConnectionString));
        _b = await PartnerInstance.StartAsync(_runs, w => w.UseRedisDeliveryLog(Redis.ConnectionString));
        _community = PartnerInstance.CommunityClient();
    }

    [TearDown]
    public async Task StopInstancesAsync()
    {
        _community.Dispose();
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Test]
    public async Task FiftyEvents_EachSentToBothInstancesAtOnce_AndRetriedUntil200_AreEachHandledExactlyOnce()
    {
        var events = Enumerable.Range(0, 50).Select(i => "evt-" + i + "-" + Guid.NewGuid().ToString("N")).ToList();

        var first = await Task.WhenAll(events.SelectMany(id => new[] { _a, _b }.Select(async instance => (id, instance, status: await instance.DeliverAsync(_community, Community.MemberUpdated(id))))));
        var pending = first.Where(d => d.status != HttpStatusCode.OK).ToList();
        for (var round = 0; pending.Count > 0 && round < 50; round++)
        {
            // The community retries each delivery not answered 200, on whichever instance it reaches.
            await Task.Delay(100);
            var retried = await Task.WhenAll(pending.Select(async d => (d.id, d.instance, status: await d.instance.DeliverAsync(_community, Community.MemberUpdated(d.id)))));
            pending = retried.Where(d => d.status != HttpStatusCode.OK).ToList();
        }

        pending.Should().BeEmpty("every delivery is answered 200 once its event ran");
        first.Select(d => d.status).Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.ServiceUnavailable, "a duplicate running elsewhere is a 503, never a 500");
        events.Should().OnlyContain(id => _runs.CompletedOf(id) == 1 && _runs.StartedOf(id) == 1);
        _runs.Completed.Should().HaveCount(50);
    }

    [Test]
    public async Task ASlowHandlersDuplicate_OnTheOtherInstance_Is503WithRetryAfter_Then200_AndTheHandlerRanOnce()
    {
        var id = "slow-" + Guid.NewGuid().ToString("N");
        _a.Behaviour.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var firstRequest = Community.Delivery(_a.Address, Community.MemberUpdated(id));
        var first = _community.SendAsync(firstRequest);
        await _a.Behaviour.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        using var duplicateRequest = Community.Delivery(_b.Address, Community.MemberUpdated(id));
        using var duplicate = await _community.SendAsync(duplicateRequest);

        duplicate.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        duplicate.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromMinutes(2), "the lease: the first instance has that long to finish");
        _a.Behaviour.Gate.SetResult();
        using (var answered = await first)
        {
            answered.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await _b.DeliverAsync(_community, Community.MemberUpdated(id))).Should().Be(HttpStatusCode.OK);
        _runs.StartedOf(id).Should().Be(1);
        _runs.CompletedOf(id).Should().Be(1);
        _b.Logs.GetSnapshot().Should().Contain(r => r.Id.Name == "WebhookDuplicate" && r.Message.Contains("in_progress", StringComparison.Ordinal));
    }

    [Test]
    public async Task AHandlerThatFailsOnInstanceA_IsRunAgainByTheRetryOnInstanceB_AndSucceedsOnce()
    {
        var id = "fail-" + Guid.NewGuid().ToString("N");
        _a.Behaviour.FailuresLeft = 1;

        var onA = await _a.DeliverAsync(_community, Community.MemberUpdated(id));
        var onB = await _b.DeliverAsync(_community, Community.MemberUpdated(id));
        var again = await _a.DeliverAsync(_community, Community.MemberUpdated(id));

        onA.Should().Be(HttpStatusCode.InternalServerError);
        onB.Should().Be(HttpStatusCode.OK, "the failed run released the event, so B's retry claims it");
        again.Should().Be(HttpStatusCode.OK);
        _runs.StartedOf(id).Should().Be(2);
        _runs.CompletedOf(id).Should().Be(1);
    }

    [Test]
    public async Task AThirdInstance_OnTheInMemoryDefaultLog_DoesNotDeduplicateWithTheOthers_AndRunsTheEventAgain()
    {
        var id = "mixed-" + Guid.NewGuid().ToString("N");
        await using var c = await PartnerInstance.StartAsync(_runs, useLog: null);

        var answers = new List<HttpStatusCode>
        {
            await _a.DeliverAsync(_community, Community.MemberUpdated(id)),
            await _b.DeliverAsync(_community, Community.MemberUpdated(id)),
            await c.DeliverAsync(_community, Community.MemberUpdated(id)),
            await c.DeliverAsync(_community, Community.MemberUpdated(id)),
        };

        answers.Should().OnlyContain(s => s == HttpStatusCode.OK);
        _runs.CompletedOf(id).Should().Be(2, "B knew A had run it; C's log is its own memory, so C ran it a second time (and only once on C)");
    }
}
