using System;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.Members;

/// <summary>
/// Holds the bearer token: the one given, or the app token obtained with <c>limitedToken</c>, renewed
/// <see cref="RenewEarly"/> before its <c>exp</c> and after the community refuses it. One renewal runs at a time:
/// callers that arrive meanwhile share its outcome, its token or its failure, rather than repeat it with retries of their own.
/// </summary>
internal sealed class TokenCache : IDisposable
{
    /// <summary>How long before <c>exp</c> a token is renewed, so that no request carries a token about to expire.</summary>
    public static readonly TimeSpan RenewEarly = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long a token without a readable <c>exp</c>, or whose <c>exp</c> is already past by the client's clock (a clock
    /// ahead of the community's), is used before it is renewed; sooner if the community refuses it.
    /// </summary>
    public static readonly TimeSpan FallbackLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The least time a just-issued token is used, so a skewed clock never makes every call renew it.</summary>
    public static readonly TimeSpan MinimumUse = TimeSpan.FromSeconds(30);

    private readonly object _gate = new();
    private readonly CancellationTokenSource _disposed = new();
    private readonly Func<CancellationToken, Task<string>>? _obtain;
    private readonly TimeProvider _time;
    private Cached? _current;
    private Task<string>? _renewing;

    public TokenCache(string accessToken, TimeProvider time)
    {
        _current = new Cached(accessToken, DateTimeOffset.MaxValue);
        _time = time;
    }

    public TokenCache(Func<CancellationToken, Task<string>> obtain, TimeProvider time)
    {
        _obtain = obtain;
        _time = time;
    }

    /// <summary>Whether the token can be renewed (app credentials), rather than given.</summary>
    public bool CanRenew => _obtain is not null;

    public Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _current);
        return current is not null && _time.GetUtcNow() < current.RenewAt
            ? Task.FromResult(current.Token)
            : RenewAsync(refused: null, cancellationToken);
    }

    /// <summary>
    /// Obtains a new token, unless another caller already replaced <paramref name="refused"/> (or the stale one), or is
    /// obtaining one now: then its outcome is this call's. The renewal runs until it ends (its own retries and timeouts
    /// bound it) even when every caller waiting for it is cancelled; disposing the cache cancels it.
    /// </summary>
    public Task<string> RenewAsync(string? refused, CancellationToken cancellationToken)
    {
        if (_obtain is null)
        {
            return Task.FromResult(_current!.Token);
        }

        Task<string> renewal;
        TaskCompletionSource<string>? owned = null;
        lock (_gate)
        {
            var current = _current;
            if (_renewing is null && current is not null && current.Token != refused && _time.GetUtcNow() < current.RenewAt)
            {
                return Task.FromResult(current.Token);
            }

            if (_renewing is null)
            {
                owned = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                _renewing = owned.Task;
            }

            renewal = _renewing;
        }

        if (owned is not null)
        {
            _ = RenewSharedAsync(owned);
        }

        return WaitAsync(renewal, cancellationToken);
    }

    /// <summary>Cancels a renewal still running. Repeatable; the source is not disposed, so a late renewal can still read its token.</summary>
    public void Dispose() => _disposed.Cancel();

    private static async Task<string> WaitAsync(Task<string> renewal, CancellationToken cancellationToken)
    {
#if NETSTANDARD2_0
        if (cancellationToken.CanBeCanceled && !renewal.IsCompleted)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(renewal, cancelled.Task).ConfigureAwait(false) != renewal)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }
        }

        return await renewal.ConfigureAwait(false);
#else
        return await renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
#endif
    }

    private async Task RenewSharedAsync(TaskCompletionSource<string> outcome)
    {
        try
        {
            var token = await _obtain!(_disposed.Token).ConfigureAwait(false);
            lock (_gate)
            {
                _current = new Cached(token, RenewAt(token));
                _renewing = null;
            }

            outcome.SetResult(token);
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _renewing = null;
            }

            if (e is OperationCanceledException)
            {
                outcome.SetCanceled();
            }
            else
            {
                outcome.SetException(e);
            }
        }
    }

    /// <summary>
    /// <c>exp</c> less <see cref="RenewEarly"/>, but never before half the token's remaining life nor sooner than
    /// <see cref="MinimumUse"/>; a token whose <c>exp</c> is already past by this clock is used for <see cref="FallbackLifetime"/>.
    /// </summary>
    private DateTimeOffset RenewAt(string token)
    {
        var now = _time.GetUtcNow();
        var read = JwtExpiry.Read(token);
        var expires = read is { } exp && exp > now ? exp : now + FallbackLifetime;
        var early = expires - RenewEarly;
        var half = now + TimeSpan.FromTicks((expires - now).Ticks / 2);
        var renewAt = early > half ? early : half;
        return renewAt > now + MinimumUse ? renewAt : now + MinimumUse;
    }

    private sealed class Cached
    {
        public Cached(string token, DateTimeOffset renewAt)
        {
            Token = token;
            RenewAt = renewAt;
        }

        public string Token { get; }

        public DateTimeOffset RenewAt { get; }
    }
}
