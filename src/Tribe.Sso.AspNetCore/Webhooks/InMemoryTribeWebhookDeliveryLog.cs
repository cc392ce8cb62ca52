using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// The default delivery log: one process's memory, so it de-duplicates the deliveries that reach this instance only.
/// Bounded: at <see cref="MaxEntries"/> ids it drops the expired ones; if none has expired, the tenth of the completed
/// ids that would expire first (a very late retry of one of those may run again, which a busy site prefers to refusing
/// every new event); only when every id is still being handled does it answer
/// <see cref="TribeWebhookClaimOutcome.Unavailable"/> (the community retries). Cost: one dictionary operation per call;
/// a sweep only when the log is full, and then not again for a tenth of its size.
/// </summary>
internal sealed class InMemoryTribeWebhookDeliveryLog(TimeProvider time) : ITribeWebhookDeliveryLog
{
    public const int MaxEntries = 100_000;

    private readonly ConcurrentDictionary<(string Community, string EventId), Entry> _entries = new();

    /// <summary>One sweep at a time: concurrent claims at the limit wait for it instead of each sorting the whole log.</summary>
    private readonly object _sweepGate = new();

    public int Count => _entries.Count;

    public ValueTask<TribeWebhookClaim> TryClaimAsync(string community, string eventId, TimeSpan lease, CancellationToken cancellationToken)
    {
        var key = (community, eventId);
        var now = time.GetUtcNow();
        var claim = new Entry(Guid.NewGuid().ToString(), Completed: false, now + lease);
        while (true)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                if (existing.ExpiresAt > now)
                {
                    return Answer(existing.Completed ? TribeWebhookClaimOutcome.Completed : TribeWebhookClaimOutcome.InProgress);
                }

                // A lapsed claim (its instance crashed or hung) or a forgotten completion: the retry takes it over.
                // When another request changed the entry meanwhile, the loop reads it again.
                if (_entries.TryUpdate(key, claim, existing))
                {
                    return Answer(TribeWebhookClaimOutcome.Claimed, claim.Token);
                }
            }
            else if (_entries.Count >= MaxEntries && !MakeRoom(now))
            {
                return Answer(TribeWebhookClaimOutcome.Unavailable);
            }
            else if (_entries.TryAdd(key, claim))
            {
                return Answer(TribeWebhookClaimOutcome.Claimed, claim.Token);
            }
        }
    }

    public ValueTask CompleteAsync(string community, string eventId, TribeWebhookClaim claim, TimeSpan retention, CancellationToken cancellationToken)
    {
        _entries[(community, eventId)] = new Entry(null, Completed: true, time.GetUtcNow() + retention);
        return default;
    }

    public ValueTask ReleaseAsync(string community, string eventId, TribeWebhookClaim claim, CancellationToken cancellationToken)
    {
        var key = (community, eventId);
        if (_entries.TryGetValue(key, out var existing) && !existing.Completed && existing.Token == claim.Token)
        {
            _entries.TryRemove(new KeyValuePair<(string, string), Entry>(key, existing));
        }

        return default;
    }

    private static ValueTask<TribeWebhookClaim> Answer(TribeWebhookClaimOutcome outcome, string? token = null) => new(new TribeWebhookClaim(outcome, token));

    private bool MakeRoom(DateTimeOffset now)
    {
        lock (_sweepGate)
        {
            return _entries.Count < MaxEntries || Sweep(now) > 0 || EvictOldestCompleted(MaxEntries / 10) > 0;
        }
    }

    private int Sweep(DateTimeOffset now)
    {
        var removed = 0;
        foreach (var entry in _entries)
        {
            if (entry.Value.ExpiresAt <= now && _entries.TryRemove(entry))
            {
                removed++;
            }
        }

        return removed;
    }

    /// <summary>Forgets up to <paramref name="count"/> completed ids, those that would expire first; ids being handled are kept.</summary>
    private int EvictOldestCompleted(int count)
    {
        var oldest = _entries.Where(e => e.Value.Completed).OrderBy(e => e.Value.ExpiresAt).Take(count).ToList();
        return oldest.Count(entry => _entries.TryRemove(entry));
    }

    private sealed record Entry(string? Token, bool Completed, DateTimeOffset ExpiresAt);
}
