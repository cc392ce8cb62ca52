using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using StackExchange.Redis;
using Tribe.Sso.AspNetCore;

namespace Tribe.Sso.StackExchangeRedis.Tests;

/// <summary>The log against a real Redis: the key of an event, the claim and its lease, completion, release by token.</summary>
public class RedisTribeWebhookDeliveryLogTests : RedisFixture
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private RedisTribeWebhookDeliveryLog _log = null!;
    private FakeLogger _logger = null!;

    [SetUp]
    public void CreateLog()
    {
        _logger = new FakeLogger();
        _log = new RedisTribeWebhookDeliveryLog(() => ValueTask.FromResult<IConnectionMultiplexer>(Inspector), _logger, password: null);
    }

    private IDatabase Database => Inspector.GetDatabase();

    [TestCase("", "evt-1", "tribe-sso:webhooks:default:")]
    [TestCase("acme", "evt-1", "tribe-sso:webhooks:acme:")]
    [TestCase("Acme", "evt-1", "tribe-sso:webhooks:acme:")]
    public void TheKey_IsNamespacedPerCommunity_AndEndsWithTheSha256OfTheEventId(string community, string eventId, string prefix)
    {
        var key = RedisTribeWebhookDeliveryLog.KeyOf(community, eventId);

        key.Should().Be(prefix + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("evt-1"u8)));
        key.Should().NotContain(eventId);
    }

    [Test]
    public void AnEventIdWithRedisSyntaxOrPersonalData_NeverReachesTheKey()
    {
        var key = RedisTribeWebhookDeliveryLog.KeyOf("acme", "jane@example.com\r\n*1\r\n$8\r\nFLUSHALL\r\n");

        key.Should().MatchRegex("^tribe-sso:webhooks:acme:[0-9a-f]{64}$");
    }

    [Test]
    public async Task AClaim_SetsTheKeyToItsTokenWithTheLease_AndASecondClaimIsInProgress()
    {
        var id = NewId();

        var claim = await _log.TryClaimAsync("acme", id, Lease, default);
        var second = await _log.TryClaimAsync("acme", id, Lease, default);

        claim.Outcome.Should().Be(TribeWebhookClaimOutcome.Claimed);
        claim.Token.Should().MatchRegex("^[0-9a-f]{32}$");
        second.Should().Be(new TribeWebhookClaim(TribeWebhookClaimOutcome.InProgress, null));
        var key = RedisTribeWebhookDeliveryLog.KeyOf("acme", id);
        ((string?)await Database.StringGetAsync(key)).Should().Be(claim.Token);
        (await Database.KeyTimeToLiveAsync(key)).Should().BeCloseTo(Lease, TimeSpan.FromSeconds(5));
        (await _log.TryClaimAsync("other", id, Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.Claimed, "each community has its own keys");
    }

    [Test]
    public async Task Completing_KeepsDoneForTheRetention_AndTheNextClaimIsCompleted()
    {
        var id = NewId();
        var claim = await _log.TryClaimAsync("", id, Lease, default);

        await _log.CompleteAsync("", id, claim, TimeSpan.FromHours(24), default);

        var key = RedisTribeWebhookDeliveryLog.KeyOf("", id);
        ((string?)await Database.StringGetAsync(key)).Should().Be("done");
        (await Database.KeyTimeToLiveAsync(key)).Should().BeCloseTo(TimeSpan.FromHours(24), TimeSpan.FromSeconds(5));
        (await _log.TryClaimAsync("", id, Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.Completed);
    }

    [Test]
    public async Task Releasing_WithTheClaimsToken_FreesTheEvent_ForTheNextDelivery()
    {
        var id = NewId();
        var claim = await _log.TryClaimAsync("", id, Lease, default);

        await _log.ReleaseAsync("", id, claim, default);

        (await Database.KeyExistsAsync(RedisTribeWebhookDeliveryLog.KeyOf("", id))).Should().BeFalse();
        (await _log.TryClaimAsync("", id, Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.Claimed);
    }

    [Test]
    public async Task Releasing_ALapsedClaim_LeavesTheClaimAnotherInstanceTookOver()
    {
        var id = NewId();
        var stale = new TribeWebhookClaim(TribeWebhookClaimOutcome.Claimed, Guid.NewGuid().ToString("N"));
        var current = await _log.TryClaimAsync("", id, Lease, default);

        await _log.ReleaseAsync("", id, stale, default);

        ((string?)await Database.StringGetAsync(RedisTribeWebhookDeliveryLog.KeyOf("", id))).Should().Be(current.Token);
    }

    [Test]
    public async Task Releasing_ACompletedEvent_LeavesItDone()
    {
        var id = NewId();
        var claim = await _log.TryClaimAsync("", id, Lease, default);
        await _log.CompleteAsync("", id, claim, TimeSpan.FromHours(1), default);

        await _log.ReleaseAsync("", id, claim, default);

        (await _log.TryClaimAsync("", id, Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.Completed);
    }

    [Test]
    public async Task AClaimNeitherCompletedNorReleased_LapsesAfterItsLease_AndTheNextDeliveryClaimsIt()
    {
        var id = NewId();
        var crashed = await _log.TryClaimAsync("", id, TimeSpan.FromMilliseconds(150), default);
        (await _log.TryClaimAsync("", id, Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.InProgress);

        await Task.Delay(400);
        var retry = await _log.TryClaimAsync("", id, Lease, default);

        crashed.Outcome.Should().Be(TribeWebhookClaimOutcome.Claimed);
        retry.Outcome.Should().Be(TribeWebhookClaimOutcome.Claimed);
        retry.Token.Should().NotBe(crashed.Token);
    }

    [Test]
    public async Task AnUnreachableRedis_IsUnavailable_NeverAnException_AndTheLogLineHidesThePassword()
    {
        const string password = "s3cret-redis-password";
        await using var connections = new RedisConnections();
        var connectionString = RedisConnectionString.Parse("127.0.0.1:1,password=" + password + ",connectTimeout=300", "test");
        var log = new RedisTribeWebhookDeliveryLog(connections.For(connectionString).GetAsync, _logger, password);

        var claim = await log.TryClaimAsync("acme", "evt-down", Lease, default);
        await log.CompleteAsync("acme", "evt-down", new TribeWebhookClaim(TribeWebhookClaimOutcome.Claimed, "t"), Lease, default);
        await log.ReleaseAsync("acme", "evt-down", new TribeWebhookClaim(TribeWebhookClaimOutcome.Claimed, "t"), default);

        claim.Should().Be(new TribeWebhookClaim(TribeWebhookClaimOutcome.Unavailable, null));
        var records = _logger.Collector.GetSnapshot();
        records.Select(r => r.Id.Id).Should().Equal(60, 60, 60);
        records.Should().OnlyContain(r => r.Id.Name == "WebhookRedisUnavailable" && r.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
        records[0].Message.Should().StartWith("Tribe SSO webhooks, community 'acme': Redis did not claim event evt-down (").And.EndWith("); the delivery is answered 503 so the community retries it; nothing ran");
        records.Should().OnlyContain(r => !r.Message.Contains(password, StringComparison.Ordinal) && r.Exception == null);
    }

    [Test]
    public async Task AClaimThatLapsesBetweenItsSetAndItsGet_IsTriedThreeTimes_ThenAnsweredInProgress()
    {
        var redis = new FakeRedis();
        var log = new RedisTribeWebhookDeliveryLog(() => ValueTask.FromResult(redis.Multiplexer()), _logger, password: null);

        var claim = await log.TryClaimAsync("acme", "evt-lapsing", Lease, default);

        claim.Should().Be(new TribeWebhookClaim(TribeWebhookClaimOutcome.InProgress, null));
        (redis.Sets, redis.Gets).Should().Be((3, 3));
        _logger.Collector.Count.Should().Be(0);
    }

    [Test]
    public async Task EachFailure_IsLogged_AndTheFirstSuccessAfterIt_LogsTheRecoveryOnce_WhicheverOperationItIs()
    {
        var down = false;
        var log = new RedisTribeWebhookDeliveryLog(() => down ? throw FakeRedis.Unreachable("no answer from 10.0.0.7") : ValueTask.FromResult<IConnectionMultiplexer>(Inspector), _logger, password: null);
        var id = NewId();
        var claim = await log.TryClaimAsync("", id, Lease, default);
        _logger.Collector.Count.Should().Be(0, "nothing failed, so nothing recovered");

        down = true;
        await log.CompleteAsync("", id, claim, Lease, default);
        down = false;
        (await log.TryClaimAsync("", id, Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.InProgress, "the key still holds the claim");

        down = true;
        await log.ReleaseAsync("", id, claim, default);
        down = false;
        await log.CompleteAsync("", id, claim, Lease, default);

        down = true;
        (await log.TryClaimAsync("", id, Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.Unavailable);
        down = false;
        await log.ReleaseAsync("", id, claim, default);

        down = true;
        await log.TryClaimAsync("acme", id, Lease, default);
        down = false;
        (await log.TryClaimAsync("acme", id, Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.Claimed);
        await log.CompleteAsync("acme", id, claim, Lease, default);
        await log.TryClaimAsync("acme", id, Lease, default);

        var records = _logger.Collector.GetSnapshot();
        records.Select(r => (r.Id.Id, r.Id.Name, r.Level)).Should().Equal(
            Unavailable, Available, Unavailable, Available, Unavailable, Available, Unavailable, Available);
        records.Select(r => r.Message).Should().Equal(
            "Tribe SSO webhooks, default community: Redis did not complete event " + id + " (RedisConnectionException: no answer from 10.0.0.7); the handler ran, but its completion is not recorded: a delivery of the event after the claim's lease may run it again",
            "Tribe SSO webhooks, default community: Redis answers the delivery log again",
            "Tribe SSO webhooks, default community: Redis did not release event " + id + " (RedisConnectionException: no answer from 10.0.0.7); the claim lapses after its lease, and the community's retry after that runs the event",
            "Tribe SSO webhooks, default community: Redis answers the delivery log again",
            "Tribe SSO webhooks, default community: Redis did not claim event " + id + " (RedisConnectionException: no answer from 10.0.0.7); the delivery is answered 503 so the community retries it; nothing ran",
            "Tribe SSO webhooks, default community: Redis answers the delivery log again",
            "Tribe SSO webhooks, community 'acme': Redis did not claim event " + id + " (RedisConnectionException: no answer from 10.0.0.7); the delivery is answered 503 so the community retries it; nothing ran",
            "Tribe SSO webhooks, community 'acme': Redis answers the delivery log again");
    }

    [Test]
    public async Task WithWarningsOff_AFailureLogsNothing_ButItsRecoveryIsStillLogged()
    {
        var down = true;
        var log = new RedisTribeWebhookDeliveryLog(() => down ? throw FakeRedis.Unreachable("down") : ValueTask.FromResult<IConnectionMultiplexer>(Inspector), _logger, password: null);
        _logger.ControlLevel(LogLevel.Warning, enabled: false);

        (await log.TryClaimAsync("acme", NewId(), Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.Unavailable);
        _logger.Collector.Count.Should().Be(0);
        down = false;
        await log.TryClaimAsync("acme", NewId(), Lease, default);

        _logger.Collector.GetSnapshot().Select(r => r.Id.Id).Should().Equal(61);
    }

    [Test]
    public async Task WithInformationOff_TheRecoveryIsNotLogged_NorLaterWhenItIsOnAgain()
    {
        var down = true;
        var log = new RedisTribeWebhookDeliveryLog(() => down ? throw FakeRedis.Unreachable("down") : ValueTask.FromResult<IConnectionMultiplexer>(Inspector), _logger, password: null);
        _logger.ControlLevel(LogLevel.Information, enabled: false);

        await log.TryClaimAsync("acme", NewId(), Lease, default);
        down = false;
        await log.TryClaimAsync("acme", NewId(), Lease, default);
        _logger.ControlLevel(LogLevel.Information, enabled: true);
        await log.TryClaimAsync("acme", NewId(), Lease, default);

        _logger.Collector.GetSnapshot().Select(r => r.Id.Id).Should().Equal(60);
    }

    private static readonly (int, string, LogLevel) Unavailable = (60, "WebhookRedisUnavailable", LogLevel.Warning);
    private static readonly (int, string, LogLevel) Available = (61, "WebhookRedisAvailable", LogLevel.Information);

    private static string NewId() => "evt-" + Guid.NewGuid().ToString("N");
}
