using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Tribe.Sso.Cli.Tests.Members;

/// <summary>
/// <c>tribe-sso members relink</c> refuses what it cannot do safely: an API that redirects elsewhere, an email two members
/// hold in different letter case, a CSV with an unclosed quote or with one email given two ids; and a progress file
/// torn by a kill resumes with every row done once. Every refusal names lines and member ids, never an email.
/// </summary>
public class MembersRelinkSafetyTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "tribe-relink-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Relink_ApiThatRedirectsToAnotherHost_ExitsWithTwoNamingTheStatus_AndRelinksNobody()
    {
        using var community = MembersCommunity.Start();
        community.Seed("jane@example.com", "legacy-7");
        using var redirecting = new RawHttpServer(_ => RawHttpServer.Redirect(307, new Uri(community.ApiUrl)));

        var run = Cli.ExecuteWith(MembersCommunity.Credentials(), null, "members", "relink", "--email", "jane@example.com", "--external-id", "42", "--api-url", redirecting.Url.AbsoluteUri);

        run.ExitCode.Should().Be(2, run.All);
        run.Stderr.Should().Contain("limitedToken: The community answered limitedToken with HTTP 307, a redirect, which the client does not follow: the request carries the app's credentials and the member's data. Set TribeMembersClientOptions.ApiUrl to the community's GraphQL endpoint itself.");
        run.Stdout.Should().NotContain("relinked");
        community.ExternalIds()["jane@example.com"].Should().Be("legacy-7", "the request was never sent to the host the answer pointed at");
    }

    [Test]
    public void Relink_TwoMembersWhoseEmailsDifferOnlyInCase_IsRefused_AsResolveConflictRefusesIt()
    {
        using var api = new FakeMembersApi(("m1", "old-1", "dup@example.com"), ("m2", "old-2", "DUP@example.com"));
        var csv = Csv("email,externalId\ndup@example.com,42\n");

        var byEmail = Cli.ExecuteWith(MembersCommunity.Credentials(), null, "members", "relink", "--email", "Dup@Example.com", "--external-id", "42", "--api-url", api.ApiUrl);
        var byCsv = Cli.ExecuteWith(MembersCommunity.Credentials(), null, "members", "relink", "--csv", csv, "--api-url", api.ApiUrl);

        byEmail.ExitCode.Should().Be(1, byEmail.All);
        byEmail.Stdout.Should().Be("refused: members m1, m2 all have that email (in different letter case); none was relinked. Give each its own email in the community first\n");
        byCsv.ExitCode.Should().Be(1, byCsv.All);
        byCsv.Stdout.Should().Contain("line 2: refused: members m1, m2 all have that email (in different letter case)");
        api.Updates.Should().BeEmpty();
        (byEmail.All + byCsv.All).Should().NotContainEquivalentOf("dup@example.com");
    }

    [TestCase("email,externalId\nann@example.com,a-1\n\"cat@example.com,c-1\nbob@example.com,b-2\n", "line 3 opens a quoted field that is never closed")]
    [TestCase("email,externalId\nann@example.com,a-1\ncat@example.com,\"c-1\nbob@example.com,b-2\"\n", "line 3 has an email or externalId that runs onto the next line")]
    public void RelinkCsv_AQuoteLeftOpen_IsRefusedUpFrontNamingItsLine_AndChangesNothing(string text, string refusal)
    {
        using var community = MembersCommunity.Start();
        community.Seed("ann@example.com", "legacy-a");
        var csv = Csv(text);

        var run = community.Members("relink", "--csv", csv);

        run.ExitCode.Should().Be(2, run.All);
        run.Stderr.Should().Contain("--csv: " + refusal);
        run.All.Should().NotContain("@example.com");
        community.ExternalIds()["ann@example.com"].Should().Be("legacy-a", "the file is refused before any row is relinked");
        File.Exists(csv + ".progress").Should().BeFalse();
    }

    [Test]
    public void RelinkCsv_OneEmailGivenTwoExternalIds_RelinksNeither_AndNamesBothLines()
    {
        using var community = MembersCommunity.Start();
        community.Seed("ann@example.com", "legacy-a");
        community.Seed("bob@example.com", "legacy-b");
        var csv = Csv("email,externalId\nann@example.com,a-1\nbob@example.com,b-1\nANN@example.com,a-2\n");

        var run = community.Members("relink", "--csv", csv);

        run.ExitCode.Should().Be(1, run.All);
        run.Stdout.Should().Contain("line 2: refused: line 4 gives the same email another externalId; neither is relinked. Keep one row per member\n")
            .And.Contain("line 4: refused: line 2 gives the same email another externalId; neither is relinked. Keep one row per member\n")
            .And.Contain("relinked 1, already linked 0, not found 0, refused 2\n");
        run.All.Should().NotContainEquivalentOf("ann@example.com");
        community.ExternalIds().Should().Contain("ann@example.com", "legacy-a").And.Contain("bob@example.com", "b-1");
    }

    [Test]
    public void RelinkCsv_ProgressFileEndingInATornLine_ResumesWithEveryRowDoneOnce()
    {
        using var community = MembersCommunity.Start();
        var rows = Enumerable.Range(1, 12).Select(i => ("m" + i + "@example.com", "new-" + i)).ToList();
        community.Seed(rows[0].Item1, rows[0].Item2); // line 2: done by the earlier run, as its progress file says
        foreach (var (email, _) in rows.Skip(1))
        {
            community.Seed(email, "old-" + email);
        }

        var csv = Csv("email,externalId\n" + string.Concat(rows.Select(r => r.Item1 + "," + r.Item2 + "\n")));
        // The earlier run was killed while writing line 13's record: "1" of "13 Relinked ..." reached the disk.
        File.WriteAllText(csv + ".progress", "tribe-sso members relink progress v1 " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(csv))) + "\n2 Relinked member m relinked from externalId old to new-1\n1");
        // 3 requests per 10 s: the token and line 3 (search and update), then the run is stopped after writing line 3's record.
        var killed = Cli.StartWith(MembersCommunity.Credentials(), "members", "relink", "--csv", csv, "--api-rate-limit", "3", "--api-url", community.ApiUrl);
        WaitFor(() => File.ReadAllText(csv + ".progress").Contains("new-2", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        killed.Kill(entireProcessTree: true);
        killed.WaitForExit();

        var run = community.Members("relink", "--csv", csv);

        run.ExitCode.Should().Be(0, run.All);
        var ids = community.ExternalIds();
        rows.Select(r => ids[r.Item1]).Should().Equal(rows.Select(r => r.Item2), "no row is taken for done by a record glued to a torn line");
        run.Stdout.Should().Contain("not found 0, refused 0\n");
    }

    private static void WaitFor(Func<bool> condition, TimeSpan timeout)
    {
        var until = TimeProvider.System.GetUtcNow() + timeout;
        while (!condition())
        {
            TimeProvider.System.GetUtcNow().Should().BeBefore(until, "the condition holds within {0}", timeout);
            System.Threading.Thread.Sleep(100);
        }
    }

    private string Csv(string text)
    {
        var path = Path.Combine(_folder, "members.csv");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }
}
