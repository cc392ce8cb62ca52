using System;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace Tribe.Sso.StackExchangeRedis;

/// <summary>
/// One community whose delivery log is on Redis, and how to reach its Redis: registered by each
/// <c>UseRedisDeliveryLog</c> call, read by the log and by the health check, which pings every one.
/// </summary>
internal sealed class RedisDeliveryLogTarget(string community, Func<IServiceProvider, Func<ValueTask<IConnectionMultiplexer>>> connect, Func<IServiceProvider, string?> password)
{
    /// <summary>Gets the community's registration name; empty for the default community.</summary>
    public string Community { get; } = community;

    /// <summary>Gets the community as messages name it.</summary>
    public string DisplayName => Community.Length == 0 ? "The default community's delivery log" : "The delivery log of community '" + Community + "'";

    /// <summary>Gets the connection, from the application's services.</summary>
    public Func<ValueTask<IConnectionMultiplexer>> Connect(IServiceProvider services) => connect(services);

    /// <summary>Gets the password to cut out of messages, if there is one.</summary>
    public string? Password(IServiceProvider services) => password(services);
}
