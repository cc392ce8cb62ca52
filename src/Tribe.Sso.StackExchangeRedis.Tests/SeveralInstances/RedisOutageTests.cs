using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;

namespace Tribe.Sso.StackExchangeRedis.Tests;

/// <summary>
/// Redis killed while two instances receive deliveries, then started again on the same port: nothing runs without a
/// claim, every delivery meanwhile is a 503 (never a 500) and a log line says so, and the community's retries complete
/// once Redis is back, each event run once.
/// </summary>
public class RedisOutageTests : RedisFixture
{
    [Test]
    public async Task RedisStoppedMidRun_Answers503AndRunsNothing_ThenTheRetriesAfterItsRestartRunEachEventOnce()
    {
        var runs = new Runs();
        await using var a = await PartnerInstance.StartAsync(runs, w => w.UseRedisDeliveryLog(Redis.ConnectionString));
        await using var b = await PartnerInstance.StartAsync(runs, w => w.UseRedisDeliveryLog(Redis.ConnectionString));
        using var community = PartnerInstance.CommunityClient();
        var before = "before-" + Guid.NewGuid().ToString("N");
        (await a.DeliverAsync(community, Community.MemberUpdated(before))).Should().Be(HttpStatusCode.OK);

        Redis.Kill();
        var during = Enumerable.Range(0, 10).Select(i => "during-" + i + "-" + Guid.NewGuid().ToString("N")).ToList();
        var answers = await Task.WhenAll(during.SelectMany(id => new[] { a, b }.Select(instance => instance.DeliverAsync(community, Community.MemberUpdated(id)))));

        answers.Should().OnlyContain(s => s == HttpStatusCode.ServiceUnavailable);
        runs.Started.Keys.Should().Equal([before], "no handler runs without a claim");
        var logged = a.Logs.GetSnapshot().Concat(b.Logs.GetSnapshot()).Where(r => r.Id.Name == "WebhookRedisUnavailable").ToList();
        logged.Should().NotBeEmpty();
        logged[0].Id.Id.Should().Be(60);
        logged[0].Message.Should().Contain("claim").And.Contain("answered 503");

        await Redis.RestartAsync();
        foreach (var id in during)
        {
            (await RetryUntil200Async(community, id, a, b)).Should().Be(HttpStatusCode.OK);
        }

        during.Should().OnlyContain(id => runs.StartedOf(id) == 1 && runs.CompletedOf(id) == 1);
        runs.CompletedOf(before).Should().Be(1);
        a.Logs.GetSnapshot().Concat(b.Logs.GetSnapshot()).Should().Contain(r => r.Id.Name == "WebhookRedisAvailable" && r.Id.Id == 61);
    }

    /// <summary>The community's retries of one event, alternating between the instances, until one answers 200.</summary>
    private static async Task<HttpStatusCode> RetryUntil200Async(HttpClient community, string id, PartnerInstance a, PartnerInstance b)
    {
        var status = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 100 && status != HttpStatusCode.OK; attempt++)
        {
            status = await (attempt % 2 == 0 ? a : b).DeliverAsync(community, Community.MemberUpdated(id));
            status.Should().NotBe(HttpStatusCode.InternalServerError);
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(200);
            }
        }

        return status;
    }
}
