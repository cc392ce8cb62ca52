using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>TribeSso:Webhooks: validated at start-up, the secret rotated on reload, health-checked, and named communities.</summary>
public class WebhookSettingsTests
{
    [Test]
    public async Task NoSigningSecret_FailsTheStart_NamingTheSetting()
    {
        var start = () => WebhooksApp.StartAsync(settings: new Dictionary<string, string?> { ["TribeSso:Webhooks:Tolerance"] = "00:05:00" });

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().StartWith("TribeSso:Webhooks:SigningSecret is not set.");
    }

    [TestCase("TribeSso:Webhooks:SigningSecret", " padded-secret-0123456789 ", "TribeSso:Webhooks:SigningSecret is unusable. The webhook signing secret starts or ends with whitespace")]
    [TestCase("TribeSso:Webhooks:Tolerance", "02:00:00", "TribeSso:Webhooks:Tolerance must be between")]
    [TestCase("TribeSso:Webhooks:MaxBodySize", "100", "TribeSso:Webhooks:MaxBodySize must be between")]
    [TestCase("TribeSso:Webhooks:DeliveryRetention", "00:01:00", "TribeSso:Webhooks:DeliveryRetention must be at least")]
    [TestCase("TribeSso:Webhooks:DeliveryRetention", "31.00:00:00", "TribeSso:Webhooks:DeliveryRetention must be at least")]
    [TestCase("TribeSso:Webhooks:ProcessingLease", "00:00:00", "TribeSso:Webhooks:ProcessingLease must be between")]
    [TestCase("TribeSso:Webhooks:Tolerance", "soon", "TribeSso:Webhooks could not be read: a value does not convert.")]
    public async Task ABadSetting_FailsTheStart_WithoutQuotingTheSecret(string key, string value, string message)
    {
        var settings = new Dictionary<string, string?> { ["TribeSso:Webhooks:SigningSecret"] = WebhooksApp.Secret, [key] = value };

        var failure = await ((Func<Task>)(() => WebhooksApp.StartAsync(settings: settings))).Should().ThrowAsync<OptionsValidationException>();

        failure.Which.Message.Should().StartWith(message).And.NotContain("padded-secret").And.NotContain(WebhooksApp.Secret);
    }

    [Test]
    public async Task ARotatedSecret_IsUsedByTheNextDelivery()
    {
        await using var app = await WebhooksApp.StartAsync();
        const string Rotated = "whsec-rotated-0123456789-abcdef";

        app.Configuration.Reload("TribeSso:Webhooks:SigningSecret", Rotated);

        (await app.SendAsync(WebhooksApp.MemberEvent("r1", "member.deleted"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await app.SendAsync(WebhooksApp.MemberEvent("r2", "member.deleted"), secret: Rotated)).StatusCode.Should().Be(HttpStatusCode.OK);
        app.Logs.GetSnapshot().Should().Contain(r => r.Id.Name == "WebhookSettingsApplied");
    }

    [Test]
    public async Task ABadReload_KeepsTheLastSecret_LogsOnce_AndTurnsTheHealthCheckUnhealthy()
    {
        await using var app = await WebhooksApp.StartAsync();
        var health = app.App.Services.GetRequiredService<HealthCheckService>();
        (await health.CheckHealthAsync()).Entries["tribe-sso-webhooks"].Status.Should().Be(HealthStatus.Healthy);

        app.Configuration.Reload("TribeSso:Webhooks:SigningSecret", "");
        app.Configuration.Reload("TribeSso:Webhooks:SigningSecret", "");

        (await app.SendAsync(WebhooksApp.MemberEvent("k1", "member.deleted"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var entry = (await health.CheckHealthAsync()).Entries["tribe-sso-webhooks"];
        entry.Status.Should().Be(HealthStatus.Unhealthy);
        entry.Description.Should().Be("The default community's webhooks: the new settings are refused and the previous ones are still in use. TribeSso:Webhooks:SigningSecret is not set. Store the signing secret of the community app that sends the webhooks in user secrets (dotnet user-secrets set \"TribeSso:Webhooks:SigningSecret\" \"<secret>\"), the environment variable TribeSso__Webhooks__SigningSecret, or your secret store.");
        app.Logs.GetSnapshot().Count(r => r.Id.Name == "WebhookSettingsRefused").Should().Be(1);
    }

    [Test]
    public async Task AReloadThatLeavesTheSettingsAlone_LogsNothing()
    {
        await using var app = await WebhooksApp.StartAsync();

        app.Configuration.Reload("Unrelated:Setting", "changed");
        app.Configuration.Reload("TribeSso:Webhooks:SigningSecret", WebhooksApp.Secret);

        app.Logs.GetSnapshot().Should().NotContain(r => r.Id.Name == "WebhookSettingsApplied" || r.Id.Name == "WebhookSettingsRefused");
    }

    [TestCase("TribeSso:Webhooks:SigningSecret", "whsec-rotated-0123456789-abcdef")]
    [TestCase("TribeSso:Webhooks:Tolerance", "00:04:00")]
    [TestCase("TribeSso:Webhooks:MaxBodySize", "65536")]
    [TestCase("TribeSso:Webhooks:DeliveryRetention", "12:00:00")]
    [TestCase("TribeSso:Webhooks:ProcessingLease", "00:01:00")]
    public async Task AReloadChangingOneSetting_AppliesIt_AndLogsOnce(string key, string value)
    {
        await using var app = await WebhooksApp.StartAsync();

        app.Configuration.Reload(key, value);

        app.Logs.GetSnapshot().Count(r => r.Id.Name == "WebhookSettingsApplied").Should().Be(1);
    }

    [Test]
    public async Task ARefusedReload_ThenTheFormerSettingsAgain_AreAppliedAndHealthy()
    {
        await using var app = await WebhooksApp.StartAsync();
        var health = app.App.Services.GetRequiredService<HealthCheckService>();

        app.Configuration.Reload("TribeSso:Webhooks:SigningSecret", "");
        app.Configuration.Reload("TribeSso:Webhooks:SigningSecret", WebhooksApp.Secret);

        (await health.CheckHealthAsync()).Entries["tribe-sso-webhooks"].Status.Should().Be(HealthStatus.Healthy);
        app.Logs.GetSnapshot().Count(r => r.Id.Name == "WebhookSettingsApplied").Should().Be(1);
    }

    [Test]
    public async Task ANamedCommunity_VerifiesWithItsOwnSecret()
    {
        const string AcmeSecret = "whsec-acme-0123456789-abcdefghij";
        await using var app = await WebhooksApp.StartAsync(
            builder => builder.Services.AddTribeSsoWebhooks("acme", builder.Configuration.GetSection("Communities:acme")).AddHandler<WebhooksApp.RecordingHandler>(),
            new Dictionary<string, string?> { ["TribeSso:Webhooks:SigningSecret"] = WebhooksApp.Secret, ["Communities:acme:Webhooks:SigningSecret"] = AcmeSecret },
            app => app.MapTribeSsoWebhooks("/acme/webhooks").ForCommunity("acme"));

        (await app.SendAsync(WebhooksApp.MemberEvent("a1", "member.deleted"), path: "/acme/webhooks")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await app.SendAsync(WebhooksApp.MemberEvent("a1", "member.deleted"), secret: AcmeSecret, path: "/acme/webhooks")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await app.SendAsync(WebhooksApp.MemberEvent("a1", "member.deleted"))).StatusCode.Should().Be(HttpStatusCode.OK);

        app.Handled.Count("deleted").Should().Be(2, "the two communities' event ids are kept apart");
        (await app.App.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries.Keys.Should().BeEquivalentTo("tribe-sso-webhooks", "tribe-sso-webhooks:acme");
    }

    [Test]
    public void ForCommunity_OfAnUnregisteredName_ThrowsWhenMapped_SayingHowToRegisterIt()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddTribeSsoWebhooks(new ConfigurationBuilder().Build().GetSection("TribeSso"));
        var app = builder.Build();

        var map = () => app.MapTribeSsoWebhooks("/x").ForCommunity("nope");

        map.Should().Throw<InvalidOperationException>().WithMessage("No community named 'nope' has webhooks registered (no named community has). Register them before builder.Build(): builder.Services.AddTribeSsoWebhooks(\"nope\", builder.Configuration.GetSection(\"Communities:nope\")).");
    }

    [Test]
    public void RegisteringACommunityTwice_OrAHandlerTwice_Throws()
    {
        var services = new ServiceCollection();
        var section = new ConfigurationBuilder().Build().GetSection("TribeSso");
        var webhooks = services.AddTribeSsoWebhooks("acme", section).AddHandler<WebhooksApp.RecordingHandler>();

        ((Action)(() => services.AddTribeSsoWebhooks("ACME", section))).Should().Throw<InvalidOperationException>().WithMessage("*already registered*");
        ((Action)(() => webhooks.AddHandler<WebhooksApp.RecordingHandler>())).Should().Throw<InvalidOperationException>().WithMessage("RecordingHandler is already a handler of webhooks of community 'acme'. Add each handler once.");
    }

    [Test]
    public void TheOptions_ToString_HidesTheSecret()
        => new TribeSsoWebhooksOptions { SigningSecret = WebhooksApp.Secret }.ToString().Should().Be("TribeSsoWebhooksOptions { SigningSecret = (hidden), Tolerance = 00:05:00, MaxBodySize = 1048576 }");
}
