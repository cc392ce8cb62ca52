using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>The default delivery log's rules: claim, complete, release, lapse, and its bound.</summary>
public class InMemoryTribeWebhookDeliveryLogTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private readonly FakeTimeProvider _clock = TestClock.Create();

    [Test]
    public async Task AClaimedId_IsInProgress_ThenCompleted_UntilItsRetentionEnds()
    {
        var log = new InMemoryTribeWebhookDeliveryLog(_clock);
        var claim = await log.TryClaimAsync("", "e1", Lease, default);

        (await log.TryClaimAsync("", "e1", Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.InProgress);
        await log.CompleteAsync("", "e1", claim, TimeSpan.FromHours(1), default);
        (await log.TryClaimAsync("", "e1", Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.Completed);
        _clock.Advance(TimeSpan.FromHours(1));
        (await log.TryClaimAsync("", "e1", Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.Claimed);
    }

    [Test]
    public async Task CommunitiesDoNotShareIds()
    {
        var log = new InMemoryTribeWebhookDeliveryLog(_clock);
        await log.TryClaimAsync("acme", "e1", Lease, default);

        (await log.TryClaimAsync("beta", "e1", Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.Claimed);
    }

    [Test]
    public async Task Release_FreesTheId_ButNotAClaimThatLapsedAndWasTakenOver()
    {
        var log = new InMemoryTribeWebhookDeliveryLog(_clock);
        var first = await log.TryClaimAsync("", "e1", Lease, default);
        _clock.Advance(Lease);
        var second = await log.TryClaimAsync("", "e1", Lease, default);
        second.Outcome.Should().Be(TribeWebhookClaimOutcome.Claimed);
        second.Token.Should().NotBe(first.Token);

        await log.ReleaseAsync("", "e1", first, default);
        (await log.TryClaimAsync("", "e1", Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.InProgress);

        await log.ReleaseAsync("", "e1", second, default);
        (await log.TryClaimAsync("", "e1", Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.Claimed);
    }

    [Test]
    public async Task Release_OfAnIdTheLogDoesNotHold_DoesNothing()
    {
        var log = new InMemoryTribeWebhookDeliveryLog(_clock);
        var claim = await log.TryClaimAsync("", "e1", Lease, default);
        await log.ReleaseAsync("", "e1", claim, default);

        await log.ReleaseAsync("", "e1", claim, default);
        await log.ReleaseAsync("", "never claimed", claim, default);

        log.Count.Should().Be(0);
        (await log.TryClaimAsync("", "e1", Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.Claimed);
    }

    [Test]
    public async Task Release_AfterCompletion_KeepsTheCompletion()
    {
        var log = new InMemoryTribeWebhookDeliveryLog(_clock);
        var claim = await log.TryClaimAsync("", "e1", Lease, default);
        await log.CompleteAsync("", "e1", claim, TimeSpan.FromHours(1), default);

        await log.ReleaseAsync("", "e1", claim, default);

        (await log.TryClaimAsync("", "e1", Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.Completed);
    }

    [Test]
    public async Task WhenFullOfCompletedIds_TheTenthThatExpiresFirstMakesRoom_SoNewEventsStillRun()
    {
        var log = new InMemoryTribeWebhookDeliveryLog(_clock);
        for (var i = 0; i < InMemoryTribeWebhookDeliveryLog.MaxEntries; i++)
        {
            var claim = await log.TryClaimAsync("", "e" + i, Lease, default);
            await log.CompleteAsync("", "e" + i, claim, TimeSpan.FromHours(1) + TimeSpan.FromSeconds(i), default);
        }

        (await log.TryClaimAsync("", "one more", Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.Claimed);

        log.Count.Should().Be((InMemoryTribeWebhookDeliveryLog.MaxEntries * 9 / 10) + 1);
        (await log.TryClaimAsync("", "e0", Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.Claimed, "the id that would expire first was forgotten");
        (await log.TryClaimAsync("", "e" + (InMemoryTribeWebhookDeliveryLog.MaxEntries - 1), Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.Completed);
    }

    [Test]
    public async Task WhenFullOfIdsBeingHandled_ExpiredIdsMakeRoom_AndLiveOnesAreNeverForgotten()
    {
        var log = new InMemoryTribeWebhookDeliveryLog(_clock);
        for (var i = 0; i < InMemoryTribeWebhookDeliveryLog.MaxEntries; i++)
        {
            await log.TryClaimAsync("", "e" + i, Lease, default);
        }

        (await log.TryClaimAsync("", "one more", Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.Unavailable);
        log.Count.Should().Be(InMemoryTribeWebhookDeliveryLog.MaxEntries);

        _clock.Advance(Lease);
        (await log.TryClaimAsync("", "one more", Lease, default)).Outcome.Should().Be(TribeWebhookClaimOutcome.Claimed);
        log.Count.Should().Be(1);
    }
}
