using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Tribe.Sso.AspNetCore;

namespace Tribe.Sso.StackExchangeRedis.Tests;

/// <summary>AddTribeSsoRedisDeliveryLog: a PING to each community's Redis, healthy, degraded when slow, unhealthy when it does not answer.</summary>
public class RedisDeliveryLogHealthCheckTests : RedisFixture
{
    [Test]
    public async Task ARedisThatAnswers_IsHealthy()
    {
        var report = await CheckAsync(w => w.UseRedisDeliveryLog(Redis.ConnectionString), h => h.AddTribeSsoRedisDeliveryLog());

        report.Status.Should().Be(HealthStatus.Healthy);
        report.Description.Should().MatchRegex(@"^The default community's delivery log: Redis answered PING in [0-9.]+ ms\.$");
    }

    [Test]
    public async Task ARedisSlowerThanTheThreshold_IsDegraded()
    {
        var report = await CheckAsync(w => w.UseRedisDeliveryLog(Inspector), h => h.AddTribeSsoRedisDeliveryLog(slowAfter: TimeSpan.Zero));

        report.Status.Should().Be(HealthStatus.Degraded);
        report.Description.Should().Contain("slower than 0 ms");
    }

    [Test]
    public async Task ARedisThatDoesNotAnswer_IsUnhealthy_AndTheDescriptionHidesThePassword()
    {
        var report = await CheckAsync(w => w.UseRedisDeliveryLog("127.0.0.1:1,password=s3cret-redis-password,connectTimeout=300"), h => h.AddTribeSsoRedisDeliveryLog());

        report.Status.Should().Be(HealthStatus.Unhealthy);
        report.Description.Should().StartWith("The default community's delivery log: Redis does not answer (RedisConnectionException: ")
            .And.EndWith("); deliveries are answered 503 until it does.")
            .And.NotContain("s3cret-redis-password");
    }

    [Test]
    public async Task WithNoCommunityOnRedis_ItSaysToCallUseRedisDeliveryLog()
    {
        var report = await CheckAsync(_ => { }, h => h.AddTribeSsoRedisDeliveryLog(failureStatus: HealthStatus.Degraded));

        report.Status.Should().Be(HealthStatus.Degraded);
        report.Description.Should().Be("No community's delivery log is on Redis. Call UseRedisDeliveryLog on AddTribeSsoWebhooks(…), or remove this health check.");
    }

    [Test]
    public async Task APingOfExactlyTheThreshold_IsHealthy()
    {
        var redis = new FakeRedis { Ping = () => Task.FromResult(TimeSpan.FromMilliseconds(100)) };

        var report = await CheckAsync(w => w.UseRedisDeliveryLog(redis.Multiplexer()), h => h.AddTribeSsoRedisDeliveryLog());

        report.Status.Should().Be(HealthStatus.Healthy);
        report.Description.Should().Be("The default community's delivery log: Redis answered PING in 100 ms.");
    }

    [Test]
    public async Task APingAboveTheDefaultThreshold_IsDegraded_AndTheRoundTripIsShownToATenthOfAMillisecond()
    {
        var redis = new FakeRedis { Ping = () => Task.FromResult(TimeSpan.FromMilliseconds(250.26)) };

        var report = await CheckAsync(w => w.UseRedisDeliveryLog(redis.Multiplexer()), h => h.AddTribeSsoRedisDeliveryLog());

        report.Status.Should().Be(HealthStatus.Degraded);
        report.Description.Should().Be("The default community's delivery log: Redis answered PING in 250.3 ms, slower than 100 ms.");
    }

    [Test]
    public async Task OneCommunityWhoseRedisDoesNotAnswer_MakesTheWholeCheckFail_AndEachCommunityHasItsLine()
    {
        var down = new FakeRedis
        {
            Configuration = "127.0.0.1:6379,password=s3cret-app-password",
            Ping = () => Task.FromException<TimeSpan>(FakeRedis.Unreachable("AUTH s3cret-app-password refused")),
        };
        var up = new FakeRedis { Ping = () => Task.FromResult(TimeSpan.FromMilliseconds(1.5)) };

        var report = await CheckAsync(
            w =>
            {
                w.UseRedisDeliveryLog(down.Multiplexer());
                w.Services.AddTribeSsoWebhooks("acme", new ConfigurationBuilder().Build().GetSection("Communities:acme")).UseRedisDeliveryLog(up.Multiplexer());
            },
            h => h.AddTribeSsoRedisDeliveryLog(failureStatus: HealthStatus.Degraded));

        report.Status.Should().Be(HealthStatus.Degraded, "the failure status given");
        report.Description.Should().Be("The default community's delivery log: Redis does not answer (RedisConnectionException: AUTH *** refused); deliveries are answered 503 until it does. The delivery log of community 'acme': Redis answered PING in 1.5 ms.");
    }

    [Test]
    public async Task AConnectionWhoseConfigurationCannotBeReadBack_HasNoPasswordToCut_AndIsStillChecked()
    {
        var redis = new FakeRedis
        {
            Configuration = "127.0.0.1:6379,not-an-option=1",
            Ping = () => Task.FromException<TimeSpan>(new RedisTimeoutException(CommandFlags.None, "Timeout awaiting response", CommandStatus.Sent)),
        };

        var report = await CheckAsync(w => w.UseRedisDeliveryLog(redis.Multiplexer()), h => h.AddTribeSsoRedisDeliveryLog());

        report.Status.Should().Be(HealthStatus.Unhealthy);
        report.Description.Should().Be("The default community's delivery log: Redis does not answer (RedisTimeoutException: Timeout awaiting response); deliveries are answered 503 until it does.");
    }

    [TestCase(null, HealthStatus.Unhealthy)]
    [TestCase(HealthStatus.Degraded, HealthStatus.Degraded)]
    public void TheCheck_IsRegisteredUnderItsNameAndTags_WithItsFailureStatus(HealthStatus? failureStatus, HealthStatus expected)
    {
        var services = new ServiceCollection();
        services.AddHealthChecks().AddTribeSsoRedisDeliveryLog(failureStatus: failureStatus);
        using var provider = services.BuildServiceProvider();

        var registration = provider.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Single();

        registration.Name.Should().Be("tribe-sso-webhooks-redis");
        registration.Tags.Should().BeEquivalentTo("tribe-sso", "webhooks", "redis");
        registration.FailureStatus.Should().Be(expected);
    }

    [Test]
    public void TheArguments_AreChecked()
    {
        var withoutBuilder = () => ((IHealthChecksBuilder)null!).AddTribeSsoRedisDeliveryLog();
        var negative = () => new ServiceCollection().AddHealthChecks().AddTribeSsoRedisDeliveryLog(slowAfter: TimeSpan.FromMilliseconds(-1));
        var zero = () => new ServiceCollection().AddHealthChecks().AddTribeSsoRedisDeliveryLog(slowAfter: TimeSpan.Zero);

        withoutBuilder.Should().Throw<ArgumentNullException>().WithParameterName("builder");
        negative.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("slowAfter");
        zero.Should().NotThrow();
    }

    private static async Task<HealthReportEntry> CheckAsync(Action<TribeSsoWebhooksBuilder> useLog, Action<IHealthChecksBuilder> addCheck)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["TribeSso:Webhooks:SigningSecret"] = Community.Secret }).Build();
        addCheck(services.AddHealthChecks());
        useLog(services.AddTribeSsoWebhooks(configuration.GetSection("TribeSso")));
        await using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries[TribeSsoRedisHealthChecksBuilderExtensions.HealthCheckName];
    }
}
