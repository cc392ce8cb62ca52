using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>Users and targets MapTribeSso must refuse with problem details, never a 500, through real HTTP.</summary>
public class MapTribeSsoRefusalTests
{
    private const string InternalDetail = "Tenant lookup failed on db-prod-07 for row 4711";
    private static readonly string LongBio = new('b', 4000);
    private static readonly string LongSafeTarget = "/" + new string('é', 1000);

    private PartnerApp _app = null!;
    private MetricCollector<long> _refused = null!;

    [SetUp]
    public async Task SetUp()
    {
        _app = await PartnerApp.StartAsync(app =>
        {
            app.MapTribeSso("/community/sso-long-bio", p => User(p).WithBio(LongBio).Build());
            app.MapTribeSso("/community/sso-huge-bio", p => User(p).WithBio(new string('\u00e9', 4000)).Build());
            app.MapTribeSso("/community/sso-throwing", _ => throw new ArgumentException(InternalDetail, "tenant"));
        });
        _refused = new MetricCollector<long>(_app.App.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), TribeSsoTelemetry.MeterName, "tribe.sso.requests.refused");
        (await _app.Client.GetAsync("/login?user=jane")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [TearDown]
    public async Task TearDown()
    {
        _refused.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task SafeTargetThatMakesTheLinkTooLong_IsAnswered400_NotA500()
    {
        var response = await _app.Client.GetAsync("/community/sso-long-bio?redirect=" + Uri.EscapeDataString(LongSafeTarget));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Title.Should().Be("Redirect target refused");
        problem.Detail.Should().Match("The redirect target makes the link * bytes long; servers and proxies commonly refuse more than 8,000. The largest parts are the redirect target (*");
        var logged = _app.Logs.GetSnapshot().Should().ContainSingle(e => e.Category == "Tribe.Sso.AspNetCore.TribeSsoEndpoint").Subject;
        logged.Id.Id.Should().Be(2);
        logged.Level.Should().Be(LogLevel.Warning);
        logged.Message.Should().Be("Tribe SSO: redirect target refused: " + problem.Detail);
        AssertRefusedFor("size");
        AssertNoTokenOrLinkLogged();
    }

    [Test]
    public async Task UserWhoseClaimsMakeTheLinkTooLong_IsAnswered403_NotA500()
    {
        var response = await _app.Client.GetAsync("/community/sso-huge-bio");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Title.Should().Be("This account cannot be signed into the community");
        problem.Detail.Should().StartWith("Claim 'bio' makes the link ");
        _app.Logs.GetSnapshot().Should().Contain(e => e.Level == LogLevel.Warning && e.Message.StartsWith("Tribe SSO: the signed-in user cannot be signed into the community: Claim 'bio' makes the link", StringComparison.Ordinal));
        AssertRefusedFor("size");
        AssertNoTokenOrLinkLogged();
    }

    [Test]
    public async Task ApplicationMappingThatThrows_IsAnswered403WithAGenericDetail_AndItsMessageIsOnlyLogged()
    {
        var response = await _app.Client.GetAsync("/community/sso-throwing");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain("db-prod-07").And.NotContain("tenant");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Detail.Should().Be("The signed-in user could not be mapped to a community user; see the server log.");
        _app.Logs.GetSnapshot().Should().Contain(e => e.Level == LogLevel.Warning && e.Message.Contains(InternalDetail, StringComparison.Ordinal));
        AssertRefusedFor("unmapped");
    }

    private void AssertRefusedFor(string reason)
    {
        var measurement = _refused.GetMeasurementSnapshot().Should().ContainSingle().Subject;
        measurement.Value.Should().Be(1);
        measurement.Tags.Should().BeEquivalentTo(new System.Collections.Generic.Dictionary<string, object?> { ["tribe.community"] = "default", ["reason"] = reason });
    }

    private static TribeSsoUserBuilder User(ClaimsPrincipal principal)
        => TribeSsoUser.Create(principal.FindFirstValue(ClaimTypes.NameIdentifier)!, principal.Identity!.Name!, principal.FindFirstValue(ClaimTypes.Email)!);

    private void AssertNoTokenOrLinkLogged()
        => _app.Logs.AllText().Should().NotContain("jwt=").And.NotContain("eyJ").And.NotContain("community.example.com/auth/sso").And.NotContain(TestKeys.Primary);
}
