using System;
using System.Threading.Tasks;

namespace Tribe.Sso.StackExchangeRedis.Tests;

/// <summary>One multiplexer per connection string, made on first use, reused, and closed with the host, even while it is still connecting.</summary>
public class RedisConnectionTests : RedisFixture
{
    [Test]
    public async Task AConnectionNeverUsed_IsDisposedQuietly_AndRefusesUseAfterwards()
    {
        var connection = new RedisConnection(RedisConnectionString.Parse(Redis.ConnectionString, "test"));

        await connection.DisposeAsync();

        var use = async () => await connection.GetAsync();
        await use.Should().ThrowAsync<ObjectDisposedException>();
    }

    [Test]
    public async Task TheMultiplexer_IsMadeOnce_AndClosedWhenDisposed()
    {
        var connection = new RedisConnection(RedisConnectionString.Parse(Redis.ConnectionString, "test"));

        var first = await connection.GetAsync();
        var second = await connection.GetAsync();
        await connection.DisposeAsync();

        second.Should().BeSameAs(first);
        first.IsConnected.Should().BeFalse("disposing the connection closed it");
    }

    [Test]
    public async Task AConnectStillUnderWay_IsClosedOnceItEnds()
    {
        var connection = new RedisConnection(RedisConnectionString.Parse(Redis.ConnectionString, "test"));

        var pending = connection.GetAsync().AsTask();
        await connection.DisposeAsync();

        (await pending).IsConnected.Should().BeFalse();
    }

    [Test]
    public async Task TheConnections_AreOnePerString_AndForgottenWhenDisposed()
    {
        var connections = new RedisConnections();
        var one = connections.For(RedisConnectionString.Parse(Redis.ConnectionString, "a"));
        var again = connections.For(RedisConnectionString.Parse(Redis.ConnectionString, "b"));
        var other = connections.For(RedisConnectionString.Parse(Redis.ConnectionString + ",name=other", "c"));
        var multiplexer = await one.GetAsync();

        connections.Count.Should().Be(2);
        await connections.DisposeAsync();

        again.Should().BeSameAs(one);
        other.Should().NotBeSameAs(one);
        connections.Count.Should().Be(0);
        multiplexer.IsConnected.Should().BeFalse();
    }
}
