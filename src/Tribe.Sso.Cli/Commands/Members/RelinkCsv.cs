using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Tribe.Sso.Cli;

/// <summary>
/// The bulk relink's input: a header row <c>email,externalId</c> (in either order, more columns ignored), then one
/// member per line; RFC 4180 quoting; blank lines skipped. Rows are named by their line number in the file.
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
        int emailColumn = -1, idColumn = -1;
        var headerSeen = false;
        foreach (var (line, fields) in Records(text))
        {
            if (fields.Count == 1 && fields[0].Trim().Length == 0)
            {
                continue;
            }

            if (!headerSeen)
            {
                headerSeen = true;
                emailColumn = fields.FindIndex(f => f.Trim().Equals("email", StringComparison.OrdinalIgnoreCase));
                idColumn = fields.FindIndex(f => f.Trim().Equals("externalId", StringComparison.OrdinalIgnoreCase));
                if (emailColumn < 0 || idColumn < 0)
                {
                    throw new CliException("--csv", "line " + line + " is not the header row email,externalId. Put the column names on the first line.");
                }

                continue;
            }

            var email = emailColumn < fields.Count ? fields[emailColumn].Trim() : string.Empty;
            var id = idColumn < fields.Count ? fields[idColumn].Trim() : string.Empty;
            rows.Add(new Row(line, email, id));
        }

        return headerSeen ? rows : throw new CliException("--csv", "the file is empty. Put the header row email,externalId on the first line.");
    }

    /// <summary>Each record with the line it starts on; a quoted field may span lines.</summary>
    private static IEnumerable<(int Line, List<string> Fields)> Records(string text)
    {
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (quoted)
                {
                    if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else if (c == '"')
                    {
                        quoted = false;
                    }
                    else
                    {
                        line += c == '\n' ? 1 : 0;
                        field.Append(c);
                    }
                }
                else if (c == '"' && field.Length == 0)
                {
                    quoted = true;
                }
                else if (c == ',')
                {
                    fields.Add(field.ToString());
                    field.Clear();
                }
                else if (c == '\n')
                {
                    break;
                }
                else if (c != '\r')
                {
                    field.Append(c);
                }
            }

            fields.Add(field.ToString());
            i++;
            line++;
            yield return (start, fields);
        }
    }

    internal sealed record Row(int Line, string Email, string ExternalId);
}
