using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.TestSupport;

/// <summary>
/// A redis-server of the test's own: a child process on a free loopback port, with nothing saved to disk, started and
/// waited for until it answers PING, killed when disposed (or when the test process exits). Fails with the command that
/// installs Redis when redis-server is missing; never skips. Used by the tests and the benchmarks.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    /// <summary>What installs Redis on Debian and Ubuntu; <c>bash eng/test.sh</c> runs it when Redis is missing.</summary>
    public const string InstallCommand = "sudo apt-get update && sudo apt-get install -y redis-server";

    private Process? _process;

    private RedisServer(string executable, int port)
    {
        Executable = executable;
        Port = port;
    }

    /// <summary>Gets the port the server listens on, on 127.0.0.1; it stays the same across <see cref="RestartAsync"/>.</summary>
    public int Port { get; }

    /// <summary>Gets the StackExchange.Redis connection string of the server.</summary>
    public string ConnectionString => "127.0.0.1:" + Port;

    /// <summary>Gets a value indicating whether the server process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    private string Executable { get; }

    /// <summary>Starts a server on a free port and waits until it answers PING.</summary>
    /// <exception cref="InvalidOperationException">redis-server is not installed (the message says how to install it), or it did not start.</exception>
    public static async Task<RedisServer> StartAsync()
    {
        var executable = Find() ?? throw new InvalidOperationException(
            "These tests need a Redis server: redis-server is not on PATH. Install it with `" + InstallCommand + "` (or run bash eng/test.sh, which installs it), then run the tests again.");
        var server = new RedisServer(executable, FreePort());
        await server.RestartAsync();
        return server;
    }

    /// <summary>Kills the server at once, as a crash or a network cut would: every key is lost (nothing is saved).</summary>
    public void Kill()
    {
        if (_process is { } process)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
                // It had exited already.
            }

            process.Dispose();
            _process = null;
        }
    }

    /// <summary>Starts the server again on the same port (empty) and waits until it answers PING.</summary>
    public async Task RestartAsync()
    {
        Kill();
        var start = new ProcessStartInfo(Executable)
        {
            ArgumentList = { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--protected-mode", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("redis-server exited with code " + process.ExitCode + " on port " + Port + ".");
            }

            if (await PingAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException("redis-server on port " + Port + " did not answer PING within 20 seconds.");
    }

    /// <summary>Sends PING over a plain socket: whether the server answers PONG.</summary>
    public async Task<bool> PingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("PING\r\n"), timeout.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }

    private static string? Find()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator).Append("/usr/bin").Append("/usr/sbin"))
        {
            var candidate = Path.Combine(directory, "redis-server");
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
