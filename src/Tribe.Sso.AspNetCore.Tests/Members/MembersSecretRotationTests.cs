using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>A members client following its configuration: a rotated secret, a refused rotation, recovery; the secret never shown.</summary>
public class MembersSecretRotationTests
{
    [Test]
    public async Task RotatedSecret_IsUsedByTheNextResolvedClient_WithNoRestart()
    {
        var (host, configuration, recorder, logs) = MembersHost.Build(MembersHost.Settings());
        using var _ = host;
        await host.StartAsync();
        var before = host.Services.GetRequiredService<TribeMembersClient>();

        configuration.Reload("TribeSso:Members:ClientSecret", MembersHost.RotatedSecret);
        var after = host.Services.GetRequiredService<TribeMembersClient>();
        await FindAsync(after);

        after.Should().NotBeSameAs(before);
        recorder.Requests.Should().ContainSingle().Which.Credentials.Should().Be("app-1:" + MembersHost.RotatedSecret);
        var applied = Ours(logs).Should().ContainSingle(e => e.Level == LogLevel.Information).Which;
        (applied.Id.Id, applied.Id.Name).Should().Be((31, "MembersSettingsApplied"), "docs/operations.md lists the event");
        applied.Message.Should().Be("The default Tribe SSO community's members client: new settings are in use for https://eu.api.example.com/graphql");
        host.Services.GetRequiredKeyedService<TribeMembersClient>("acme").Should().BeSameAs(host.Services.GetRequiredKeyedService<TribeMembersClient>("acme"), "acme's settings did not change");
    }

    [Test]
    public async Task RefusedRotation_KeepsTheLastValidClient_AndLogsOneErrorWithoutTheSecret()
    {
        var (host, configuration, recorder, logs) = MembersHost.Build(MembersHost.Settings());
        using var _ = host;
        await host.StartAsync();
        var before = host.Services.GetRequiredKeyedService<TribeMembersClient>("acme");

        var reload = () => configuration.Reload("Communities:acme:Members:ClientSecret", "has a space " + MembersHost.RotatedSecret);

        reload.Should().NotThrow("a refused value never escapes into the configuration provider's reload");
        var kept = host.Services.GetRequiredKeyedService<TribeMembersClient>("acme");
        kept.Should().BeSameAs(before);
        await FindAsync(kept);
        recorder.Requests.Should().ContainSingle().Which.Credentials.Should().Be("acme-app:" + MembersHost.AcmeSecret);
        var error = Ours(logs).Should().ContainSingle(e => e.Level >= LogLevel.Warning).Which;
        error.Level.Should().Be(LogLevel.Error);
        (error.Id.Id, error.Id.Name, error.Category).Should().Be((30, "MembersSettingsRefused", "Tribe.Sso.AspNetCore.TribeMembersCommunity"), "docs/operations.md lists the event");
        error.Message.Should().Be("Tribe SSO community 'acme' members client: the new settings are refused; the previous ones stay in use until the configuration is fixed. "
            + "Communities:acme:Members:ClientSecret contains whitespace, a control character or a non-ASCII character, which an HTTP header cannot carry. Copy the app's client secret from the developer portal into your secret store.");
        error.Message.Should().NotContain(MembersHost.RotatedSecret);

        configuration.Reload("Communities:acme:Members:ClientSecret", MembersHost.RotatedSecret);
        await FindAsync(host.Services.GetRequiredKeyedService<TribeMembersClient>("acme"));
        recorder.Requests.Last().Credentials.Should().Be("acme-app:" + MembersHost.RotatedSecret, "the fixed setting is picked up");
    }

    [Test]
    public async Task UnrelatedReload_KeepsTheClient()
    {
        var (host, configuration, _, logs) = MembersHost.Build(MembersHost.Settings());
        using var _ = host;
        await host.StartAsync();
        var before = host.Services.GetRequiredService<TribeMembersClient>();

        configuration.Reload("Unrelated:Setting", "changed");

        host.Services.GetRequiredService<TribeMembersClient>().Should().BeSameAs(before);
        Ours(logs).Should().BeEmpty();
    }

    [Test]
    public async Task ClientAndItsErrors_NeverShowTheSecret()
    {
        var (host, _, _, logs) = MembersHost.Build(MembersHost.Settings());
        using var _ = host;
        await host.StartAsync();
        var members = host.Services.GetRequiredService<TribeMembersClient>();

        var thrown = await FindAsync(members);

        members.ToString().Should().NotContain(MembersHost.Secret);
        thrown.ToString().Should().NotContain(MembersHost.Secret);
        Ours(logs).Should().NotContain(e => e.Message.Contains(MembersHost.Secret));
    }

    private static List<FakeLogRecord> Ours(FakeLogCollector logs)
        => logs.GetSnapshot().Where(e => e.Category?.StartsWith("Tribe.Sso", StringComparison.Ordinal) == true).ToList();

    private static async Task<TribeMembersException> FindAsync(TribeMembersClient members)
    {
        var find = () => members.FindByExternalIdAsync("42");
        return (await find.Should().ThrowAsync<TribeMembersCredentialsException>()).Which;
    }
}
