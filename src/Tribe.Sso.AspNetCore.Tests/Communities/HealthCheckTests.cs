using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>AddHealthChecks().AddTribeSso(): one entry per community, and its states.</summary>
public class HealthCheckTests
{
    [Test]
    public async Task OneHealthyEntryPerCommunity_IncludingCommunitiesRegisteredAfterTheHealthChecks()
    {
        await using var app = await CommunitiesApp.StartAsync();

        var health = await app.HealthAsync();

        health.Keys.Should().BeEquivalentTo("tribe-sso", "tribe-sso:acme", "tribe-sso:beta");
        health.Values.Should().OnlyContain(e => e.Status == HealthStatus.Healthy);
        health["tribe-sso:acme"].Description.Should().Be("Tribe SSO community 'acme': the settings are valid and in use.");
        health["tribe-sso"].Description.Should().Be("The default Tribe SSO community: the settings are valid and in use.");
    }

    [Test]
    public async Task Tags_AndFailureStatus_AreThoseOfTheRegistration()
    {
        var configuration = new ReloadableConfiguration(CommunitiesApp.Settings());
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddTribeSso("acme", new ConfigurationBuilder().Add(configuration).Build().GetSection("Communities:acme"))
            .AddHealthChecks().AddTribeSso(["ready"]).Services
            .BuildServiceProvider();
        var service = provider.GetRequiredService<HealthCheckService>();
        provider.GetRequiredKeyedService<TribeSsoIssuer>("acme");

        configuration.Reload("Communities:acme:CommunityUrl", "http://acme.example.com");
        var ready = await service.CheckHealthAsync(r => r.Tags.Contains("ready"));

        ready.Entries.Keys.Should().Equal("tribe-sso:acme");
        ready.Entries["tribe-sso:acme"].Status.Should().Be(HealthStatus.Unhealthy);
        ready.Entries["tribe-sso:acme"].Tags.Should().Equal("ready");
        ready.Status.Should().Be(HealthStatus.Unhealthy);
    }

    [Test]
    public async Task NoCommunity_NoEntry()
    {
        await using var provider = new ServiceCollection().AddLogging().AddHealthChecks().AddTribeSso().Services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Entries.Should().BeEmpty();
    }

    [Test]
    public async Task SettingsNeverValid_WithoutAHost_IsUnhealthyAndSaysLinksCannotBeSigned()
    {
        // Without ValidateOnStart (no host), nothing stops an invalid community from being registered: the check says so.
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddTribeSso("acme", s => s.CommunityUrl = new Uri("https://acme.example.com"))
            .AddHealthChecks().AddTribeSso().Services
            .BuildServiceProvider();

        var entry = (await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["tribe-sso:acme"];

        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().StartWith("Tribe SSO community 'acme': no valid settings; links cannot be signed. TribeSsoCommunityOptions[acme]:PrivateKey is not set.");
    }

    [Test]
    public async Task RefusedReload_ThenFixed_GoesUnhealthyThenHealthy()
    {
        var configuration = new ReloadableConfiguration(new Dictionary<string, string?>(CommunitiesApp.Settings()));
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddTribeSso(new ConfigurationBuilder().Add(configuration).Build().GetSection("TribeSso"))
            .AddHealthChecks().AddTribeSso().Services
            .BuildServiceProvider();
        var service = provider.GetRequiredService<HealthCheckService>();
        provider.GetRequiredService<TribeSsoIssuer>();
        var states = new List<HealthStatus> { (await service.CheckHealthAsync()).Entries["tribe-sso"].Status };

        configuration.Reload("TribeSso:PrivateKey", TestKeys.Short);
        states.Add((await service.CheckHealthAsync()).Entries["tribe-sso"].Status);
        configuration.Reload("TribeSso:PrivateKey", TestKeys.Other);
        states.Add((await service.CheckHealthAsync()).Entries["tribe-sso"].Status);

        states.Should().Equal(HealthStatus.Healthy, HealthStatus.Unhealthy, HealthStatus.Healthy);
        (await service.CheckHealthAsync()).Entries.Values.Select(e => e.Description).Should().NotContain(d => d!.Contains(TestKeys.Short, StringComparison.Ordinal));
    }
}
