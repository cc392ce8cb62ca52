using System.Collections.Generic;

namespace Tribe.Sso.Cli.Tests.Members;

/// <summary><c>tribe-sso members find|relink|delete</c> against a <c>tribe-sso community</c> process over HTTP.</summary>
public class MembersCommandTests
{
    [Test]
    public void Find_ByExternalIdAndByEmail_PrintsTheMember_ExitsWithZero()
    {
        using var community = MembersCommunity.Start();
        community.Seed("jane@example.com", "42", "Jane Doe");

        var byId = community.Members("find", "--external-id", "42");
        var byEmail = community.Members("find", "--email", "JANE@example.com");

        byId.ExitCode.Should().Be(0, byId.All);
        byId.Stdout.Should().Contain("externalId: 42\n").And.Contain("name: Jane Doe\n").And.Contain("email: jane@example.com\n");
        byEmail.ExitCode.Should().Be(0, byEmail.All);
        byEmail.Stdout.Should().Be(byId.Stdout);
    }

    [Test]
    public void Find_NoSuchMember_ExitsWithOne_WithoutEchoingTheEmail()
    {
        using var community = MembersCommunity.Start();

        var byId = community.Members("find", "--external-id", "nobody");
        var byEmail = community.Members("find", "--email", "ghost@example.com");

        byId.ExitCode.Should().Be(1);
        byId.Stdout.Should().Be("no member has externalId nobody\n");
        byEmail.ExitCode.Should().Be(1);
        byEmail.All.Should().NotContain("ghost@example.com");
    }

    [Test]
    public void Find_WithBothOrNeitherSelector_ExitsWithTwo()
    {
        using var community = MembersCommunity.Start();

        community.Members("find").ExitCode.Should().Be(2);
        community.Members("find", "--external-id", "42", "--email", "jane@example.com").ExitCode.Should().Be(2);
    }

    [Test]
    public void Relink_AConflictingMember_Relinks_ThenRepeatingItChangesNothing()
    {
        using var community = MembersCommunity.Start();
        community.Seed("jane@example.com", "legacy-7");

        var first = community.Members("relink", "--email", "jane@example.com", "--external-id", "42");
        var second = community.Members("relink", "--email", "jane@example.com", "--external-id", "42");

        first.ExitCode.Should().Be(0, first.All);
        first.Stdout.Should().MatchRegex("^member .+ relinked from externalId legacy-7 to 42\n$");
        second.ExitCode.Should().Be(0, second.All);
        second.Stdout.Should().MatchRegex("^member .+ already has externalId 42\n$");
        community.ExternalIds()["jane@example.com"].Should().Be("42");
        (first.All + second.All).Should().NotContain("jane@example.com");
    }

    [Test]
    public void Relink_NoMemberWithTheEmail_ExitsWithOne()
    {
        using var community = MembersCommunity.Start();

        var run = community.Members("relink", "--email", "ghost@example.com", "--external-id", "42");

        run.ExitCode.Should().Be(1);
        run.Stdout.Should().Be("no member has that email\n");
    }

    [Test]
    public void Delete_AMember_DeletesIt_ThenAgainExitsWithOne()
    {
        using var community = MembersCommunity.Start();
        community.Seed("jane@example.com", "42");
        var id = System.Text.RegularExpressions.Regex.Match(community.Members("find", "--external-id", "42").Stdout, "^id: (.+)$", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value;

        var first = community.Members("delete", "--id", id);
        var second = community.Members("delete", "--id", id);

        first.ExitCode.Should().Be(0, first.All);
        first.Stdout.Should().Be("deleted member " + id + "\n");
        community.ExternalIds().Should().NotContainKey("jane@example.com");
        second.ExitCode.Should().Be(1);
        second.Stdout.Should().Be("no member has id " + id + " (it may be deleted already)\n");
    }

    [TestCase("TRIBE_API_CLIENT_ID")]
    [TestCase("TRIBE_API_CLIENT_SECRET")]
    [TestCase("TRIBE_API_NETWORK_ID")]
    public void AnyCommand_WithoutACredentialVariable_ExitsWithTwoNamingIt(string variable)
    {
        using var community = MembersCommunity.Start();
        var environment = MembersCommunity.Credentials();
        environment.Remove(variable);

        var run = community.MembersWith(environment, "find", "--external-id", "42");

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Contain(variable + ": is not set");
    }

    [Test]
    public void AnyCommand_WithAWrongSecret_ExitsWithTwo_WithoutPrintingIt()
    {
        using var community = MembersCommunity.Start();
        const string Wrong = "wrong-secret-77aa31";

        var run = community.MembersWith(MembersCommunity.Credentials(Wrong), "find", "--external-id", "42");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("108").And.NotContain(Wrong);
        run.Stdout.Should().NotContain(Wrong);
    }

    [Test]
    public void AnyCommand_WithAnApiUrlThatIsNotAbsolute_ExitsWithTwo()
    {
        var run = Cli.ExecuteWith(MembersCommunity.Credentials(), null, "members", "find", "--external-id", "42", "--api-url", "not a url");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--api-url: is not an absolute URL");
    }

    [Test]
    public void AnyCommand_WithTheSecretAsAnOption_IsNotAccepted()
    {
        var run = Cli.ExecuteWith(new Dictionary<string, string>(), null, "members", "find", "--external-id", "42", "--client-secret", "x");

        run.ExitCode.Should().Be(2, "no option takes the secret");
    }
}
