using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Tribe.Sso.Cli.Tests.Members;

/// <summary><c>tribe-sso members relink --csv</c>: the summary, refusals by row, dry runs, repeats and resuming.</summary>
public class MembersRelinkCsvTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "tribe-relink-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void RelinkCsv_MixedRows_SummarisesThem_AndNamesEachRowNotRelinkedByLine()
    {
        using var community = Seeded();
        var csv = Csv("email,externalId\nann@example.com,a-1\nbob@example.com,b-1\nghost@example.com,g-1\ncat@example.com,\n");

        var run = community.Members("relink", "--csv", csv);

        run.ExitCode.Should().Be(1, "rows were not relinked: " + run.All);
        run.Stdout.Should().Contain("line 4: not found: no member has that email\n");
        run.Stdout.Should().Contain("line 5: refused: the externalId is not one a sign-in can carry");
        run.Stdout.Should().Contain("relinked 1, already linked 1, not found 1, refused 1\n");
        run.All.Should().NotContain("@example.com", "rows are named by line, never by email");
        community.ExternalIds().Should().Contain("ann@example.com", "a-1").And.Contain("cat@example.com", "legacy-c");
        File.Exists(csv + ".progress").Should().BeFalse("a finished run removes its progress file");
    }

    [Test]
    public void RelinkCsv_DryRun_ReportsWhatWouldChange_ChangesNothing()
    {
        using var community = Seeded();
        var csv = Csv("email,externalId\nann@example.com,a-1\ncat@example.com,c-1\n");

        var run = community.Members("relink", "--csv", csv, "--dry-run");

        run.ExitCode.Should().Be(0, run.All);
        run.Stdout.Should().Contain("dry run: would have relinked 2, already linked 0, not found 0, refused 0\n");
        community.ExternalIds().Should().Contain("ann@example.com", "legacy-a").And.Contain("cat@example.com", "legacy-c");
        File.Exists(csv + ".progress").Should().BeFalse();
    }

    [Test]
    public void RelinkCsv_RunTwice_SecondRunChangesNothing()
    {
        using var community = Seeded();
        var csv = Csv("externalId,email\na-1,ann@example.com\nc-1,cat@example.com\n");

        var first = community.Members("relink", "--csv", csv);
        var second = community.Members("relink", "--csv", csv);

        first.ExitCode.Should().Be(0, first.All);
        first.Stdout.Should().Contain("relinked 2, already linked 0, not found 0, refused 0\n");
        second.ExitCode.Should().Be(0, second.All);
        second.Stdout.Should().Contain("relinked 0, already linked 2, not found 0, refused 0\n");
        community.ExternalIds().Should().Contain("ann@example.com", "a-1").And.Contain("cat@example.com", "c-1");
    }

    [Test]
    public void RelinkCsv_AfterAnInterruptedRun_SkipsTheRowsItsProgressFileHolds()
    {
        using var community = Seeded();
        var csv = Csv("email,externalId\nann@example.com,a-1\ncat@example.com,c-1\n");
        // What a run stopped after its first row leaves: the CSV's digest, then that row (the member was relinked then).
        File.WriteAllText(csv + ".progress", "tribe-sso members relink progress v1 " + Digest(csv) + "\n2 Relinked member m relinked from externalId legacy-a to a-1\n");

        var run = community.Members("relink", "--csv", csv);

        run.ExitCode.Should().Be(0, run.All);
        run.Stdout.Should().Contain("relinked 2, already linked 0, not found 0, refused 0\n");
        run.Stdout.Should().Contain("api: ").And.NotContain("progress: 0/");
        var ids = community.ExternalIds();
        ids["ann@example.com"].Should().Be("legacy-a", "line 2 was done by the earlier run, so this one does not touch it");
        ids["cat@example.com"].Should().Be("c-1");
        File.Exists(csv + ".progress").Should().BeFalse();
    }

    [Test]
    public void RelinkCsv_KilledMidRun_ResumesWithNoRowLostOrDoneTwice()
    {
        using var community = Seeded();
        var rows = Enumerable.Range(1, 12).Select(i => ("m" + i + "@example.com", "new-" + i)).ToList();
        foreach (var (email, _) in rows)
        {
            community.Seed(email, "old-" + email);
        }

        var csv = Csv("email,externalId\n" + string.Concat(rows.Select(r => r.Item1 + "," + r.Item2 + "\n")));
        // 3 requests per 10 s: the token and one row (search + update) in the first window, then the run is stopped.
        var killed = Cli.StartWith(MembersCommunity.Credentials(), "members", "relink", "--csv", csv, "--api-rate-limit", "3", "--api-url", community.ApiUrl);
        WaitFor(() => File.Exists(csv + ".progress") && File.ReadAllLines(csv + ".progress").Length >= 2, TimeSpan.FromSeconds(30));
        killed.Kill(entireProcessTree: true);
        killed.WaitForExit();
        var doneBefore = File.ReadAllLines(csv + ".progress").Length - 1;

        var run = community.Members("relink", "--csv", csv);

        run.ExitCode.Should().Be(0, run.All);
        run.Stdout.Should().Contain("relinked 12, already linked 0, not found 0, refused 0\n", "the {0} rows of the stopped run count once, as relinked", doneBefore);
        var ids = community.ExternalIds();
        rows.Select(r => ids[r.Item1]).Should().Equal(rows.Select(r => r.Item2));
    }

    [Test]
    public void RelinkCsv_WithAProgressFileOfAnotherCsv_ExitsWithTwo()
    {
        using var community = Seeded();
        var csv = Csv("email,externalId\nann@example.com,a-1\n");
        File.WriteAllText(csv + ".progress", "tribe-sso members relink progress v1 0000\n");

        var run = community.Members("relink", "--csv", csv);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("belongs to another version of the CSV");
    }

    [Test]
    public void RelinkCsv_AFileThatDoesNotExist_ExitsWithTwo()
    {
        using var community = Seeded();

        var run = community.Members("relink", "--csv", Path.Combine(_folder, "missing.csv"));

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("does not exist");
    }

    private static MembersCommunity Seeded()
    {
        var community = MembersCommunity.Start();
        community.Seed("ann@example.com", "legacy-a");
        community.Seed("bob@example.com", "b-1");
        community.Seed("cat@example.com", "legacy-c");
        return community;
    }

    private static string Digest(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

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
