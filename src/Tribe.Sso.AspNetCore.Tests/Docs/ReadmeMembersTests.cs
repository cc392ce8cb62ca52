using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>The README's "Members in ASP.NET Core" snippet, compiled and started.</summary>
public class ReadmeMembersTests
{
    [Test]
    public async Task MembersRegistration_StartsAndResolvesTheDefaultAndTheNamedClient()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(CommunitiesApp.Settings());
        builder.Configuration.AddInMemoryCollection(MembersHost.Settings());

        #region MembersRegistration
        builder.Services.AddTribeSso(builder.Configuration.GetSection("TribeSso"));
        builder.Services.AddTribeSsoMembers(builder.Configuration.GetSection("TribeSso"));   // TribeSso:Members:*
        builder.Services.AddTribeSso("acme", builder.Configuration.GetSection("Communities:acme"));
        builder.Services.AddTribeSsoMembers("acme", builder.Configuration.GetSection("Communities:acme"));
        var app = builder.Build();
        app.MapGet("/admin/members/{id}", async (string id, [FromKeyedServices("acme")] TribeMembersClient acme) =>
            await acme.FindByExternalIdAsync(id) is { } member ? Results.Ok(member.Id) : Results.NotFound());
        #endregion

        await app.StartAsync();
        try
        {
            app.Services.GetRequiredService<TribeMembersClient>().ApiUrl.AbsoluteUri.Should().Be("https://eu.api.example.com/graphql");
            app.Services.GetRequiredKeyedService<TribeMembersClient>("acme").ApiUrl.AbsoluteUri.Should().Be(TribeMembersClientOptions.DefaultApiUrl + "/");
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
        var snippet = Snippets.Region(Path.Combine(Repository.Root, "src", "Tribe.Sso.AspNetCore.Tests", "Docs", "ReadmeMembersTests.cs"), "MembersRegistration");

        Snippets.Readme().Should().Contain("```csharp\n" + snippet + "```");
    }
}
