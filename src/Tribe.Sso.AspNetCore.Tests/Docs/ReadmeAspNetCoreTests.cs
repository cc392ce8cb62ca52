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

/// <summary>The README's ASP.NET Core section, compiled and run.</summary>
public class ReadmeAspNetCoreTests
{
    [Test]
    public async Task ThreeLines_SendASignedInUserToTheCommunity()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(PartnerApp.ValidSettings());
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();

        #region AspNetCore
        builder.Services.AddTribeSso(builder.Configuration.GetSection("TribeSso"));
        var app = builder.Build();
        app.MapTribeSso("/community/sso");
        #endregion

        PartnerApp.MapJaneLogin(app);
        await app.StartAsync();
        try
        {
            using var client = PartnerApp.CreateClient(app);
            await client.GetAsync("/login");

            var response = await client.GetAsync("/community/sso");

            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            new InMemoryTribeCommunity(TribeSsoKey.FromString(TestKeys.Primary)).SignIn(response.Headers.Location!).Outcome.Should().Be(TribeSsoSignInOutcome.Created);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [Test]
    public void Readme_ShowsTheThreeLinesVerbatim()
    {
        var snippet = Snippets.Region(Path.Combine(Repository.Root, "src", "Tribe.Sso.AspNetCore.Tests", "Docs", "ReadmeAspNetCoreTests.cs"), "AspNetCore");

        snippet.Split('\n', System.StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(3);
        Snippets.Readme().Should().Contain("```csharp\n" + snippet + "```");
    }
}
