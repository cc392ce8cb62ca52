using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Linq;
using System.Text;

namespace Tribe.Sso.Cli;

/// <summary>
/// tribe-sso: output on stdout only on success; one-line errors on stderr with exit code 2. Whatever happens, the exit
/// code is 0, 1 or 2, no stack trace is printed, and echoed text is escaped (<see cref="TerminalText"/>).
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        var command = "tribe-sso";
        try
        {
            return Run(args, stdout, stderr, ref command);
        }
        catch (CliException e)
        {
            return Fail(stderr, command + ": " + e.Message);
        }
        catch (Exception e)
        {
            // The last resort: a bug must still end with one line and exit code 2, never a stack trace or exit code 134.
            return Fail(stderr, command + ": unexpected " + e.GetType().Name + ": " + e.Message + " (please report this, with the command but not the key)");
        }
    }

    private static int Run(string[] args, TextWriter stdout, TextWriter stderr, ref string command)
    {
        var root = Commands.Create(stdout, stderr);

        // No response files: an argument such as @token.txt is taken as given, never as a file to read.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        command = CommandPath(parse.CommandResult);
        if (parse.Errors.Count > 0)
        {
            return Fail(stderr, command + ": " + string.Join(" ", parse.Errors.Select(e => e.Message)) + " Run '" + command + " --help'.");
        }

        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
    }

    /// <summary>The whole command, such as <c>tribe-sso webhooks verify</c>, so that an error names what to run again.</summary>
    private static string CommandPath(CommandResult result)
    {
        var names = new System.Collections.Generic.List<string>();
        for (SymbolResult? current = result; current is CommandResult command; current = current.Parent)
        {
            names.Insert(0, command.Command is RootCommand ? "tribe-sso" : command.Command.Name);
        }

        return string.Join(" ", names);
    }

    /// <summary>Writes one escaped line on stderr and returns 2; if even stderr is gone, still returns 2.</summary>
    private static int Fail(TextWriter stderr, string message)
    {
        try
        {
            stderr.Write(TerminalText.Escape(message.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\n', ' ')) + "\n");
        }
        catch (IOException)
        {
        }

        return 2;
    }
}
