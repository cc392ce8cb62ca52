using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
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
