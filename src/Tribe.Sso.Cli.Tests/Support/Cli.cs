using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;

namespace Tribe.Sso.Cli.Tests;

/// <summary>Runs the real tribe-sso executable (the built tribe-sso.dll under the dotnet host).</summary>
internal static class Cli
{
    public static readonly string Assembly = typeof(Cli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CliAssembly").Value!;

    public sealed record Run(int ExitCode, string Stdout, string Stderr)
    {
        public string All => Stdout + Stderr;
    }

    /// <param name="key">The value of TRIBE_SSO_PRIVATE_KEY, or null to leave it unset.</param>
    public static Run Execute(string? key, params string[] args)
    {
        File.Exists(Assembly).Should().BeTrue("the CLI is built before its tests ({0})", Assembly);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("TRIBE_SSO_PRIVATE_KEY");
        if (key is not null)
        {
            start.Environment["TRIBE_SSO_PRIVATE_KEY"] = key;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("tribe-sso " + string.Join(" ", args) + " did not finish in 60 s");
        }

        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }
}
