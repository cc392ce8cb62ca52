using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Tribe.Sso.Cli;

/// <summary>
/// <c>FILE.progress</c> beside the CSV: the rows a bulk relink has finished, one line each (<c>line outcome detail</c>,
/// never an email), flushed as it goes, so a run stopped by Ctrl+C resumes where it stopped. Its first line holds the
/// CSV's digest: a progress file is never applied to an edited CSV. Deleted when a run finishes every row.
/// </summary>
internal sealed class RelinkProgress : IDisposable
{
    private const string Magic = "tribe-sso members relink progress v1 ";

    private readonly StreamWriter _writer;

    private RelinkProgress(string path, Dictionary<int, (RelinkOutcome, string)> done, StreamWriter writer)
    {
        Path = path;
        Done = done;
        _writer = writer;
    }

    public string Path { get; }

    /// <summary>Rows finished by earlier runs, by line.</summary>
    public IReadOnlyDictionary<int, (RelinkOutcome Outcome, string Detail)> Done { get; }

    public static RelinkProgress Open(FileInfo csv, string digest)
    {
        var path = csv.FullName + ".progress";
        var done = new Dictionary<int, (RelinkOutcome, string)>();
        try
        {
            if (File.Exists(path))
            {
                var lines = CompleteLines(path);
                if (lines.Length > 0 && lines[0] != Magic + digest)
                {
                    throw new CliException("--csv", "the progress file '" + path + "' belongs to another version of the CSV. Delete it to start over.");
                }

                for (var i = 1; i < lines.Length; i++)
                {
                    var parts = lines[i].Split(' ', 3);
                    if (parts.Length == 3 && int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var line) && Enum.TryParse<RelinkOutcome>(parts[1], out var outcome))
                    {
                        done[line] = (outcome, parts[2]);
                    }
                }
            }

            var writer = new StreamWriter(path, append: true, new UTF8Encoding(false)) { AutoFlush = true };
            if (writer.BaseStream.Length == 0)
            {
                writer.Write(Magic + digest + "\n");
            }

            return new RelinkProgress(path, done, writer);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException("--csv", "the progress file '" + path + "' cannot be written (" + e.GetType().Name + "). Run where the CSV's folder is writable.");
        }
    }

    /// <summary>
    /// The lines that end in a line break. A last line cut short by a kill is cut off the file, so the next record starts
    /// a line of its own rather than extend it (<c>1</c> and <c>2 Relinked ...</c> would read as line 12); its row is simply
    /// done again, which is harmless.
    /// </summary>
    private static string[] CompleteLines(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var end = Array.LastIndexOf(bytes, (byte)'\n') + 1;
        if (end < bytes.Length)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
            file.SetLength(end);
        }

        var text = new UTF8Encoding(false).GetString(bytes, 0, end);
        return text.Length == 0 ? [] : text[..^1].Split('\n');
    }

    public void Record(int line, RelinkOutcome outcome, string detail)
        => _writer.Write(line.ToString(System.Globalization.CultureInfo.InvariantCulture) + " " + outcome + " " + detail.Replace('\n', ' ').Replace('\r', ' ') + "\n");

    /// <summary>Removes the file once every row is done.</summary>
    public void Complete()
    {
        _writer.Dispose();
        File.Delete(Path);
    }

    public void Dispose() => _writer.Dispose();
}
