using System;
using System.Globalization;
using System.IO;
using System.Net.Sockets;
using System.Text;

namespace Tribe.Sso.Cli.Tests.Community;

/// <summary>
/// <c>tribe-sso community</c> spoken to over a raw HTTP/1.1 connection, as clients that are not browsers speak to it:
/// keep-alive after a reset, an absolute-form request target, a Host header naming another site.
/// </summary>
public class SimulatorHostTests
{
    private const string Key = TestKeys.Primary;

    [Test]
    public void Reset_Answers204WithoutABody_AndKeepsTheConnectionForTheNextRequest()
    {
        using var simulator = CommunitySimulatorProcess.Start(Cli.Assembly, Key);
        using var connection = new RawHttpConnection(simulator.Url);

        var reset = connection.Send("DELETE /_simulator HTTP/1.1\r\nHost: " + connection.Authority + "\r\nContent-Length: 0\r\n\r\n");
        var members = connection.Send("GET /_simulator/members HTTP/1.1\r\nHost: " + connection.Authority + "\r\n\r\n");

        reset.StatusLine.Should().Be("HTTP/1.1 204 No Content");
        reset.Body.Should().BeEmpty();
        reset.Head.Should().NotContainEquivalentOf("Content-Type:", "a 204 has no content to describe");
        members.StatusLine.Should().Be("HTTP/1.1 200 OK", "the connection survives the 204");
        members.Body.Should().Be("[]");
    }

    [Test]
    public void AbsoluteFormTarget_IsHandledAsItsPath()
    {
        using var simulator = CommunitySimulatorProcess.Start(Cli.Assembly, Key);
        using var connection = new RawHttpConnection(simulator.Url);
        var token = Token();

        var signIn = connection.Send("GET http://" + connection.Authority + "/auth/sso?jwt=" + token + "&redirect=%2Fanswers HTTP/1.1\r\nHost: " + connection.Authority + "\r\n\r\n");

        signIn.StatusLine.Should().Be("HTTP/1.1 302 Found");
        signIn.Head.Should().Contain("\r\nLocation: /answers\r\n");
    }

    [TestCase("evil.example")]
    [TestCase("rebind.evil.example:{0}")]
    public void ForeignHostHeader_Is403_WithoutTheMembers(string host)
    {
        using var simulator = CommunitySimulatorProcess.Start(Cli.Assembly, Key);
        using var connection = new RawHttpConnection(simulator.Url);
        connection.Send("GET /auth/sso?jwt=" + Token() + " HTTP/1.1\r\nHost: " + connection.Authority + "\r\n\r\n");

        var members = connection.Send("GET /_simulator/members HTTP/1.1\r\nHost: " + string.Format(CultureInfo.InvariantCulture, host, simulator.Url.Port) + "\r\n\r\n");

        members.StatusLine.Should().Be("HTTP/1.1 403 Forbidden");
        members.Body.Should().NotContain("jane@example.com");
    }

    [TestCase("localhost:{0}")]
    [TestCase("127.0.0.1:{0}")]
    public void LoopbackHostHeader_IsServed(string host)
    {
        using var simulator = CommunitySimulatorProcess.Start(Cli.Assembly, Key);
        using var connection = new RawHttpConnection(simulator.Url);

        var members = connection.Send("GET /_simulator/members HTTP/1.1\r\nHost: " + string.Format(CultureInfo.InvariantCulture, host, simulator.Url.Port) + "\r\n\r\n");

        members.StatusLine.Should().Be("HTTP/1.1 200 OK");
    }

    private static string Token() => new TribeSsoIssuer(new TribeSsoOptions { CommunityUrl = new Uri("http://127.0.0.1"), PrivateKey = TribeSsoKey.FromString(Key) })
        .CreateToken(TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").Build());

    /// <summary>One keep-alive TCP connection; each request's response is read by its Content-Length.</summary>
    private sealed class RawHttpConnection : IDisposable
    {
        private readonly TcpClient _client;
        private readonly NetworkStream _stream;

        public RawHttpConnection(Uri url)
        {
            Authority = url.Authority;
            _client = new TcpClient(url.Host, url.Port) { ReceiveTimeout = 10_000, SendTimeout = 10_000 };
            _stream = _client.GetStream();
        }

        public string Authority { get; }

        public (string StatusLine, string Head, string Body) Send(string request)
        {
            var bytes = Encoding.ASCII.GetBytes(request);
            _stream.Write(bytes, 0, bytes.Length);
            var head = new StringBuilder();
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                var b = _stream.ReadByte();
                if (b < 0)
                {
                    throw new IOException("the simulator closed the connection; read so far: " + head);
                }

                head.Append((char)b);
            }

            var text = head.ToString();
            var body = new MemoryStream();
            if (text.Contains("\r\nTransfer-Encoding: chunked\r\n", StringComparison.OrdinalIgnoreCase))
            {
                for (var size = ChunkSize(); size > 0; size = ChunkSize())
                {
                    body.Write(ReadExactly(size + 2), 0, size);
                }

                ReadLine();
            }
            else
            {
                foreach (var line in text.Split("\r\n"))
                {
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        body.Write(ReadExactly(int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture)));
                    }
                }
            }

            return (text[..text.IndexOf("\r\n", StringComparison.Ordinal)], text, Encoding.UTF8.GetString(body.ToArray()));
        }

        private int ChunkSize() => int.Parse(ReadLine(), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

        private string ReadLine()
        {
            var line = new StringBuilder();
            while (!line.ToString().EndsWith("\r\n", StringComparison.Ordinal))
            {
                var b = _stream.ReadByte();
                line.Append(b >= 0 ? (char)b : throw new IOException("the simulator closed the connection inside a chunked body"));
            }

            return line.ToString(0, line.Length - 2);
        }

        private byte[] ReadExactly(int length)
        {
            var bytes = new byte[length];
            var read = 0;
            while (read < length)
            {
                var n = _stream.Read(bytes, read, length - read);
                read += n > 0 ? n : throw new IOException("the simulator closed the connection inside a body");
            }

            return bytes;
        }

        public void Dispose()
        {
            _stream.Dispose();
            _client.Dispose();
        }
    }
}
