using System;
using System.Collections.Generic;

namespace Tribe.Sso.Testing;

/// <summary>
/// The community's burst limit: at most N requests in any 10 seconds (a sliding window), on the simulator's clock. A
/// refused request is not counted, and its <c>Retry-After</c> says when the oldest counted request leaves the window.
/// </summary>
internal sealed class GatewayRateLimiter
{
    /// <summary>The window the limit counts requests in: 10 seconds.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    private readonly object _gate = new();
    private readonly Queue<DateTimeOffset> _accepted = new();

    /// <summary>Counts a request; when over <paramref name="limit"/>, gives the whole seconds to wait instead.</summary>
    public bool TryAcquire(int limit, DateTimeOffset now, out int retryAfterSeconds)
    {
        lock (_gate)
        {
            while (_accepted.Count > 0 && _accepted.Peek() + Window <= now)
            {
                _accepted.Dequeue();
            }

            if (_accepted.Count < limit)
            {
                _accepted.Enqueue(now);
                retryAfterSeconds = 0;
                return true;
            }

            // Only the oldest of the last `limit` requests matters; older ones beyond it can be forgotten.
            while (_accepted.Count > limit)
            {
                _accepted.Dequeue();
            }

            var wait = _accepted.Peek() + Window - now;
            retryAfterSeconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            return false;
        }
    }
}
