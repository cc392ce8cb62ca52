using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>Community names that differ only in case name one configuration section: one of them is refused at registration.</summary>
public class CommunityNameCaseTests
{
    [TestCase("acme", "ACME")]
    [TestCase("Acme", "acme")]
    [TestCase("brand-EU", "Brand-eu")]
    public void AddTribeSso_NameThatDiffersOnlyInCase_IsRefusedNamingBoth(string first, string second)
    {
        var configuration = Configuration();
        var services = new ServiceCollection().AddTribeSso(first, configuration.GetSection("Communities:acme"));

        var again = () => services.AddTribeSso(second, configuration.GetSection("Communities:acme"));

        again.Should().Throw<InvalidOperationException>().WithMessage(
            "A Tribe SSO community named '" + second + "' cannot be registered: '" + first + "' is already, and community names that differ only in case read the same configuration section. Call AddTribeSso(name, …) once per community, each with its own name.");
    }

    [Test]
    public void AddTribeSso_DelegateOverloadWithANameThatDiffersOnlyInCase_IsRefused()
    {
        var services = new ServiceCollection().AddTribeSso("acme", Configuration().GetSection("Communities:acme"));

        var again = () => services.AddTribeSso("ACME", o => o.CommunityUrl = new Uri("https://acme.example.com"));

        again.Should().Throw<InvalidOperationException>().WithMessage("A Tribe SSO community named 'ACME' cannot be registered: 'acme' is already*");
    }

    [Test]
    public async Task HealthChecks_AddedTwice_StartWithOneEntryPerCommunity()
    {
        var configuration = Configuration();
        var services = new ServiceCollection().AddLogging();
        services.AddHealthChecks().AddTribeSso();
        services.AddTribeSso(configuration.GetSection("TribeSso")).AddTribeSso("acme", configuration.GetSection("Communities:acme"));
        services.AddHealthChecks().AddTribeSso();
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        report.Entries.Keys.Should().BeEquivalentTo("tribe-sso", "tribe-sso:acme");
        report.Status.Should().Be(HealthStatus.Healthy);
    }

    private static IConfiguration Configuration() => new ConfigurationBuilder().AddInMemoryCollection(CommunitiesApp.Settings()).Build();
}
