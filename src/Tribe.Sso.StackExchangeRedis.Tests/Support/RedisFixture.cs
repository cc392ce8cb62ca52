using System.Threading.Tasks;
using StackExchange.Redis;

namespace Tribe.Sso.StackExchangeRedis.Tests;

/// <summary>A test class's own redis-server, and a connection of the test's to look at its keys.</summary>
public abstract class RedisFixture
{
    internal RedisServer Redis { get; private set; } = null!;

    internal ConnectionMultiplexer Inspector { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartRedisAsync()
    {
        Redis = await RedisServer.StartAsync();
        Inspector = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString + ",abortConnect=false,connectTimeout=2000");
    }

    [OneTimeTearDown]
    public async Task StopRedisAsync()
    {
        await Inspector.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
