using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>
/// AddTribeSsoWebhooks, MapTribeSsoWebhooks and ForCommunity: their argument checks, their messages, what they register
/// and name; the settings' bounds at both sides; the health check's answers; reloads per community.
/// </summary>
public class WebhookRegistrationTests
{
    private static readonly IConfigurationSection Section = new ConfigurationBuilder().Build().GetSection("TribeSso");

    [Test]
    public void AddTribeSsoWebhooks_RefusesMissingArguments_NamingThem()
    {
        var services = new ServiceCollection();

        ((Action)(() => TribeSsoWebhooksServiceCollectionExtensions.AddTribeSsoWebhooks(null!, Section))).Should().Throw<ArgumentNullException>().WithParameterName("services");
        ((Action)(() => services.AddTribeSsoWebhooks((IConfiguration)null!))).Should().Throw<ArgumentNullException>().WithParameterName("communitySection");
        ((Action)(() => TribeSsoWebhooksServiceCollectionExtensions.AddTribeSsoWebhooks(null!, "acme", Section))).Should().Throw<ArgumentNullException>().WithParameterName("services");
        ((Action)(() => services.AddTribeSsoWebhooks(null!, Section))).Should().Throw<ArgumentNullException>().WithParameterName("name");
        ((Action)(() => services.AddTribeSsoWebhooks(string.Empty, Section))).Should().Throw<ArgumentException>().WithParameterName("name");
        ((Action)(() => services.AddTribeSsoWebhooks("two words", Section))).Should().Throw<ArgumentException>().WithParameterName("name");
        ((Action)(() => services.AddTribeSsoWebhooks("acme", null!))).Should().Throw<ArgumentNullException>().WithParameterName("communitySection");
        services.Should().BeEmpty("nothing is registered by a refused call");
    }

    [Test]
    public void RegisteringACommunityTwice_SaysHowToRegisterEachOnce()
    {
        var services = new ServiceCollection();
        services.AddTribeSsoWebhooks(Section);
        services.AddTribeSsoWebhooks("acme", Section);

        ((Action)(() => services.AddTribeSsoWebhooks(Section))).Should().Throw<InvalidOperationException>().WithMessage(
            "The default community's webhooks are already registered. Call AddTribeSsoWebhooks(section) once, and AddTribeSsoWebhooks(name, section) for each other community.");
        ((Action)(() => services.AddTribeSsoWebhooks("Acme", Section))).Should().Throw<InvalidOperationException>().WithMessage(
            "Webhooks of the community 'Acme' are already registered (names are compared ignoring case). Call AddTribeSsoWebhooks(name, section) once per community.");
    }

    [Test]
    public void OnABareServiceCollection_TheCommunityResolves_WithItsMetrics()
    {
        var services = new ServiceCollection();
        services.AddTribeSsoWebhooks(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["TribeSso:Webhooks:SigningSecret"] = WebhooksApp.Secret }).Build().GetSection("TribeSso"));
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredKeyedService<TribeWebhooksCommunity>(string.Empty).HasVerifier.Should().BeTrue();
    }

    [Test]
    public void MapTribeSsoWebhooks_RefusesMissingArguments_NamingThem()
    {
        var app = BuildApp();

        ((Action)(() => TribeSsoWebhooksEndpointRouteBuilderExtensions.MapTribeSsoWebhooks(null!, "/x"))).Should().Throw<ArgumentNullException>().WithParameterName("endpoints");
        ((Action)(() => app.MapTribeSsoWebhooks(null!))).Should().Throw<ArgumentNullException>().WithParameterName("pattern");
    }

    [Test]
    public void TheEndpoint_IsNamedAfterItsCommunity()
    {
        var app = BuildApp(s => s.AddTribeSsoWebhooks("acme", Section));
        app.MapTribeSsoWebhooks("/default");
        app.MapTribeSsoWebhooks("/acme").ForCommunity("acme");

        var names = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToDictionary(e => e.RoutePattern.RawText!, e => e.DisplayName);

        names.Should().Equal(new Dictionary<string, string?> { ["/default"] = "Tribe SSO: community webhooks", ["/acme"] = "Tribe SSO: community webhooks 'acme'" });
    }

    [Test]
    public void ForCommunity_RefusesAnInvalidName_ASecondCall_AndAnUnknownName_ListingTheKnownOnes()
    {
        var app = BuildApp(s =>
        {
            s.AddTribeSsoWebhooks("acme", Section);
            s.AddTribeSsoWebhooks("beta", Section);
        });
        var endpoint = app.MapTribeSsoWebhooks("/x");

        ((Action)(() => endpoint.ForCommunity(string.Empty))).Should().Throw<ArgumentException>().WithParameterName("name");
        ((Action)(() => endpoint.ForCommunity("nope"))).Should().Throw<InvalidOperationException>().WithMessage(
            "No community named 'nope' has webhooks registered (registered: 'acme', 'beta'). Register them before builder.Build(): builder.Services.AddTribeSsoWebhooks(\"nope\", builder.Configuration.GetSection(\"Communities:nope\")).");
        endpoint.ForCommunity("acme");
        ((Action)(() => endpoint.ForCommunity("beta"))).Should().Throw<InvalidOperationException>().WithMessage(
            "This endpoint already receives the webhooks of the community 'acme'. Call ForCommunity once per endpoint.");
    }

    [TestCase("Tolerance", "00:00:01")]
    [TestCase("Tolerance", "01:00:00")]
    [TestCase("MaxBodySize", "1024")]
    [TestCase("MaxBodySize", "16777216")]
    [TestCase("DeliveryRetention", "00:05:00")]
    [TestCase("DeliveryRetention", "30.00:00:00")]
    [TestCase("ProcessingLease", "00:00:01")]
    [TestCase("ProcessingLease", "01:00:00")]
    public void EachBound_IsAccepted(string setting, string value)
    {
        var options = Options(setting, value);

        options.Check("P", TimeProvider.System, out var verifier).Should().BeNull();
        verifier.Should().NotBeNull();
    }

    [TestCase("Tolerance", "00:00:00.9990000", "P:Tolerance must be between 00:00:01 and 01:00:00; the community's own apps use 00:05:00.")]
    [TestCase("Tolerance", "01:00:00.0010000", "P:Tolerance must be between 00:00:01 and 01:00:00; the community's own apps use 00:05:00.")]
    [TestCase("MaxBodySize", "1023", "P:MaxBodySize must be between 1024 and 16777216 bytes; the default is 1048576 (1 MiB).")]
    [TestCase("MaxBodySize", "16777217", "P:MaxBodySize must be between 1024 and 16777216 bytes; the default is 1048576 (1 MiB).")]
    [TestCase("DeliveryRetention", "00:04:59.9990000", "P:DeliveryRetention must be at least P:Tolerance, so that a replay inside the signature window is still recognised, and at most 30.00:00:00; the default is 1.00:00:00.")]
    [TestCase("DeliveryRetention", "30.00:00:00.0010000", "P:DeliveryRetention must be at least P:Tolerance, so that a replay inside the signature window is still recognised, and at most 30.00:00:00; the default is 1.00:00:00.")]
    [TestCase("ProcessingLease", "00:00:00.9990000", "P:ProcessingLease must be between 00:00:01 and 01:00:00; the default is 00:02:00.")]
    [TestCase("ProcessingLease", "01:00:00.0010000", "P:ProcessingLease must be between 00:00:01 and 01:00:00; the default is 00:02:00.")]
    [TestCase("SigningSecret", " padded-secret-0123456789 ", "P:SigningSecret is unusable. The webhook signing secret starts or ends with whitespace: copy it again without the surrounding spaces or line break.")]
    public void JustPastEachBound_IsRefused_WithItsMessage(string setting, string value, string message)
    {
        var options = Options(setting, value);

        options.Check("P", TimeProvider.System, out var verifier).Should().Be(message);
        verifier.Should().BeNull();
    }

    [Test]
    public void TheOptions_ToString_SaysWhenTheSecretIsNotSet()
        => new TribeSsoWebhooksOptions().ToString().Should().Be("TribeSsoWebhooksOptions { SigningSecret = (not set), Tolerance = 00:05:00, MaxBodySize = 1048576 }");

    [Test]
    public async Task TheHealthCheck_WhileTheSettingsAreValid_SaysSo()
    {
        await using var app = await WebhooksApp.StartAsync();

        var entry = (await app.App.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Entries["tribe-sso-webhooks"];

        entry.Status.Should().Be(HealthStatus.Healthy);
        entry.Description.Should().Be("The default community's webhooks: the settings are valid and in use.");
    }

    [Test]
    public async Task ANamedCommunityWithoutASecret_FailsTheStart_NamingItsOwnSetting()
    {
        var start = () => WebhooksApp.StartAsync(builder => builder.Services.AddTribeSsoWebhooks("acme", builder.Configuration.GetSection("Communities:acme")));

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().StartWith("Communities:acme:Webhooks:SigningSecret is not set.");
    }

    [Test]
    public async Task OptionsOfANameWithoutACommunity_AreNotValidated()
    {
        await using var app = await WebhooksApp.StartAsync();

        var options = app.App.Services.GetRequiredService<IOptionsMonitor<TribeSsoWebhooksOptions>>().Get("unregistered");

        options.SigningSecret.Should().BeNull();
    }

    [Test]
    public async Task AReload_IsAppliedByEachCommunity_AndLoggedOnlyAfterTheStart()
    {
        const string AcmeSecret = "whsec-acme-0123456789-abcdefghij";
        const string Rotated = "whsec-acme-rotated-0123456789-abc";
        await using var app = await WebhooksApp.StartAsync(
            builder => builder.Services.AddTribeSsoWebhooks("acme", builder.Configuration.GetSection("Communities:acme")).AddHandler<WebhooksApp.RecordingHandler>(),
            new Dictionary<string, string?> { ["TribeSso:Webhooks:SigningSecret"] = WebhooksApp.Secret, ["Communities:acme:Webhooks:SigningSecret"] = AcmeSecret },
            web => web.MapTribeSsoWebhooks("/acme/webhooks").ForCommunity("acme"));
        app.Logs.GetSnapshot().Should().NotContain(r => r.Id.Id == 51, "the first settings are not new");

        app.Configuration.Reload("Communities:acme:Webhooks:SigningSecret", Rotated);

        (await app.SendAsync(WebhooksApp.MemberEvent("a1", "member.deleted"), secret: Rotated, path: "/acme/webhooks")).StatusCode.Should().Be(HttpStatusCode.OK);
        var applied = app.Logs.GetSnapshot().Where(r => r.Id.Id == 51).ToList();
        applied.Should().ContainSingle(r => r.Message == "Webhooks of community 'acme': new settings are in use").Which.Level.Should().Be(LogLevel.Information);
        applied.Count(r => r.Message.StartsWith("The default community's webhooks", StringComparison.Ordinal)).Should().BeLessThanOrEqualTo(1, "one reload is read once per community");
    }

    [Test]
    public void ADisposedCommunity_NoLongerFollowsReloads()
    {
        var logs = new FakeLogCollector();
        var configuration = new ReloadableConfiguration(new Dictionary<string, string?> { ["TribeSso:Webhooks:SigningSecret"] = WebhooksApp.Secret });
        var services = new ServiceCollection().AddLogging(l => l.AddProvider(new FakeLoggerProvider(logs)));
        services.AddTribeSsoWebhooks(new ConfigurationBuilder().Add(configuration).Build().GetSection("TribeSso"));
        var provider = services.BuildServiceProvider();
        provider.GetRequiredKeyedService<TribeWebhooksCommunity>(string.Empty);
        configuration.Reload("TribeSso:Webhooks:SigningSecret", "whsec-rotated-0123456789-abcdef");
        logs.GetSnapshot().Count(r => r.Id.Id == 51).Should().Be(1);

        provider.Dispose();
        configuration.Reload("TribeSso:Webhooks:SigningSecret", "whsec-rotated-again-0123456789-ab");

        logs.GetSnapshot().Count(r => r.Id.Id == 51).Should().Be(1);
    }

    private static TribeSsoWebhooksOptions Options(string setting, string value)
        => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SigningSecret"] = WebhooksApp.Secret, [setting] = value }).Build().Get<TribeSsoWebhooksOptions>()!;

    private static WebApplication BuildApp(Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddTribeSsoWebhooks(Section);
        configure?.Invoke(builder.Services);
        return builder.Build();
    }
}
