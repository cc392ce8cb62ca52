using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace Tribe.Sso.StackExchangeRedis;

/// <summary>
/// The application's Redis connections made from connection strings: one per string, however many communities name it,
/// closed when the host's services are disposed. A multiplexer the application passed in is its own to close.
/// </summary>
internal sealed class RedisConnections : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, RedisConnection> _connections = new(StringComparer.Ordinal);

    /// <summary>Gets how many connection strings are in use.</summary>
    public int Count => _connections.Count;

    public RedisConnection For(RedisConnectionString connectionString)
        => _connections.GetOrAdd(connectionString.Text, static (_, cs) => new RedisConnection(cs), connectionString);

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections.Values)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        _connections.Clear();
    }
}
