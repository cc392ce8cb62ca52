using System;
using System.Linq;
using Tribe.Sso.Testing;

namespace Tribe.Sso.Cli.Tests;

/// <summary><c>--role admin</c> is signed by <c>token</c> and <c>link</c> only with <c>--allow-admin-role</c>.</summary>
public class AllowAdminRoleTests
{
    private const string Refusal = "--role: admin makes the holder a community admin, so it is signed only on request. Pass --allow-admin-role if you really mean an admin token; otherwise use --role moderator or --role member.";

    private static readonly string[] LinkArgs = { "link", "--community", "https://community.example.com" };

    [TestCase("token")]
    [TestCase("link")]
    public void RoleAdmin_WithoutAllowAdminRole_ExitsTwoNamingTheOption(string command)
    {
        var run = Cli.Execute(TestKeys.Primary, CommandLine(command, "--role", "admin"));

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Be("tribe-sso " + command + ": " + Refusal + "\n");
    }

    [Test]
    public void Token_RoleAdminWithAllowAdminRole_SignsAnAdminToken()
    {
        var run = Cli.Execute(TestKeys.Primary, CommandLine("token", "--role", "admin", "--allow-admin-role"));

        run.ExitCode.Should().Be(0, run.Stderr);
        var read = Reader().Read(run.Stdout.TrimEnd('\n'));
        read.IsAccepted.Should().BeTrue(string.Join("; ", read.Findings));
        read.User!.Role.Should().Be(TribeRole.Admin);
    }

    [Test]
    public void Link_RoleAdminWithAllowAdminRole_IsALinkTheCommunitySignsInAsAdmin()
    {
        var run = Cli.Execute(TestKeys.Primary, CommandLine("link", "--role", "admin", "--allow-admin-role"));

        run.ExitCode.Should().Be(0, run.Stderr);
        var community = new InMemoryTribeCommunity(TribeSsoKey.FromString(TestKeys.Primary), TestClock.Create());
        community.SignIn(run.Stdout.TrimEnd('\n')).Outcome.Should().Be(TribeSsoSignInOutcome.Created);
        community.Members.Should().ContainSingle().Which.Role.Should().Be(TribeRole.Admin);
    }

    [TestCase("moderator", TribeRole.Moderator)]
    [TestCase("member", TribeRole.Member)]
    public void Token_OtherRolesWithoutTheOption_AreSigned(string role, TribeRole expected)
    {
        var run = Cli.Execute(TestKeys.Primary, CommandLine("token", "--role", role));

        run.ExitCode.Should().Be(0, run.Stderr);
        Reader().Read(run.Stdout.TrimEnd('\n')).User!.Role.Should().Be(expected);
    }

    private static TribeSsoTokenReader Reader()
        => new(TribeSsoKey.FromString(TestKeys.Primary), new TribeSsoTokenReaderOptions { TimeProvider = TestClock.Create() });

    private static string[] CommandLine(string command, params string[] options)
        => (command == "link" ? LinkArgs : new[] { command }).Concat(options).Concat(Args.Jane).ToArray();
}
