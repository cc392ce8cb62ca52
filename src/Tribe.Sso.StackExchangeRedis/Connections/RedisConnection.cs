using System;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace Tribe.Sso.StackExchangeRedis;

/// <summary>
/// One multiplexer for one connection string, connected on first use, not at start-up: the application starts while
/// Redis is down, and the client reconnects by itself once it is back. A failed connect is tried again by the next call.
/// </summary>
internal sealed class RedisConnection(RedisConnectionString connectionString) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private Task<ConnectionMultiplexer>? _connecting;
    private bool _disposed;

    public string? Password => connectionString.Options.Password;

    public async ValueTask<IConnectionMultiplexer> GetAsync()
    {
        Task<ConnectionMultiplexer> connecting;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                _connecting = ConnectionMultiplexer.ConnectAsync(connectionString.Options.Clone());
            }

            connecting = _connecting;
        }

        return await connecting.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Task<ConnectionMultiplexer>? connecting;
        lock (_lock)
        {
            _disposed = true;
            connecting = _connecting;
        }

        if (connecting is null)
        {
            return;
        }

        // A connect still under way is waited for, so that the multiplexer it makes is closed too.
        ConnectionMultiplexer multiplexer;
        try
        {
            multiplexer = await connecting.ConfigureAwait(false);
        }
        catch (RedisException)
        {
            // It never connected: nothing to close.
            return;
        }

        await multiplexer.DisposeAsync().ConfigureAwait(false);
    }
}
