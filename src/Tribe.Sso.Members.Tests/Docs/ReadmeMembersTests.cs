using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Tribe.Sso.Members.Tests.Support;

namespace Tribe.Sso.Members.Tests.Docs;

/// <summary>README.md's Members section: its code runs as shown against the simulated community.</summary>
public class ReadmeMembersTests
{
    [Test]
    public async Task Readme_MembersExample_FixesTheConflict_AndFollowsAProfileChange()
    {
        await using var server = await SimulatorServer.StartAsync();
        await server.SeedAsync("jane@example.com", "Jane (old account)", "legacy-7");
        var user = TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").Build();
        using var httpClient = new HttpClient();
        var clientId = SimulatorServer.ClientId;
        var clientSecret = SimulatorServer.ClientSecret;
        var apiUrl = server.ApiUrl;

        #region Members
        using var members = new TribeMembersClient(new TribeMembersClientOptions
        {
            ApiUrl = apiUrl,               // default https://api.bettermode.com
            NetworkId = "CAx1mZ7I7a",
            ClientId = clientId,           // an app installed on the community
            ClientSecret = clientSecret,   // from your secret store
        }, httpClient);

        // The sign-in answered 409: the member with the user's email holds another externalId.
        TribeConflictResolution fix = await members.ResolveConflictAsync(user);

        // The user changed their email on your site.
        TribeMember? jane = await members.FindByExternalIdAsync("42");
        await members.UpdateAsync(jane!.Id, new TribeMemberChanges { Email = "jane.doe@example.com" });

        // An erasure request.
        await members.DeleteAsync(jane.Id);
        #endregion

        fix.Outcome.Should().Be(TribeConflictOutcome.Relinked);
        (await members.FindByEmailAsync("jane.doe@example.com")).Should().BeNull("the member was deleted");
        (await server.SignInAsync(TribeSsoUser.Create("42", "Jane Doe", "jane.doe@example.com").Build())).Should().Be(HttpStatusCode.Found, "a sign-in after deletion creates the member again");
    }

    [Test]
    public void Readme_ShowsTheMembersExampleVerbatim()
    {
        var snippet = Snippets.Region(Path.Combine(Repository.Root, "src", "Tribe.Sso.Members.Tests", "Docs", "ReadmeMembersTests.cs"), "Members");

        Snippets.Readme().Should().Contain("```csharp\n" + snippet + "```");
    }
}
