using System.Linq;

namespace Tribe.Sso.StackExchangeRedis.Tests;

/// <summary>docs/operations.md lists every log event of this package with its id, name, level and category.</summary>
public class OperationsLogTableTests
{
    private static readonly string Operations = OperationsDocs.Text;

    [Test]
    public void EveryLoggerMessage_IsARowOfTheLogEventsTable()
    {
        var events = OperationsDocs.LogRows("Tribe.Sso.StackExchangeRedis", RedisDeliveryLogEvents.Category);

        events.Should().HaveCount(2);
        events.Should().OnlyContain(row => Operations.Contains(row, System.StringComparison.Ordinal), "docs/operations.md must list each event with its id, name, level and category");
    }

    [Test]
    public void TheHealthCheck_IsDocumented()
        => Operations.Should().Contain("`" + TribeSsoRedisHealthChecksBuilderExtensions.HealthCheckName + "`").And.Contain("AddTribeSsoRedisDeliveryLog()");
}
