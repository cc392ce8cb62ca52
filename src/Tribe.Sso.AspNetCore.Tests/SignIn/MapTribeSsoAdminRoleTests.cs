using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Testing;
using Tribe.Sso.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>An admin mapping is refused by MapTribeSso unless the community's options allow it, by configuration or per named community.</summary>
public class MapTribeSsoAdminRoleTests
{
    private const string AdminRefusal = "Claim 'role' is admin, which makes the holder a community admin, and this issuer does not sign admin tokens. If your site really grants community admin through SSO, set TribeSsoOptions.AllowAdminRole = true (configuration TribeSso:AllowAdminRole); otherwise use TribeRole.Moderator or TribeRole.Member.";

    [Test]
    public async Task MapTribeSso_AdminUserAndAdminNotAllowed_IsAnswered403WithTheSdkMessage_AndNoUserData()
    {
        await using var site = await PartnerApp.StartAsync(MapAdmin);
        using var refused = new MetricCollector<long>(site.App.Services.GetRequiredService<IMeterFactory>(), TribeSsoTelemetry.MeterName, "tribe.sso.requests.refused");
        using var issued = new MetricCollector<long>(site.App.Services.GetRequiredService<IMeterFactory>(), TribeSsoTelemetry.MeterName, "tribe.sso.links.issued");
        (await site.Client.GetAsync(new Uri("/login?user=jane", UriKind.Relative))).Dispose();

        using var response = await site.Client.GetAsync(new Uri("/community/sso-admin", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Headers.Location.Should().BeNull();
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain("jane").And.NotContain("Jane").And.NotContain("42").And.NotContain("eyJ");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Title.Should().Be("This account cannot be signed into the community");
        problem.Detail.Should().Be(AdminRefusal);
        var measurement = refused.GetMeasurementSnapshot().Should().ContainSingle().Subject;
        measurement.Tags.Should().BeEquivalentTo(new Dictionary<string, object?> { ["tribe.community"] = "default", ["reason"] = "admin" });
        issued.GetMeasurementSnapshot().Should().BeEmpty();
    }

    [Test]
    public async Task MapTribeSso_AdminUserAndAllowAdminRoleInConfiguration_SignsAnAdminTheCommunityAccepts()
    {
        var settings = PartnerApp.ValidSettings();
        settings["TribeSso:AllowAdminRole"] = "true";
        var clock = TestClock.Create();
        await using var app = PartnerApp.Build(settings, new FakeLogCollector(), clock, MapAdmin);
        await app.StartAsync();
        using var client = PartnerApp.CreateClient(app);
        (await client.GetAsync(new Uri("/login?user=jane", UriKind.Relative))).Dispose();

        using var response = await client.GetAsync(new Uri("/community/sso-admin", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        app.Services.GetRequiredService<TribeSsoIssuer>().AllowAdminRole.Should().BeTrue();
        var community = new InMemoryTribeCommunity(TribeSsoKey.FromString(TestKeys.Primary), clock);
        community.SignIn(response.Headers.Location!).Outcome.Should().Be(TribeSsoSignInOutcome.Created);
        community.Members.Should().ContainSingle().Which.Role.Should().Be(TribeRole.Admin);
        await app.StopAsync();
    }

    [Test]
    public void AllowAdminRole_PerNamedCommunity_IsBoundFromThatCommunitysSectionOnly()
    {
        var settings = CommunitiesApp.Settings();
        settings["Communities:acme:AllowAdminRole"] = "true";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection()
            .AddTribeSso(configuration.GetSection("TribeSso"))
            .AddTribeSso("acme", configuration.GetSection("Communities:acme"))
            .AddTribeSso("beta", configuration.GetSection("Communities:beta"))
            .BuildServiceProvider();

        provider.GetRequiredKeyedService<TribeSsoIssuer>("acme").AllowAdminRole.Should().BeTrue();
        provider.GetRequiredKeyedService<TribeSsoIssuer>("beta").AllowAdminRole.Should().BeFalse();
        provider.GetRequiredService<TribeSsoIssuer>().AllowAdminRole.Should().BeFalse();
    }

    [Test]
    public async Task MapTribeSso_ForCommunityThatAllowsAdmin_SignsTheAdmin_WhileTheDefaultCommunityRefusesIt()
    {
        var settings = CommunitiesApp.Settings();
        settings["Communities:acme:AllowAdminRole"] = "true";
        var clock = TestClock.Create();
        await using var app = PartnerApp.Build(settings, new FakeLogCollector(), clock, site =>
        {
            MapAdmin(site);
            site.MapTribeSso("/acme/sso-admin", Admin).ForCommunity("acme");
        }, builder => builder.Services.AddTribeSso("acme", builder.Configuration.GetSection("Communities:acme")));
        await app.StartAsync();
        using var client = PartnerApp.CreateClient(app);
        (await client.GetAsync(new Uri("/login?user=jane", UriKind.Relative))).Dispose();

        using var refused = await client.GetAsync(new Uri("/community/sso-admin", UriKind.Relative));
        using var signed = await client.GetAsync(new Uri("/acme/sso-admin", UriKind.Relative));

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        signed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var community = new InMemoryTribeCommunity(TribeSsoKey.FromString(CommunitiesApp.AcmeKey), clock);
        community.SignIn(signed.Headers.Location!).Outcome.Should().Be(TribeSsoSignInOutcome.Created);
        community.Members.Single().Role.Should().Be(TribeRole.Admin);
        await app.StopAsync();
    }

    private static void MapAdmin(WebApplication app) => app.MapTribeSso("/community/sso-admin", Admin);

    private static TribeSsoUser Admin(ClaimsPrincipal principal)
        => TribeSsoUser.Create(principal.FindFirstValue(ClaimTypes.NameIdentifier)!, principal.Identity!.Name!, principal.FindFirstValue(ClaimTypes.Email)!)
            .WithRole(TribeRole.Admin)
            .Build();
}
