using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Spectre.Console;
using Tribe.Sso.Members;

namespace Tribe.Sso.Cli;

/// <summary>
/// <c>members relink --csv</c>: every row relinked in order, each recorded in the progress file as soon as it is done;
/// a progress bar on a terminal, a plain line every 10 % otherwise; then a line per row not relinked (by its line
/// number, never its email) and one summary line.
/// </summary>
internal static class BulkRelink
{
    public static async Task<int> RunAsync(TribeMembersClient client, RequestPacer pacer, FileInfo file, bool dryRun, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var csv = RelinkCsv.Read(file);
        using var progress = dryRun ? null : RelinkProgress.Open(file, csv.Digest);
        var results = new SortedDictionary<int, (RelinkOutcome Outcome, string Detail)>();
        foreach (var row in csv.Rows)
        {
            if (progress?.Done.TryGetValue(row.Line, out var earlier) == true)
            {
                results[row.Line] = earlier;
            }
        }

        var todo = csv.Rows.Where(r => !results.ContainsKey(r.Line)).ToList();
        var interrupted = false;
        try
        {
            if (!Console.IsOutputRedirected)
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
                await console.Progress().AutoClear(true).StartAsync(async context =>
                {
                    var task = context.AddTask(dryRun ? "checking rows" : "relinking rows", maxValue: csv.Rows.Count);
                    task.Increment(results.Count);
                    await RelinkRowsAsync(client, todo, dryRun, progress, results, () => task.Increment(1), cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false);
            }
            else
            {
                var step = Math.Max(1, csv.Rows.Count / 10);
                await RelinkRowsAsync(client, todo, dryRun, progress, results, () =>
                {
                    if (results.Count % step == 0 || results.Count == csv.Rows.Count)
                    {
                        stdout.Write(string.Create(CultureInfo.InvariantCulture, $"progress: {results.Count}/{csv.Rows.Count} rows\n"));
                    }
                }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            interrupted = true;
        }

        foreach (var (line, (outcome, detail)) in results)
        {
            if (outcome is RelinkOutcome.Refused or RelinkOutcome.NotFound)
            {
                stdout.Write(TerminalText.Escape(string.Create(CultureInfo.InvariantCulture, $"line {line}: {(outcome == RelinkOutcome.Refused ? "refused" : "not found")}: {detail}")) + "\n");
            }
        }

        int Count(RelinkOutcome o) => results.Values.Count(r => r.Outcome == o);
        stdout.Write(string.Create(CultureInfo.InvariantCulture, $"{(dryRun ? "dry run: would have " : string.Empty)}relinked {Count(RelinkOutcome.Relinked)}, already linked {Count(RelinkOutcome.AlreadyLinked)}, not found {Count(RelinkOutcome.NotFound)}, refused {Count(RelinkOutcome.Refused)}\n"));
        stdout.Write(string.Create(CultureInfo.InvariantCulture, $"api: {pacer.Requests} requests, {pacer.RateLimited} answered 429 (rate limited)\n"));
        if (interrupted)
        {
            stderr.Write(string.Create(CultureInfo.InvariantCulture, $"tribe-sso members relink: interrupted after {results.Count} of {csv.Rows.Count} rows; run the same command again to resume.\n"));
            return 1;
        }

        progress?.Complete();
        return Count(RelinkOutcome.NotFound) + Count(RelinkOutcome.Refused) == 0 ? 0 : 1;
    }

    private static async Task RelinkRowsAsync(TribeMembersClient client, List<RelinkCsv.Row> rows, bool dryRun, RelinkProgress? progress, SortedDictionary<int, (RelinkOutcome, string)> results, Action advanced, CancellationToken cancellationToken)
    {
        foreach (var row in rows)
        {
            var (outcome, detail) = row.ConflictsWith is { } other
                ? (RelinkOutcome.Refused, string.Create(CultureInfo.InvariantCulture, $"line {other} gives the same email another externalId; neither is relinked. Keep one row per member"))
                : await Relinker.RelinkAsync(client, row.Email, row.ExternalId, dryRun, cancellationToken).ConfigureAwait(false);
            progress?.Record(row.Line, outcome, detail);
            results[row.Line] = (outcome, detail);
            advanced();
        }
    }
}
