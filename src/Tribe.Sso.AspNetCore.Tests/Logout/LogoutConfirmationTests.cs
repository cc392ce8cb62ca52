using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>MapTribeSsoLogout against other sites: only the site's and the community's navigations sign out at once.</summary>
public class LogoutConfirmationTests
{
    private PartnerApp _app = null!;
    private HttpClient _browser = null!;

    [SetUp]
    public async Task SetUp()
    {
        _app = await PartnerApp.StartAsync(app => app.MapTribeSsoLogout("/community/logout"));
        _browser = PartnerApp.CreateClient(_app.App); // sends no Sec-Fetch header unless a test adds one
        (await _browser.GetAsync("/login?user=jane")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [TearDown]
    public async Task TearDown()
    {
        _browser.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task CrossSiteImage_LeavesTheUserSignedIn_AndGetsTheConfirmationPage()
    {
        using var response = await LogoutRequests.GetAsync(_browser, "/community/logout", LogoutRequests.CrossSiteImage);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.GetValues("X-Frame-Options").Should().Equal("SAMEORIGIN");
        response.Headers.TryGetValues("Set-Cookie", out var cookies).Should().BeTrue("the antiforgery cookie is set");
        cookies.Should().NotContain(c => c.StartsWith(".AspNetCore.Cookies=", StringComparison.Ordinal), "the session cookie is left alone");
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("<h1>Sign out?</h1>").And.Contain("<button type=\"submit\">Sign out</button>").And.NotContain("Jane");

        // The user id (42) must not be on the page; the antiforgery token is random base64, which may hold "42" by chance.
        System.Text.RegularExpressions.Regex.Replace(page, "value=\"[^\"]*\"", "value=\"\"").Should().NotContain("42");
        LogoutRequests.ReadForm(page).Action.Should().Be("/community/logout");
        (await LogoutRequests.IsSignedInAsync(_browser)).Should().BeTrue();
    }

    [Test]
    public async Task RequestWithNoSignal_GetsTheConfirmationPage()
    {
        using var response = await _browser.GetAsync("/community/logout");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Contain("<h1>Sign out?</h1>");
        (await LogoutRequests.IsSignedInAsync(_browser)).Should().BeTrue();
    }

    [TestCase("Sec-Fetch-Site", "same-origin")]
    [TestCase("Sec-Fetch-Site", "same-site")]
    [TestCase("Sec-Fetch-Site", "none")]
    [TestCase("Referer", "https://community.example.com/spaces/general/posts")]
    [TestCase("Origin", "https://community.example.com")]
    [TestCase("Referer", "https://COMMUNITY.example.com:443/")]
    public async Task NavigationFromTheSiteOrTheCommunity_SignsOutAtOnce(string header, string value)
    {
        using var response = await LogoutRequests.GetAsync(_browser, "/community/logout?redirect=/bye", (header, value));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/bye");
        (await LogoutRequests.IsSignedInAsync(_browser)).Should().BeFalse();
    }

    [Test]
    public async Task CommunitysLogOut_AsChromiumSendsIt_SignsOutAtOnce()
    {
        using var response = await LogoutRequests.GetAsync(_browser, "/community/logout", LogoutRequests.CommunityNavigation);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await LogoutRequests.IsSignedInAsync(_browser)).Should().BeFalse();
    }

    [TestCase("Referer", "https://community.example.com.evil.example/")]
    [TestCase("Referer", "http://community.example.com/")]
    [TestCase("Referer", "https://community.example.com:8443/")]
    [TestCase("Origin", "null")]
    [TestCase("Referer", "/relative")]
    [TestCase("Sec-Fetch-Site", "cross-site")]
    public async Task OtherOrigin_GetsTheConfirmationPage(string header, string value)
    {
        using var response = await LogoutRequests.GetAsync(_browser, "/community/logout", (header, value));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await LogoutRequests.IsSignedInAsync(_browser)).Should().BeTrue();
    }

    [TestCase("image")]
    [TestCase("iframe")]
    [TestCase("script")]
    public async Task CommunityRefererOnASubresource_GetsTheConfirmationPage(string destination)
    {
        // A member's post in the community can hold <img src=".../community/logout">: only a page navigation signs out.
        using var response = await LogoutRequests.GetAsync(_browser, "/community/logout", ("Sec-Fetch-Dest", destination), ("Sec-Fetch-Site", "cross-site"), ("Referer", "https://community.example.com/"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await LogoutRequests.IsSignedInAsync(_browser)).Should().BeTrue();
    }

    [Test]
    public async Task Confirming_WithThePagesToken_SignsOut_AndLandsOnTheCarriedTarget()
    {
        using var page = await LogoutRequests.GetAsync(_browser, "/community/logout?redirect_uri=" + Uri.EscapeDataString("/help/faq?tab=sso"), LogoutRequests.CrossSiteImage);
        var form = LogoutRequests.ReadForm(await page.Content.ReadAsStringAsync());

        using var response = await LogoutRequests.PostAsync(_browser, form.Action, form.Field, form.Token);

        form.Action.Should().Be("/community/logout?redirect=/help/faq%3Ftab%3Dsso");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/help/faq?tab=sso");
        response.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith(".AspNetCore.Cookies=;", StringComparison.Ordinal));
        (await LogoutRequests.IsSignedInAsync(_browser)).Should().BeFalse();
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("CfDJ8forged-token-value")]
    public async Task Post_WithoutAValidToken_IsRefused_AndSignsNobodyOut(string? token)
    {
        using var page = await LogoutRequests.GetAsync(_browser, "/community/logout", LogoutRequests.CrossSiteImage);
        var form = LogoutRequests.ReadForm(await page.Content.ReadAsStringAsync());

        using var response = token is null
            ? await _browser.PostAsync(form.Action, new StringContent(string.Empty))
            : await LogoutRequests.PostAsync(_browser, form.Action, form.Field, token);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Location.Should().BeNull();
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Title.Should().Be("Not signed out");
        problem.Detail.Should().Be("The sign-out form was sent without a valid antiforgery token, so you are still signed in. Open the Logout URL again and press Sign out.");
        (await LogoutRequests.IsSignedInAsync(_browser)).Should().BeTrue();
    }

    [Test]
    public async Task Post_WithAnotherBrowsersToken_IsRefused()
    {
        // An attacker's own page and token, posted from the victim's browser (which holds no matching antiforgery cookie).
        using var attacker = PartnerApp.CreateClient(_app.App);
        using var attackersPage = await attacker.GetAsync("/community/logout");
        var form = LogoutRequests.ReadForm(await attackersPage.Content.ReadAsStringAsync());

        using var response = await LogoutRequests.PostAsync(_browser, form.Action, form.Field, form.Token);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await LogoutRequests.IsSignedInAsync(_browser)).Should().BeTrue();
    }

    [Test]
    public async Task UnsafeTarget_IsNotCarried_AndIsRefusedOnThePostToo()
    {
        using var page = await LogoutRequests.GetAsync(_browser, "/community/logout?redirect=" + Uri.EscapeDataString("//evil.example/<script>"), LogoutRequests.CrossSiteImage);
        var html = await page.Content.ReadAsStringAsync();
        var form = LogoutRequests.ReadForm(html);

        using var confirmed = await LogoutRequests.PostAsync(_browser, "/community/logout?redirect=%2F%2Fevil.example", form.Field, form.Token);

        html.Should().NotContain("evil.example").And.NotContain("<script>");
        form.Action.Should().Be("/community/logout");
        confirmed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        confirmed.Headers.Location.Should().BeNull();
        (await LogoutRequests.IsSignedInAsync(_browser)).Should().BeFalse("a confirmed sign-out happens all the same");
    }

    [Test]
    public async Task ConfirmationAndRefusal_AreLoggedAndCounted()
    {
        using var logouts = new MetricCollector<long>(_app.App.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), TribeSsoTelemetry.MeterName, "tribe.sso.logouts");

        (await LogoutRequests.GetAsync(_browser, "/community/logout", LogoutRequests.CrossSiteImage)).Dispose();
        (await LogoutRequests.PostAsync(_browser, "/community/logout", "__RequestVerificationToken", "forged")).Dispose();

        var ours = _app.Logs.GetSnapshot().Where(r => r.Category == "Tribe.Sso.AspNetCore.TribeSsoLogoutEndpoint").ToList();
        ours.Should().ContainSingle(r => r.Id.Id == 12).Which.Should().Match<Microsoft.Extensions.Logging.Testing.FakeLogRecord>(r => r.Id.Name == "LogoutConfirmationShown" && r.Level == LogLevel.Information);
        ours.Should().ContainSingle(r => r.Id.Id == 13).Which.Should().Match<Microsoft.Extensions.Logging.Testing.FakeLogRecord>(r => r.Id.Name == "LogoutRefused" && r.Level == LogLevel.Warning);
        ours.Should().NotContain(r => r.Id.Id == 10);
        logouts.GetMeasurementSnapshot().Select(m => m.Tags["outcome"]).Should().Equal("confirmation_shown", "refused");
    }
}
