using System;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.Members;

/// <summary>
/// Holds the bearer token: the one given, or the app token obtained with <c>limitedToken</c>, renewed
/// <see cref="RenewEarly"/> before its <c>exp</c> and after the community refuses it. One renewal runs at a time;
/// callers that arrive meanwhile wait for it and share its token.
/// </summary>
internal sealed class TokenCache : IDisposable
{
    /// <summary>How long before <c>exp</c> a token is renewed, so that no request carries a token about to expire.</summary>
    public static readonly TimeSpan RenewEarly = TimeSpan.FromSeconds(60);

    /// <summary>How long a token without a readable <c>exp</c> is used before it is renewed (sooner if refused).</summary>
    public static readonly TimeSpan FallbackLifetime = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _renewal = new(1, 1);
    private readonly Func<CancellationToken, Task<string>>? _obtain;
    private readonly TimeProvider _time;
    private Cached? _current;

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

    /// <summary>Obtains a new token, unless another caller already replaced <paramref name="refused"/> (or the stale one).</summary>
    public async Task<string> RenewAsync(string? refused, CancellationToken cancellationToken)
    {
        if (_obtain is null)
        {
            return _current!.Token;
        }

        await _renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var current = _current;
            if (current is not null && current.Token != refused && _time.GetUtcNow() < current.RenewAt)
            {
                return current.Token;
            }

            var token = await _obtain(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, new Cached(token, RenewAt(token)));
            return token;
        }
        finally
        {
            _renewal.Release();
        }
    }

    public void Dispose() => _renewal.Dispose();

    /// <summary><c>exp</c> less <see cref="RenewEarly"/>, but never before half the token's remaining life.</summary>
    private DateTimeOffset RenewAt(string token)
    {
        var now = _time.GetUtcNow();
        var expires = JwtExpiry.Read(token) ?? now + FallbackLifetime;
        var early = expires - RenewEarly;
        var half = now + TimeSpan.FromTicks((expires - now).Ticks / 2);
        return early > half ? early : half;
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
