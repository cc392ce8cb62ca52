using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>docs/operations.md lists every log event the ASP.NET Core package writes, with its id and name, and every instrument it creates.</summary>
public class OperationsLogTableTests
{
    private static readonly string Operations = OperationsDocs.Text;

    [Test]
    public void EveryLoggerMessage_IsARowOfTheLogEventsTable()
    {
        var events = OperationsDocs.LogRows("Tribe.Sso.AspNetCore");

        events.Should().HaveCountGreaterThan(15);
        events.Should().OnlyContain(row => Operations.Contains(row, System.StringComparison.Ordinal), "docs/operations.md must list each event with its id, name and level");
    }

    [Test]
    public void EveryInstrument_IsNamedInTheMeterTables()
    {
        var instruments = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "Tribe.Sso.AspNetCore", "Telemetry"), "*.cs")
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"Create(?:Counter|Histogram)<\w+>\(""(?<name>[\w.]+)""").Cast<Match>())
            .Select(m => "| `" + m.Groups["name"].Value + "` |")
            .ToList();

        instruments.Should().Contain("| `tribe.sso.webhooks.deliveries` |");
        instruments.Should().OnlyContain(row => Operations.Contains(row, System.StringComparison.Ordinal));
    }
}
