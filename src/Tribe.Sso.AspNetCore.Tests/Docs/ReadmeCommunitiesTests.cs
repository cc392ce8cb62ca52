using System.IO;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tribe.Sso.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>The README's "Several communities" section, compiled and run.</summary>
public class ReadmeCommunitiesTests
{
    [Test]
    public async Task SeveralCommunities_SendEachEndpointsUsersToItsCommunity_AndReportHealth()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(CommunitiesApp.Settings());
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();

        #region SeveralCommunities
        builder.Services.AddTribeSso(builder.Configuration.GetSection("TribeSso"));
        builder.Services.AddTribeSso("acme", builder.Configuration.GetSection("Communities:acme"));
        builder.Services.AddHealthChecks().AddTribeSso();
        var app = builder.Build();
        app.MapTribeSso("/community/sso");
        app.MapTribeSso("/acme/sso").ForCommunity("acme");
        app.MapHealthChecks("/health");
        #endregion

        PartnerApp.MapJaneLogin(app);
        await app.StartAsync();
        try
        {
            using var client = PartnerApp.CreateClient(app);
            await client.GetAsync("/login");

            var acme = await client.GetAsync("/acme/sso");

            new InMemoryTribeCommunity(TribeSsoKey.FromString(CommunitiesApp.AcmeKey)).SignIn(acme.Headers.Location!).Outcome.Should().Be(TribeSsoSignInOutcome.Created);
            (await client.GetAsync("/health")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Test]
    public void Readme_ShowsTheRegistrationVerbatim()
    {
        var snippet = Snippets.Region(Path.Combine(Repository.Root, "src", "Tribe.Sso.AspNetCore.Tests", "Docs", "ReadmeCommunitiesTests.cs"), "SeveralCommunities");

        Snippets.Readme().Should().Contain("```csharp\n" + snippet + "```");
    }
}
