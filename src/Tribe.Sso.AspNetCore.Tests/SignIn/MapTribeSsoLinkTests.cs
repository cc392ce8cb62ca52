using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Tribe.Sso.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>MapTribeSsoLink over real HTTP: the link as JSON for a bearer-authenticated app, 401 for anyone else.</summary>
public class MapTribeSsoLinkTests
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private FakeTimeProvider _clock = null!;
    private FakeLogCollector _logs = null!;

    [SetUp]
    public async Task SetUp()
    {
        _clock = TestClock.Create();
        _logs = new FakeLogCollector();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(CommunitiesApp.Settings());
        builder.Logging.ClearProviders().AddProvider(new FakeLoggerProvider(_logs)).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o => o.LoginPath = "/login")
            .AddScheme<AuthenticationSchemeOptions, TestBearerHandler>(TestBearerHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddTribeSso(builder.Configuration.GetSection("TribeSso"));
        builder.Services.AddTribeSso("acme", builder.Configuration.GetSection("Communities:acme"));

        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseAuthorization();
        var bearer = new AuthorizeAttribute { AuthenticationSchemes = TestBearerHandler.SchemeName };
        _app.MapTribeSsoLink("/community/sso-link").RequireAuthorization(bearer);
        _app.MapTribeSsoLink("/acme/sso-link").ForCommunity("acme").RequireAuthorization(bearer);
        _app.MapTribeSsoLink("/community/sso-link-any-caller");
        _app.MapTribeSsoLink("/community/sso-link-admin", p => TribeSsoUser.Create(p.FindFirstValue(ClaimTypes.NameIdentifier)!, p.Identity!.Name!, p.FindFirstValue(ClaimTypes.Email)!)
            .WithRole(TribeRole.Admin)
            .Build()).RequireAuthorization(bearer);
        _app.MapTribeSsoLink("/community/sso-link-long-bio", p => TribeSsoUser.Create(p.FindFirstValue(ClaimTypes.NameIdentifier)!, p.Identity!.Name!, p.FindFirstValue(ClaimTypes.Email)!)
            .WithBio(new string('b', 4000))
            .Build()).RequireAuthorization(bearer);
        await _app.StartAsync();
        _client = PartnerApp.CreateClient(_app);
    }

    [TearDown]
    public async Task TearDown()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task MapTribeSsoLink_BearerAuthenticatedCall_ReturnsALinkTheCommunityAccepts()
    {
        using var issued = new MetricCollector<long>(_app.Services.GetRequiredService<IMeterFactory>(), TribeSsoTelemetry.MeterName, "tribe.sso.links.issued");

        using var response = await _client.SendAsync(Get("/community/sso-link?redirect=/answers", TestBearerHandler.JaneToken));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.Pragma.Should().ContainSingle().Which.Name.Should().Be("no-cache");
        response.Headers.Location.Should().BeNull();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var url = json.RootElement.GetProperty("url").GetString()!;
        url.Should().StartWith("https://community.example.com/auth/sso?jwt=").And.EndWith("&redirect=/answers");
        json.RootElement.GetProperty("expiresAt").GetString().Should().Be("2026-01-01T00:01:00Z", "the fixed clock is 2026-01-01T00:00:00Z and the lifetime 60 s");
        var signIn = new InMemoryTribeCommunity(TribeSsoKey.FromString(TestKeys.Primary), _clock).SignIn(url);
        signIn.Outcome.Should().Be(TribeSsoSignInOutcome.Created);
        signIn.RedirectPath.Should().Be("/answers");
        signIn.Member!.ExternalId.Should().Be("42");
        issued.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["tribe.community"].Should().Be("default");
        _logs.AllText().Should().NotContain("jwt=").And.NotContain("eyJ");
    }

    [Test]
    public async Task MapTribeSsoLink_ExpiresAt_IsTheTokensExp()
    {
        using var response = await _client.SendAsync(Get("/community/sso-link", TestBearerHandler.JaneToken));

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var read = new TribeSsoTokenReader(TribeSsoKey.FromString(TestKeys.Primary), new TribeSsoTokenReaderOptions { TimeProvider = _clock }).Read(json.RootElement.GetProperty("url").GetString()!);
        DateTimeOffset.Parse(json.RootElement.GetProperty("expiresAt").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
            .Should().Be(read.Claims!.ExpiresAt!.Value);
    }

    [TestCase("/community/sso-link")]
    [TestCase("/acme/sso-link")]
    public async Task MapTribeSsoLink_AnonymousCall_Is401WithoutLocation(string path)
    {
        using var response = await _client.SendAsync(Get(path, token: null));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.Location.Should().BeNull();
        (await response.Content.ReadAsStringAsync()).Should().NotContain("jwt=");
    }

    [Test]
    public async Task MapTribeSsoLink_WithoutAuthorizationOnACookieSite_AnswersAnonymous401ItselfNotTheCookieLoginRedirect()
    {
        using var response = await _client.SendAsync(Get("/community/sso-link-any-caller", token: null));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.Location.Should().BeNull();
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Title.Should().Be("Sign-in required");
        problem.Detail.Should().Be("This endpoint answers a signed-in caller only. Call it with the user's credentials, such as an Authorization: Bearer header.");
    }

    [TestCase("//evil.example")]
    [TestCase("https://evil.example/x")]
    [TestCase("/a&redirect_uri=/b")]
    public async Task MapTribeSsoLink_RefusedRedirect_Is400ProblemWithoutALink(string target)
    {
        using var refused = new MetricCollector<long>(_app.Services.GetRequiredService<IMeterFactory>(), TribeSsoTelemetry.MeterName, "tribe.sso.requests.refused");

        using var response = await _client.SendAsync(Get("/community/sso-link?redirect=" + target.Replace("//", "%2F%2F", StringComparison.Ordinal), TestBearerHandler.JaneToken));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var body = await response.Content.ReadAsStringAsync();
        body.Should().NotContain("jwt=").And.NotContain("evil");
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title.Should().Be("Redirect target refused");
        refused.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["reason"].Should().Be("redirect");
    }

    [Test]
    public async Task MapTribeSsoLink_SafeTargetThatMakesTheLinkTooLong_Is400()
    {
        using var response = await _client.SendAsync(Get("/community/sso-link-long-bio?redirect=/" + Uri.EscapeDataString(new string('é', 1000)), TestBearerHandler.JaneToken));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().StartWith("The redirect target makes the link ");
    }

    [Test]
    public async Task MapTribeSsoLink_ForCommunity_SignsWithThatCommunitysKeyAndUrl()
    {
        using var issued = new MetricCollector<long>(_app.Services.GetRequiredService<IMeterFactory>(), TribeSsoTelemetry.MeterName, "tribe.sso.links.issued");

        using var response = await _client.SendAsync(Get("/acme/sso-link", TestBearerHandler.JaneToken));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var url = (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["url"];
        url.Should().StartWith("https://acme.example.com/auth/sso?jwt=");
        new InMemoryTribeCommunity(TribeSsoKey.FromString(CommunitiesApp.AcmeKey), _clock).SignIn(url).Outcome.Should().Be(TribeSsoSignInOutcome.Created);
        new InMemoryTribeCommunity(TribeSsoKey.FromString(TestKeys.Primary), _clock).SignIn(url).Outcome.Should().Be(TribeSsoSignInOutcome.Rejected);
        issued.GetMeasurementSnapshot().Should().ContainSingle().Which.Tags["tribe.community"].Should().Be("acme");
    }

    [Test]
    public async Task MapTribeSsoLink_AdminUserNotAllowed_Is403WithTheSdkMessage()
    {
        using var response = await _client.SendAsync(Get("/community/sso-link-admin", TestBearerHandler.JaneToken));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().StartWith("Claim 'role' is admin, which makes the holder a community admin").And.Contain("AllowAdminRole");
    }

    private static HttpRequestMessage Get(string path, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(TestBearerHandler.SchemeName, token);
        }

        return request;
    }
}
