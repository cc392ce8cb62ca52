using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;

namespace Tribe.Sso.Sample.Tests;

/// <summary>The sample, started as its own process on a free loopback port; stopped on dispose.</summary>
internal sealed class SampleProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SampleProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    /// <summary>The client secret of the simulated community's API app (client id <c>sample-admin-app</c>, network <c>SampleNetwork</c>).</summary>
    public const string ApiClientSecret = "sample-tests-api-secret-0123456789";

    public string BaseUrl { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The sample with its in-process simulated community.</summary>
    public static SampleProcess Start() => Start(NewBaseUrl(), community: null, key: null);

    /// <summary>A free loopback address for a sample, to give a community its URLs before the sample starts.</summary>
    public static string NewBaseUrl() => "http://127.0.0.1:" + FreePort();

    /// <summary>The sample at <paramref name="baseUrl"/>, signing users into <paramref name="community"/> with <paramref name="key"/> (its configuration for a real community).</summary>
    public static SampleProcess Start(string baseUrl, Uri? community, string? key)
    {
        var assembly = typeof(SampleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SampleAssembly").Value!;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = System.IO.Path.GetDirectoryName(assembly)!,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl);
        // No configuration file watchers: each takes an inotify instance (128 per user by default), and a machine busy
        // with other hosts and browsers can run out, which fails the sample at start-up. The tests never edit its files.
        start.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false";
        start.Environment.Remove("TribeSso__CommunityUrl");
        start.Environment.Remove("TribeSso__PrivateKey");
        start.Environment.Remove("TribeSso__Members__ClientSecret");
        if (community is null)
        {
            // The simulated community's API app gets a secret the tests know, so they can call the API as an admin script would.
            start.Environment["TribeSso__Members__ClientSecret"] = ApiClientSecret;
        }

        if (community is not null && key is not null)
        {
            start.Environment["TribeSso__CommunityUrl"] = community.AbsoluteUri;
            start.Environment["TribeSso__PrivateKey"] = key;
        }
        var started = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start };
        var sample = new SampleProcess(process, baseUrl);
        process.OutputDataReceived += (_, e) => sample.Record(e.Data, started);
        process.ErrorDataReceived += (_, e) => sample.Record(e.Data, null);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // Whichever comes first: the address line, the process ending (its output says why), or 60 s.
        var exited = process.WaitForExitAsync();
        var first = Task.WhenAny(started.Task, exited, Task.Delay(TimeSpan.FromSeconds(60))).GetAwaiter().GetResult();
        if (first != started.Task)
        {
            var why = first == exited ? "exited with code " + process.ExitCode + " before printing its address" : "did not print its address within 60 s";
            sample.Dispose();
            Assert.Fail("The sample " + why + ". Output:\n" + sample.Output);
        }

        return sample;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Record(string? line, TaskCompletionSource<string>? started)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (started is not null && line.StartsWith("Tribe.Sso sample running at ", StringComparison.Ordinal))
        {
            started.TrySetResult(line);
        }
    }
}
