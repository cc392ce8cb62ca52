using System;

namespace Tribe.Sso.StackExchangeRedis.Tests;

/// <summary>The connection string's defaults (no abort on a failed connect, 2-second timeouts unless it sets them) and the password cut out of messages.</summary>
public class RedisConnectionStringTests
{
    [TestCase("redis.internal:6379")]
    [TestCase("redis.internal:6379,abortConnect=true,ssl=false")]
    [TestCase("redis.internal:6379,password=connectTimeout-syncTimeout-asyncTimeout")]
    public void AStringThatSetsNoTimeout_GetsTwoSeconds_AndNeverAbortsOnAFailedConnect(string text)
    {
        var options = RedisConnectionString.Parse(text, "test").Options;

        options.AbortOnConnectFail.Should().BeFalse();
        options.ConnectTimeout.Should().Be(2000);
        options.SyncTimeout.Should().Be(2000);
        options.AsyncTimeout.Should().Be(2000);
    }

    [TestCase("redis.internal:6379,connectTimeout=5001,syncTimeout=5002,asyncTimeout=5003")]
    [TestCase("redis.internal:6379,CONNECTTIMEOUT=5001,SyncTimeout=5002,asynctimeout=5003")]
    public void TheTimeoutsTheStringSets_AreKept(string text)
    {
        var options = RedisConnectionString.Parse(text, "test").Options;

        options.ConnectTimeout.Should().Be(5001);
        options.SyncTimeout.Should().Be(5002);
        options.AsyncTimeout.Should().Be(5003);
    }

    [Test]
    public void OneTimeoutSet_LeavesTheOthersAtTwoSeconds()
    {
        var options = RedisConnectionString.Parse("redis.internal:6379,syncTimeout=7000", "test").Options;

        (options.ConnectTimeout, options.SyncTimeout, options.AsyncTimeout).Should().Be((2000, 7000, 2000));
    }

    [Test]
    public void ThePassword_IsCutOutOfAMessage_EveryTimeItAppears()
    {
        RedisConnectionString.Redact("AUTH s3cret failed; s3cret was refused", "s3cret").Should().Be("AUTH *** failed; *** was refused");
    }

    [Test]
    public void APasswordThatIsAlsoPartOfTheAddress_IsCutOutThereToo()
    {
        RedisConnectionString.Redact("No connection to 127.0.0.1:6379", "6379").Should().Be("No connection to 127.0.0.1:***");
    }

    [TestCase(null)]
    [TestCase("")]
    public void WithoutAPassword_TheMessageIsUnchanged(string? password)
    {
        RedisConnectionString.Redact("No connection to 127.0.0.1:6379", password).Should().Be("No connection to 127.0.0.1:6379");
    }

    [TestCase("", "The default community's delivery log")]
    [TestCase("acme", "The delivery log of community 'acme'")]
    public void ATarget_IsNamedByItsCommunity(string community, string name)
    {
        var target = new RedisDeliveryLogTarget(community, _ => () => throw new NotSupportedException(), _ => null);

        target.DisplayName.Should().Be(name);
    }

    [Test]
    public async System.Threading.Tasks.Task ATargetWithTheApplicationsConnection_ReturnsIt()
    {
        var connection = new FakeRedis().Multiplexer();
        var target = new RedisDeliveryLogTarget("acme", _ => () => System.Threading.Tasks.ValueTask.FromResult(connection), _ => "pw");

        (await target.Connect(null!)()).Should().BeSameAs(connection);
        target.Password(null!).Should().Be("pw");
        target.Community.Should().Be("acme");
    }
}
