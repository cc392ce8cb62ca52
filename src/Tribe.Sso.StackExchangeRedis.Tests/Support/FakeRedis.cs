using System;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace Tribe.Sso.StackExchangeRedis.Tests;

/// <summary>
/// A Redis whose answers the test chooses, for what a real server cannot be made to do on demand: a PING of an exact
/// round trip, a PING that fails with a message quoting the password, a claim that lapses between its SET and its GET.
/// </summary>
internal sealed class FakeRedis
{
    /// <summary>Gets the configuration the multiplexer reports, where the application's own connection keeps its password.</summary>
    public string Configuration { get; init; } = "127.0.0.1:6379";

    /// <summary>Gets what PING answers.</summary>
    public Func<Task<TimeSpan>> Ping { get; init; } = () => Task.FromResult(TimeSpan.FromMilliseconds(1));

    /// <summary>Gets how many SETs were sent: each is refused (the key exists).</summary>
    public int Sets => _sets;

    /// <summary>Gets how many GETs were sent: each finds no key (the claim lapsed).</summary>
    public int Gets => _gets;

    private int _sets;
    private int _gets;

    /// <summary>What the client throws when it cannot reach Redis.</summary>
    public static RedisConnectionException Unreachable(string message) => new(ConnectionFailureType.UnableToConnect, CommandFlags.None, message, null, CommandStatus.Unknown);

    public IConnectionMultiplexer Multiplexer()
    {
        var multiplexer = DispatchProxy.Create<IConnectionMultiplexer, Proxy>();
        ((Proxy)(object)multiplexer).Redis = this;
        return multiplexer;
    }

    private object? Answer(MethodInfo method)
    {
        switch (method.Name)
        {
            case "get_Configuration":
                return Configuration;
            case "GetDatabase":
                var database = DispatchProxy.Create<IDatabase, Proxy>();
                ((Proxy)(object)database).Redis = this;
                return database;
            case "PingAsync":
                return Ping();
            case "StringSetAsync":
                // A loop that does not stop fails the test rather than hanging it.
                return Interlocked.Increment(ref _sets) > 10 ? throw new InvalidOperationException("the claim was tried more than 10 times") : Task.FromResult(false);
            case "StringGetAsync":
                Interlocked.Increment(ref _gets);
                return Task.FromResult(RedisValue.Null);
            default:
                throw new NotSupportedException(method.Name);
        }
    }

#pragma warning disable CA1852 // DispatchProxy derives from it at run time.
    internal class Proxy : DispatchProxy
#pragma warning restore CA1852
    {
        public FakeRedis Redis { get; set; } = null!;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => Redis.Answer(targetMethod!);
    }
}
