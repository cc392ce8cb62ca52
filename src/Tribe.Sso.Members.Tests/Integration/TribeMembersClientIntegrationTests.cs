using System.Net;
using System.Threading.Tasks;
using Tribe.Sso.Members.Tests.Support;

namespace Tribe.Sso.Members.Tests.Integration;

/// <summary>The members client against the simulated community over real HTTP: the lifecycle a partner scripts.</summary>
public class TribeMembersClientIntegrationTests
{
    private static readonly TribeSsoUser Jane = TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").Build();

    [Test]
    public async Task ResolveConflictAsync_ForASeededConflict_RelinksIt_AndTheSameTokenSignsIn()
    {
        await using var server = await SimulatorServer.StartAsync();
        await server.SeedAsync("jane@example.com", "Jane (old account)", "legacy-7");
        var link = server.Issuer.CreateLoginUrl(Jane, "/").ToUri();
        using var browser = new System.Net.Http.HttpClient(new System.Net.Http.HttpClientHandler { AllowAutoRedirect = false });
        (await browser.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        using var client = server.Client();

        var fix = await client.ResolveConflictAsync(Jane);

        fix.Outcome.Should().Be(TribeConflictOutcome.Relinked);
        fix.Reason.Should().Be(TribeConflictReason.LinkedToAnotherId);
        fix.PreviousExternalId.Should().Be("legacy-7");
        (await browser.GetAsync(link)).StatusCode.Should().Be(HttpStatusCode.Found, "the very token refused before now signs in");
        (await client.ResolveConflictAsync(Jane)).Outcome.Should().Be(TribeConflictOutcome.NothingToDo);
    }

    [Test]
    public async Task FindAsync_ByExternalIdAndByEmailInAnyCase_FindsTheSameMember()
    {
        await using var server = await SimulatorServer.StartAsync();
        await server.SeedAsync("jane@example.com", "Jane Doe", "42");
        await server.SeedAsync("john@example.com", "John Roe", "43");
        using var client = server.Client();

        var byId = await client.FindByExternalIdAsync("42");
        var byEmail = await client.FindByEmailAsync("JANE@Example.com");

        byId.Should().NotBeNull();
        byId!.Email.Should().Be("jane@example.com");
        byId.Name.Should().Be("Jane Doe");
        byId.IsActive.Should().BeTrue();
        byEmail!.Id.Should().Be(byId.Id);
        (await client.FindByExternalIdAsync("nobody")).Should().BeNull();
        (await client.FindByEmailAsync("jan@example.com")).Should().BeNull("the email must match exactly, not as a search");
    }

    [Test]
    public async Task UpdateAsync_ExternalIdAndEmail_ChangesTheMemberTheNextSignInFinds()
    {
        await using var server = await SimulatorServer.StartAsync();
        await server.SeedAsync("jane@example.com", "Jane Doe", "legacy-7");
        using var client = server.Client();
        var member = await client.FindByEmailAsync("jane@example.com");

        var changed = await client.UpdateAsync(member!.Id, new TribeMemberChanges { ExternalId = "42", Email = "jane.doe@example.com" });

        changed.ExternalId.Should().Be("42");
        changed.Email.Should().Be("jane.doe@example.com");
        (await client.FindByExternalIdAsync("42"))!.Email.Should().Be("jane.doe@example.com");
        (await client.FindByEmailAsync("jane@example.com")).Should().BeNull();
        (await server.SignInAsync(TribeSsoUser.Create("42", "Jane Doe", "jane.doe@example.com").Build())).Should().Be(HttpStatusCode.Found);
    }

    [Test]
    public async Task DeleteAsync_AMember_RemovesIt_AndDeletingAgainIsNotFound()
    {
        await using var server = await SimulatorServer.StartAsync();
        await server.SeedAsync("jane@example.com", "Jane Doe", "42");
        using var client = server.Client();
        var member = await client.FindByExternalIdAsync("42");

        await client.DeleteAsync(member!.Id);

        (await client.FindByExternalIdAsync("42")).Should().BeNull();
        var again = await FluentActions.Awaiting(() => client.DeleteAsync(member.Id)).Should().ThrowAsync<TribeMembersNotFoundException>();
        again.Which.MemberId.Should().Be(member.Id);
        again.Which.ErrorCode.Should().Be("110");
    }

    [Test]
    public async Task UpdateAsync_AnUnknownMember_ThrowsNotFound()
    {
        await using var server = await SimulatorServer.StartAsync();
        using var client = server.Client();

        var thrown = await FluentActions.Awaiting(() => client.UpdateAsync("no-such-member", new TribeMemberChanges { Name = "X" })).Should().ThrowAsync<TribeMembersNotFoundException>();

        thrown.Which.MemberId.Should().Be("no-such-member");
        thrown.Which.ToString().Should().NotContain(SimulatorServer.ClientSecret);
    }

    [Test]
    public async Task AnyCall_WithAWrongClientSecret_ThrowsCredentials_WithoutTheSecret()
    {
        await using var server = await SimulatorServer.StartAsync();
        const string Wrong = "wrong-secret-c0ffee-1234";
        using var client = server.Client(secret: Wrong);

        var thrown = await FluentActions.Awaiting(() => client.FindByExternalIdAsync("42")).Should().ThrowAsync<TribeMembersCredentialsException>();

        thrown.Which.ErrorCode.Should().Be("108");
        thrown.Which.Message.Should().Contain("ClientSecret", "the message names the setting to fix");
        foreach (var text in new[] { thrown.Which.Message, thrown.Which.ToString() })
        {
            text.Should().NotContain(Wrong).And.NotContain(SimulatorServer.ClientSecret);
        }
    }

    [Test]
    public async Task AnyCall_BeyondTheRateLimit_ThrowsRateLimited_WhenTheWaitIsBeyondMaxRetryDelay()
    {
        await using var server = await SimulatorServer.StartAsync(rateLimit: 2);
        await server.SeedAsync("jane@example.com", "Jane Doe", "42");
        using var client = server.Client(maxAttempts: 2);
        await client.FindByExternalIdAsync("42"); // the token request and this query use up the window

        var thrown = await FluentActions.Awaiting(() => client.FindByExternalIdAsync("42")).Should().ThrowAsync<TribeMembersRateLimitedException>();

        // The window is 10 s and MaxRetryDelay 50 ms: the client gives up at once instead of sleeping, and says when to come back.
        thrown.Which.Attempts.Should().Be(1);
        thrown.Which.ErrorCode.Should().Be("104");
        thrown.Which.RetryAfter.Should().BeGreaterThan(System.TimeSpan.FromMilliseconds(50));
        thrown.Which.ToString().Should().NotContain(SimulatorServer.ClientSecret).And.NotContain("jane@example.com");
    }
}
