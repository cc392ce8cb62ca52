using System.Linq;
using Microsoft.Extensions.Logging.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>What the tests assert on: every collected line in one text, exceptions included.</summary>
internal static class FakeLogCollectorExtensions
{
    public static string AllText(this FakeLogCollector logs)
        => string.Join("\n", logs.GetSnapshot().Select(r => r.Category + " " + r.Level + " " + r.Message + (r.Exception is null ? string.Empty : " " + r.Exception)));
}
