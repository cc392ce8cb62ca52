using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Tribe.Sso.StackExchangeRedis.Tests;

/// <summary>docs/operations.md lists every log event of this package with its id, name, level and category.</summary>
public class OperationsLogTableTests
{
    private static readonly string Source = Path.Combine(Repository.Root, "src", "Tribe.Sso.StackExchangeRedis");
    private static readonly string Operations = File.ReadAllText(Path.Combine(Repository.Root, "docs", "operations.md"));

    [Test]
    public void EveryLoggerMessage_IsARowOfTheLogEventsTable()
    {
        var events = Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, System.StringComparison.Ordinal))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"EventId = (?<id>\d+), Level = LogLevel\.(?<level>\w+), EventName = ""(?<name>\w+)""").Cast<Match>())
            .Select(m => $"| {m.Groups["id"].Value} | `{m.Groups["name"].Value}` | {m.Groups["level"].Value} | `{RedisDeliveryLogEvents.Category}` |")
            .ToList();

        events.Should().HaveCount(2);
        events.Should().OnlyContain(row => Operations.Contains(row, System.StringComparison.Ordinal), "docs/operations.md must list each event with its id, name, level and category");
    }

    [Test]
    public void TheHealthCheck_IsDocumented()
        => Operations.Should().Contain("`" + TribeSsoRedisHealthChecksBuilderExtensions.HealthCheckName + "`").And.Contain("AddTribeSsoRedisDeliveryLog()");
}
