using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Tribe.Sso.TestSupport;

/// <summary>docs/operations.md and what a package's source says it must list: the docs-as-tests of the log and meter tables.</summary>
public static class OperationsDocs
{
    /// <summary>The text of docs/operations.md.</summary>
    public static string Text => File.ReadAllText(Path.Combine(Repository.Root, "docs", "operations.md"));

    /// <summary>
    /// The log table's row start of every <c>[LoggerMessage]</c> under <c>src/<paramref name="project"/></c>:
    /// <c>| id | `Name` | Level |</c>, followed by <c> `category` |</c> when <paramref name="category"/> is given.
    /// </summary>
    public static IReadOnlyList<string> LogRows(string project, string? category = null)
        => Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", project), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"EventId = (?<id>\d+), Level = LogLevel\.(?<level>\w+), EventName = ""(?<name>\w+)""").Cast<Match>())
            .Select(m => $"| {m.Groups["id"].Value} | `{m.Groups["name"].Value}` | {m.Groups["level"].Value} |" + (category is null ? string.Empty : $" `{category}` |"))
            .ToList();
}
