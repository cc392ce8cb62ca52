using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Security.Claims;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tribe.Sso.AspNetCore;

namespace Tribe.Sso.StackExchangeRedis.Tests;

/// <summary>
/// The Logout URL's confirmation page served by instance A and posted to instance B, as a load balancer may send them:
/// it signs out only when both read one Data Protection key ring, and otherwise log event 13 says why.
/// </summary>
public class LogoutAcrossInstancesTests : RedisFixture
{
    private static readonly (string Name, string Value)[] CrossSiteImage =
    [
        ("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "no-cors"), ("Sec-Fetch-Dest", "image"), ("Referer", "https://evil.example/"),
    ];

    [Test]
    public async Task TheConfirmationFromA_PostedToB_SignsOut_WhenBothKeepTheirKeysInOneRedis()
    {
        var ring = "DataProtection-Keys-" + Guid.NewGuid().ToString("N");
        void SharedKeys(WebApplicationBuilder builder) => builder.Services.AddDataProtection().SetApplicationName("partner-site").PersistKeysToStackExchangeRedis(Inspector, ring);
        await using var a = await StartAsync(SharedKeys);
        await using var b = await StartAsync(SharedKeys);
        using var browser = Browser();
        await SignInAsync(browser, a);

        using var answer = await ConfirmOnBAsync(browser, a, b);

        answer.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await IsSignedInAsync(browser, a)).Should().BeFalse();
        (await IsSignedInAsync(browser, b)).Should().BeFalse();
        (await Inspector.GetDatabase().ListLengthAsync(ring)).Should().BeGreaterThan(0, "the key ring is in Redis");
    }

    [Test]
    public async Task TheConfirmationFromA_PostedToB_Is400_AndLogEvent13SaysTheCause_WhenEachInstanceHasItsOwnKeys()
    {
        static void OwnKeys(WebApplicationBuilder builder) => builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        await using var a = await StartAsync(OwnKeys);
        await using var b = await StartAsync(OwnKeys);
        using var browser = Browser();
        await SignInAsync(browser, a);

        using var answer = await ConfirmOnBAsync(browser, a, b);

        answer.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await IsSignedInAsync(browser, a)).Should().BeTrue("nobody was signed out");
        var refused = b.Logs.GetSnapshot().Should().ContainSingle(r => r.Id.Id == 13 && r.Category == "Tribe.Sso.AspNetCore.TribeSsoLogoutEndpoint").Subject;
        refused.Id.Name.Should().Be("LogoutRefused");
        refused.Level.Should().Be(LogLevel.Warning);
        refused.Message.Should().Contain("several instances")
            .And.Contain("its own Data Protection key ring")
            .And.Contain("PersistKeysToStackExchangeRedis")
            .And.Contain("SetApplicationName");
    }

    private static HttpClient Browser() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() });

    /// <summary>A site with cookie sign-in, the Authorization URL and the Logout URL, its Data Protection as the test says.</summary>
    private static Task<PartnerInstance> StartAsync(Action<WebApplicationBuilder> dataProtection) => PartnerInstance.StartAsync(
        new Runs(),
        useLog: null,
        configure: builder =>
        {
            dataProtection(builder);
            builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
            builder.Services.AddTribeSso(((Microsoft.Extensions.Configuration.IConfiguration)builder.Configuration).GetSection("TribeSso"));
        },
        map: app =>
        {
            app.UseAuthentication();
            app.MapGet("/login", (HttpContext context) => context.SignInAsync(new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, "42"), new Claim(ClaimTypes.Name, "Jane Doe"), new Claim(ClaimTypes.Email, "jane@example.com")],
                CookieAuthenticationDefaults.AuthenticationScheme))));
            app.MapTribeSso("/community/sso");
            app.MapTribeSsoLogout("/community/logout");
        },
        settings: new Dictionary<string, string?>
        {
            ["TribeSso:CommunityUrl"] = "https://community.example.com",
            ["TribeSso:PrivateKey"] = TestKeys.Primary,
            ["TribeSso:Webhooks:SigningSecret"] = Community.Secret,
        });

    private static async Task SignInAsync(HttpClient browser, PartnerInstance instance)
    {
        using var response = await browser.GetAsync(new Uri(instance.Address, "/login"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await IsSignedInAsync(browser, instance)).Should().BeTrue();
    }

    /// <summary>A cross-site request gets A's confirmation page; its form, antiforgery token and cookie are posted to B.</summary>
    private static async Task<HttpResponseMessage> ConfirmOnBAsync(HttpClient browser, PartnerInstance a, PartnerInstance b)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(a.Address, "/community/logout"));
        foreach (var (name, value) in CrossSiteImage)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var page = await browser.SendAsync(request);
        var html = await page.Content.ReadAsStringAsync();
        var action = Regex.Match(html, "<form method=\"post\" action=\"([^\"]*)\">");
        var input = Regex.Match(html, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\">");
        action.Success.Should().BeTrue("A serves the confirmation page: " + html);
        input.Success.Should().BeTrue();
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { [WebUtility.HtmlDecode(input.Groups[1].Value)] = WebUtility.HtmlDecode(input.Groups[2].Value) });
        return await browser.PostAsync(new Uri(b.Address, WebUtility.HtmlDecode(action.Groups[1].Value)), form);
    }

    private static async Task<bool> IsSignedInAsync(HttpClient browser, PartnerInstance instance)
    {
        using var response = await browser.GetAsync(new Uri(instance.Address, "/community/sso"));
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.StartsWith("https://community.example.com", StringComparison.Ordinal);
    }
}
