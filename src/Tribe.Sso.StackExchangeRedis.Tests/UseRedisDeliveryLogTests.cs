using System;
using System.Collections.Generic;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using Tribe.Sso.AspNetCore;

namespace Tribe.Sso.StackExchangeRedis.Tests;

/// <summary>UseRedisDeliveryLog's three ways to name the Redis, and what it says when the setting is wrong.</summary>
public class UseRedisDeliveryLogTests : RedisFixture
{
    [Test]
    public void WithoutTheSetting_ItThrows_NamingTheKeyAndTheFix()
    {
        var services = new ServiceCollection();
        var webhooks = services.AddTribeSsoWebhooks(Configuration(new()).GetSection("TribeSso"));

        var act = () => webhooks.UseRedisDeliveryLog();

        act.Should().Throw<InvalidOperationException>().WithMessage(
            "TribeSso:Webhooks:Redis is not set. Set it to the connection string of the Redis every instance shares, such as redis.internal:6379,password=…,ssl=true (user secrets, the environment variable TribeSso__Webhooks__Redis, or your secret store), or pass the connection string or an IConnectionMultiplexer to UseRedisDeliveryLog.");
    }

    [Test]
    public void ForANamedCommunity_TheMessageNamesItsSection()
    {
        var services = new ServiceCollection();
        var webhooks = services.AddTribeSsoWebhooks("acme", Configuration(new()).GetSection("Communities:acme"));

        var act = () => webhooks.UseRedisDeliveryLog();

        act.Should().Throw<InvalidOperationException>().WithMessage("Communities:acme:Webhooks:Redis is not set.*");
    }

    [TestCase("password=s3cret-value,ssl=true", "TribeSso:Webhooks:Redis names no Redis server. *")]
    [TestCase("host:6379,s3cret-value=1", "TribeSso:Webhooks:Redis is not a StackExchange.Redis connection string (ArgumentException). *")]
    public void AConnectionStringThatIsNotOne_IsRefused_WithoutQuotingIt(string value, string message)
    {
        var services = new ServiceCollection();
        var webhooks = services.AddTribeSsoWebhooks(Configuration(new() { ["TribeSso:Webhooks:Redis"] = value }).GetSection("TribeSso"));

        var act = () => webhooks.UseRedisDeliveryLog();

        act.Should().Throw<InvalidOperationException>().WithMessage(message).Which.Message.Should().NotContain("s3cret-value");
    }

    [Test]
    public async Task TheSetting_IsRead_AndTwoCommunitiesNamingOneRedis_ShareOneConnection_ClosedWithTheHost()
    {
        var runs = new Runs();
        var instance = await PartnerInstance.StartAsync(
            runs,
            w => w.UseRedisDeliveryLog(),
            configure: builder => builder.Services.AddTribeSsoWebhooks("acme", builder.Configuration.GetSection("Communities:acme")).AddHandler<CountingHandler>().UseRedisDeliveryLog(Redis.ConnectionString),
            map: app => app.MapTribeSsoWebhooks("/acme/webhooks").ForCommunity("acme"),
            settings: new Dictionary<string, string?>
            {
                ["TribeSso:Webhooks:SigningSecret"] = Community.Secret,
                ["TribeSso:Webhooks:Redis"] = Redis.ConnectionString,
                ["Communities:acme:Webhooks:SigningSecret"] = Community.Secret,
            });
        using var community = PartnerInstance.CommunityClient();
        var id = "shared-" + Guid.NewGuid().ToString("N");

        (await instance.DeliverAsync(community, Community.MemberUpdated(id))).Should().Be(HttpStatusCode.OK);
        using var acme = Community.Delivery(instance.Address, Community.MemberUpdated(id));
        acme.RequestUri = new Uri(instance.Address, "/acme/webhooks");
        (await community.SendAsync(acme)).StatusCode.Should().Be(HttpStatusCode.OK);

        runs.CompletedOf(id).Should().Be(2, "each community has its own keys");
        (await Inspector.GetDatabase().KeyExistsAsync(RedisTribeWebhookDeliveryLog.KeyOf("acme", id))).Should().BeTrue();
        var connections = instance.App.Services.GetRequiredService<RedisConnections>();
        connections.Count.Should().Be(1);
        var multiplexer = await connections.For(RedisConnectionString.Parse(Redis.ConnectionString, "test")).GetAsync();
        multiplexer.IsConnected.Should().BeTrue();
        await instance.DisposeAsync();
        multiplexer.IsConnected.Should().BeFalse("the host closed it");
    }

    [Test]
    public async Task TheApplicationsOwnMultiplexer_IsUsed_AndLeftOpen()
    {
        var runs = new Runs();
        var instance = await PartnerInstance.StartAsync(runs, w => w.UseRedisDeliveryLog(Inspector));
        using var community = PartnerInstance.CommunityClient();
        var id = "own-" + Guid.NewGuid().ToString("N");

        (await instance.DeliverAsync(community, Community.MemberUpdated(id))).Should().Be(HttpStatusCode.OK);
        await instance.DisposeAsync();

        ((string?)await Inspector.GetDatabase().StringGetAsync(RedisTribeWebhookDeliveryLog.KeyOf("", id))).Should().Be("done");
        Inspector.IsConnected.Should().BeTrue();
    }

    [Test]
    public void TheArguments_AreChecked_NamingTheParameter()
    {
        var webhooks = new ServiceCollection().AddTribeSsoWebhooks(Configuration(new()).GetSection("TribeSso"));
        TribeSsoWebhooksBuilder none = null!;

        FluentActions.Invoking(() => none.UseRedisDeliveryLog()).Should().Throw<ArgumentNullException>().WithParameterName("builder");
        FluentActions.Invoking(() => none.UseRedisDeliveryLog(Redis.ConnectionString)).Should().Throw<ArgumentNullException>().WithParameterName("builder");
        FluentActions.Invoking(() => none.UseRedisDeliveryLog(Inspector)).Should().Throw<ArgumentNullException>().WithParameterName("builder");
        FluentActions.Invoking(() => webhooks.UseRedisDeliveryLog((IConnectionMultiplexer)null!)).Should().Throw<ArgumentNullException>().WithParameterName("connection");
        FluentActions.Invoking(() => webhooks.UseRedisDeliveryLog((string)null!)).Should().Throw<ArgumentNullException>().WithParameterName("connectionString");
        FluentActions.Invoking(() => webhooks.UseRedisDeliveryLog(" ")).Should().Throw<ArgumentException>().WithParameterName("connectionString");
    }

    [Test]
    public void AConnectionStringNamingNoServer_IsRefused_NamingItWithoutQuotingIt()
    {
        var webhooks = new ServiceCollection().AddTribeSsoWebhooks(Configuration(new()).GetSection("TribeSso"));

        var act = () => webhooks.UseRedisDeliveryLog("password=s3cret-value");

        act.Should().Throw<ArgumentException>().WithMessage("The Redis connection string names no Redis server. Write host:port and options separated by commas, such as redis.internal:6379,password=…,ssl=true.");
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
