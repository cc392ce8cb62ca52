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
    public static Run Execute(string? key, params string[] args) => ExecuteWith(new System.Collections.Generic.Dictionary<string, string>(), key, args);

    /// <param name="environment">More environment variables, such as TRIBE_API_CLIENT_SECRET (unset unless given).</param>
    /// <param name="key">The value of TRIBE_SSO_PRIVATE_KEY, or null to leave it unset.</param>
    /// <param name="args">The command line.</param>
    public static Run ExecuteWith(System.Collections.Generic.IReadOnlyDictionary<string, string> environment, string? key, params string[] args)
        => ExecuteWithInput(environment, null, key, args);

    /// <param name="environment">More environment variables, such as TRIBE_WEBHOOK_SIGNING_SECRET (unset unless given).</param>
    /// <param name="stdin">The bytes on stdin, then end of file; null leaves stdin as the test runner's.</param>
    /// <param name="key">The value of TRIBE_SSO_PRIVATE_KEY, or null to leave it unset.</param>
    /// <param name="args">The command line.</param>
    public static Run ExecuteWithInput(System.Collections.Generic.IReadOnlyDictionary<string, string> environment, byte[]? stdin, string? key, params string[] args)
    {
        File.Exists(Assembly).Should().BeTrue("the CLI is built before its tests ({0})", Assembly);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            RedirectStandardInput = stdin is not null,
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

        start.Environment.Remove("TRIBE_API_CLIENT_SECRET");
        start.Environment.Remove("TRIBE_WEBHOOK_SIGNING_SECRET");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        if (stdin is not null)
        {
            try
            {
                process.StandardInput.BaseStream.Write(stdin);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The command ended before it read all of stdin (a bad option): its exit code says why.
            }
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("tribe-sso " + string.Join(" ", args) + " did not finish in 60 s");
        }

        return new Run(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts tribe-sso without waiting for it (to stop it mid-run); its output is discarded.</summary>
    public static Process StartWith(System.Collections.Generic.IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Assembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("TRIBE_API_CLIENT_SECRET");
        start.Environment.Remove("TRIBE_WEBHOOK_SIGNING_SECRET");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
