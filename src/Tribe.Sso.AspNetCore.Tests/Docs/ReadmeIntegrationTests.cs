using System.IO;
using System.Linq;
using System;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tribe.Sso.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>README's sections on the Authorization, Sign-up and Logout URLs and on embedding, compiled and run.</summary>
public class ReadmeIntegrationTests
{
    [Test]
    public async Task TheIntegrationSnippets_Run()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(PartnerApp.ValidSettings());
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o => o.LoginPath = "/login");
        builder.Services.AddTribeSso(builder.Configuration.GetSection("TribeSso"));
        var app = builder.Build();
        app.UseAuthentication();

        #region AuthorizationUrl
        app.MapTribeSso("/community/sso");                                         // Authorization URL
        app.MapTribeSso("/community/sign-up").WithSignUpPage("/account/register"); // Sign-up URL
        #endregion

        #region LogoutUrl
        app.MapTribeSsoLogout("/community/logout");                                 // Logout URL
        #endregion

        #region EmbedCall
        app.MapGet("/whats-new", (HttpContext context) => Results.Content(
            "<h1>What's new</h1>" + TribeSsoEmbed.Iframe(context, TribeEmbed.Space("whats-new").WithComposer(true)),
            "text/html"));
        #endregion

        PartnerApp.MapJaneLogin(app);
        await app.StartAsync();
        try
        {
            using var client = PartnerApp.CreateClient(app);
            (await client.GetAsync("/community/sign-up?redirect=/welcome")).Headers.Location!.OriginalString.Should().Be("/account/register?ReturnUrl=%2Fcommunity%2Fsign-up%3Fredirect%3D%2Fwelcome");
            await client.GetAsync("/login");

            var page = await client.GetStringAsync("/whats-new");
            var frame = await client.GetAsync("/community/sso?redirect=/embed/space/whats-new%3Fcomposer%3Dtrue");
            using var fromCommunity = new HttpRequestMessage(HttpMethod.Get, "/community/logout") { Headers = { Referrer = new Uri("https://community.example.com/") } };
            var logout = await client.SendAsync(fromCommunity);

            page.Should().Be("<h1>What's new</h1><iframe src=\"/community/sso?redirect=/embed/space/whats-new%3Fcomposer%3Dtrue\" title=\"Community\" width=\"100%\" height=\"600\"></iframe>");
            new InMemoryTribeCommunity(TribeSsoKey.FromString(TestKeys.Primary)).SignIn(frame.Headers.Location!).RedirectPath.Should().Be("/embed/space/whats-new?composer=true");
            logout.Headers.Location!.OriginalString.Should().Be("/");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [TestCase("AuthorizationUrl")]
    [TestCase("LogoutUrl")]
    [TestCase("EmbedCall")]
    public void Readme_ShowsTheSnippetVerbatim(string region)
    {
        var snippet = Snippets.Region(Path.Combine(Repository.Root, "src", "Tribe.Sso.AspNetCore.Tests", "Docs", "ReadmeIntegrationTests.cs"), region);

        Snippets.Readme().Should().Contain("```csharp\n" + snippet + "```");
    }

    [Test]
    public void Readme_TagHelperLine_IsTheSamplesOwn()
    {
        var page = File.ReadAllText(Path.Combine(Repository.Root, "samples", "Tribe.Sso.Sample", "Pages", "Embedded.cshtml"));
        var readme = Snippets.Readme();

        var line = page.Split('\n').Single(l => l.TrimStart().StartsWith("<tribe-sso-embed", System.StringComparison.Ordinal)).Trim();

        readme.Should().Contain(line);
    }
}
