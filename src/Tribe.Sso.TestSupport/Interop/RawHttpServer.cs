using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.TestSupport;

/// <summary>
/// A loopback HTTP/1.1 server that answers each request with bytes written by the test, so a test can play an API that
/// redirects elsewhere or answers with a malformed header line (what no well-behaved framework lets a server send).
/// Records every request it received, as text.
/// </summary>
public sealed class RawHttpServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly Func<string, string> _answer;
    private readonly ConcurrentQueue<string> _received = new();
    private readonly CancellationTokenSource _stop = new();

    /// <param name="answer">The raw answer (status line, headers, body) to a request, given its raw text.</param>
    public RawHttpServer(Func<string, string> answer)
    {
        _answer = answer;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Url = new Uri("http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/");
        _ = Task.Run(AcceptAsync);
    }

    /// <summary>The server's origin, such as <c>http://127.0.0.1:5123/</c>.</summary>
    public Uri Url { get; }

    /// <summary>Every request received so far, as text.</summary>
    public IReadOnlyCollection<string> Received => _received.ToArray();

    /// <summary>An answer redirecting to <paramref name="location"/> with <paramref name="status"/>, such as 307 or 308.</summary>
    public static string Redirect(int status, Uri location)
        => "HTTP/1.1 " + status.ToString(System.Globalization.CultureInfo.InvariantCulture) + " Redirect\r\nLocation: " + location.AbsoluteUri + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                _received.Enqueue(request);
                var answer = Encoding.UTF8.GetBytes(_answer(request));
                await stream.WriteAsync(answer, _stop.Token);
                await stream.FlushAsync(_stop.Token);
                client.Client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away; nothing to answer.
            }
        }
    }

    /// <summary>Reads the head and, by its Content-Length, the body.</summary>
    private async Task<string> ReadRequestAsync(NetworkStream stream)
    {
        var bytes = new List<byte>();
        var buffer = new byte[8192];
        int end;
        while ((end = HeadEnd(bytes)) < 0)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                return Encoding.UTF8.GetString(bytes.ToArray());
            }

            bytes.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        var head = Encoding.UTF8.GetString(bytes.GetRange(0, end).ToArray());
        var length = 0;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        while (bytes.Count < end + 4 + length)
        {
            var read = await stream.ReadAsync(buffer, _stop.Token);
            if (read == 0)
            {
                break;
            }

            bytes.AddRange(buffer.AsSpan(0, read).ToArray());
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static int HeadEnd(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
