using System;
using System.IO;
using System.Security.Cryptography;
using Tribe.Sso;
using Tribe.Sso.Testing;

namespace Tribe.Sso.Testing.Tests.Docs;

/// <summary>The README's "test your integration" example, compiled and run. README.md shows the region below verbatim.</summary>
public class PartnerExampleTests
{
    /// <summary>Stands in for the partner's own code that maps its user to a <see cref="TribeSsoUser"/>.</summary>
    private static class MyApp
    {
        public static TribeSsoUser ToTribeUser(string id, string name, string email) =>
            TribeSsoUser.Create(id, name, email).WithRole(TribeRole.Moderator).AddToGroups(TribeGroup.Joined("group-x")).Build();
    }

    #region PartnerTest
    [Test]
    public void Jane_SignsIn_AsModeratorOfGroupX()
    {
        var key = TribeSsoKey.FromBytes(RandomNumberGenerator.GetBytes(32));
        var community = new InMemoryTribeCommunity(key);
        var issuer = new TribeSsoIssuer(new TribeSsoOptions { CommunityUrl = new Uri("https://community.example.com"), PrivateKey = key });

        var signIn = community.SignIn(issuer.CreateLoginUrl(MyApp.ToTribeUser("42", "Jane Doe", "jane@example.com"), "/answers"));

        signIn.Outcome.Should().Be(TribeSsoSignInOutcome.Created);
        signIn.Member!.Role.Should().Be(TribeRole.Moderator);
        signIn.Member.Groups.Should().ContainSingle(g => g.GroupId == "group-x" && g.Status == TribeGroupStatus.Joined);
    }
    #endregion

    [Test]
    public void Readme_ShowsThePartnerTestVerbatim()
    {
        var snippet = Snippets.Region(Path.Combine(Repository.Root, "src", "Tribe.Sso.Testing.Tests", "Docs", "PartnerExampleTests.cs"), "PartnerTest");

        Snippets.Readme().Should().Contain("```csharp\n" + snippet + "```");
    }
}
