using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;

namespace Tribe.Sso.Cli;

/// <summary>tribe-sso: output on stdout only on success; one-line errors on stderr with exit code 2.</summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true };
        var stderr = new StreamWriter(Console.OpenStandardError(), new UTF8Encoding(false)) { AutoFlush = true };
        var root = Commands.Create(stdout);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var command = parse.CommandResult.Command;
            var name = command == root ? "tribe-sso" : "tribe-sso " + command.Name;
            stderr.WriteLine(name + ": " + string.Join(" ", parse.Errors.Select(e => e.Message)) + " Run '" + name + " --help'.");
            return 2;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (CliException e)
        {
            stderr.WriteLine("tribe-sso " + parse.CommandResult.Command.Name + ": " + e.Message);
            return 2;
        }
    }
}
