using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using nietras.SeparatedValues;

namespace Tribe.Sso.Cli;

/// <summary>
/// The bulk relink's input, read with Sep: a header row <c>email,externalId</c> on the first line (in either order, more
/// columns ignored), then one member per line; RFC 4180 quoting; blank lines skipped. Rows are named by their line number
/// in the file. A quote left open refuses the file, naming its line, rather than swallow the rows after it; rows that
/// give one email different externalIds are flagged, so neither is relinked.
/// </summary>
internal sealed class RelinkCsv
{
    /// <summary>The largest file read: a million rows of ordinary length.</summary>
    private const long MaxBytes = 256L * 1024 * 1024;

    private RelinkCsv(List<Row> rows, string digest)
    {
        Rows = rows;
        Digest = digest;
    }

    public IReadOnlyList<Row> Rows { get; }

    /// <summary>A digest of the file's bytes: the progress file holds it, so it is never applied to an edited file.</summary>
    public string Digest { get; }

    public static RelinkCsv Read(FileInfo file)
    {
        byte[] bytes;
        try
        {
            if (!file.Exists)
            {
                throw new CliException("--csv", "the file '" + file.FullName + "' does not exist. Pass a CSV file with the header row email,externalId.");
            }

            if (file.Length > MaxBytes)
            {
                throw new CliException("--csv", "the file is larger than 256 MB. Split it into smaller files.");
            }

            bytes = File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException("--csv", "the file '" + file.FullName + "' cannot be read (" + e.GetType().Name + "). Pass a readable CSV file.");
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new CliException("--csv", "the file is not UTF-8 text. Save it as UTF-8 CSV.");
        }

        return new RelinkCsv(Parse(text.TrimStart('\uFEFF')), Convert.ToHexString(SHA256.HashData(bytes)));
    }

    private static List<Row> Parse(string text)
    {
        var rows = new List<Row>();
        try
        {
            using var reader = Sep.Reader(o => o with { Sep = new Sep(','), HasHeader = true, Unescape = true, DisableColCountCheck = true, CultureInfo = CultureInfo.InvariantCulture }).FromText(text);
            if (reader.IsEmpty)
            {
                throw new CliException("--csv", "the file is empty. Put the header row email,externalId on the first line.");
            }

            var names = reader.Header.ColNames;
            var emailColumn = IndexOf(names, "email");
            var idColumn = IndexOf(names, "externalId");
            if (emailColumn < 0 || idColumn < 0)
            {
                throw new CliException("--csv", "line 1 is not the header row email,externalId. Put the column names on the first line.");
            }

            foreach (var row in reader)
            {
                var line = row.LineNumberFrom;
                if (row.ColCount == 1 && row[0].Span.Trim().Length == 0 && row.Span.IndexOf('"') < 0)
                {
                    continue;
                }

                if (row.Span.Count('"') % 2 == 1)
                {
                    // Only the last row can end inside a quote: the parser reads on to the end of the file looking for its close.
                    throw new CliException("--csv", "line " + line.ToString(CultureInfo.InvariantCulture) + " opens a quoted field that is never closed, so every line after it would be read as part of it. Close the quote (a quote inside a field is written twice: \"\").");
                }

                var email = emailColumn < row.ColCount ? row[emailColumn].ToString().Trim() : string.Empty;
                var id = idColumn < row.ColCount ? row[idColumn].ToString().Trim() : string.Empty;
                if (email.AsSpan().IndexOfAny('\r', '\n') >= 0 || id.AsSpan().IndexOfAny('\r', '\n') >= 0)
                {
                    throw new CliException("--csv", "line " + line.ToString(CultureInfo.InvariantCulture) + " has an email or externalId that runs onto the next line: a quote is not closed where it should be, and the lines after it would be read as part of it. Close the quote at the end of the field.");
                }

                rows.Add(new Row(line, email, id));
            }
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or NotSupportedException)
        {
            // The parser's message may quote the file, and so an email: only its kind is named.
            throw new CliException("--csv", "the file is not CSV the reader accepts (" + e.GetType().Name + "). Save it as comma-separated UTF-8 with the header row email,externalId.");
        }

        return Flagged(rows);
    }

    /// <summary>Rows that give one email (in any letter case) different externalIds: each names another such line, and none is relinked.</summary>
    private static List<Row> Flagged(List<Row> rows)
    {
        var byEmail = new Dictionary<string, List<Row>>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (row.Email.Length == 0)
            {
                continue;
            }

            if (!byEmail.TryGetValue(row.Email, out var same))
            {
                byEmail[row.Email] = same = new List<Row>();
            }

            same.Add(row);
        }

        var flagged = new List<Row>(rows.Count);
        foreach (var row in rows)
        {
            var other = row.Email.Length == 0 ? null : byEmail[row.Email].Find(r => r.Line != row.Line && r.ExternalId != row.ExternalId);
            flagged.Add(other is null ? row : row with { ConflictsWith = other.Line });
        }

        return flagged;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A member to relink, named by the line it starts on.</summary>
    /// <param name="ConflictsWith">Another line that gives the same email another externalId, or null.</param>
    internal sealed record Row(int Line, string Email, string ExternalId, int? ConflictsWith = null);
}
