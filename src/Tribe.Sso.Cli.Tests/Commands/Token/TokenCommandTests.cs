using System;
using System.IO;
using System.Linq;
using Tribe.Sso.Testing;

namespace Tribe.Sso.Cli.Tests;

/// <summary><c>tribe-sso token</c>, through the real executable: the golden token, every claim option, short keys.</summary>
public class TokenCommandTests
{
    private const string Key = TestKeys.Primary;
    private static readonly string[] Jane = Args.Jane;

    [Test]
    public void Token_FixedIssuedAt_PrintsTheGoldenTokenAndANewline()
    {
        var run = Cli.Execute(Key, new[] { "token" }.Concat(Jane).ToArray());

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Be(GoldenVectors.MinimalToken + "\n");
        run.Stderr.Should().BeEmpty();
    }

    [Test]
    public void Token_EveryClaimOption_IsSignedAndReadBack()
    {
        var run = Cli.Execute(Key, new[]
        {
            "token", "--role", "moderator", "--picture", "https://cdn.example.com/j.png", "--title", "Lead", "--bio", "<b>Hi</b>",
            "--locale", "fr-CA", "--source", "newsletter", "--tagline", "Ask me", "--audience", "partner",
            "--group", "g1", "--group", "g2:admin", "--group", "g3:member:unapproved", "--groups-operation", "add", "--lifetime", "120",
        }.Concat(Jane).ToArray());

        var read = new TribeSsoTokenReader(TribeSsoKey.FromString(Key), new TribeSsoTokenReaderOptions { TimeProvider = TestClock.Create() }).Read(run.Stdout.TrimEnd('\n'));

        read.IsAccepted.Should().BeTrue(string.Join("; ", read.Findings));
        var user = read.User!;
        user.Role.Should().Be(TribeRole.Moderator);
        user.Profile.Title.Should().Be("Lead");
        user.Profile.Bio.Should().Be("<b>Hi</b>");
        user.Profile.Locale.Should().Be("fr-CA");
        user.Profile.Source.Should().Be("newsletter");
        user.Profile.Tagline.Should().Be("Ask me");
        user.GroupsOperation.Should().Be(TribeGroupsOperation.Add);
        user.Groups.Should().Equal(TribeGroup.FromId("g1"), TribeGroup.Joined("g2", TribeGroupRole.Admin), TribeGroup.Unapproved("g3"));
        read.Claims!.Audience.Should().Be("partner");
        (read.Claims.ExpiresAt - read.Claims.IssuedAt).Should().Be(TimeSpan.FromSeconds(120));
    }

    [Test]
    public void AllowShortKey_SignsWithAShortKey()
    {
        var run = Cli.Execute(TestKeys.Short, new[] { "token", "--allow-short-key" }.Concat(Jane).ToArray());

        run.ExitCode.Should().Be(0);
        new TribeSsoTokenReader(TribeSsoKey.FromShortCommunityKey(TestKeys.Short), new TribeSsoTokenReaderOptions { TimeProvider = TestClock.Create() })
            .Read(run.Stdout.Trim()).SignatureStatus.Should().Be(TribeSsoSignatureStatus.Valid);
    }
}
