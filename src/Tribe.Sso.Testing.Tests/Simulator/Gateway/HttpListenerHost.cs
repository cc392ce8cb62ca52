using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary>
/// Serves a simulator over real HTTP on a free loopback port with <see cref="HttpListener"/>, so a client in another
/// process (the community's Node client) talks to it as to a community: each request goes to
/// <see cref="TribeCommunitySimulator.Handle(TribeCommunitySimulatorRequest)"/> as it arrived.
/// </summary>
internal sealed class HttpListenerHost : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly TribeCommunitySimulator _simulator;
    private readonly Task _loop;

    public HttpListenerHost(TribeCommunitySimulator simulator)
    {
        _simulator = simulator;
        var port = FreePort();
        Url = "http://127.0.0.1:" + port;
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(Serve);
    }

    /// <summary>Gets the address, such as <c>http://127.0.0.1:50123</c>.</summary>
    public string Url { get; }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            var cookie = context.Request.Cookies[TribeCommunitySimulator.SessionCookieName]?.Value;
            // Passed as a host passes it, Content-Type included: the Node client's requests must be application/json to run.
            var answer = _simulator.Handle(new TribeCommunitySimulatorRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "/")
            {
                Host = context.Request.Headers["Host"],
                SessionCookie = cookie,
                Body = body,
                Authorization = context.Request.Headers["Authorization"],
                ContentType = context.Request.ContentType,
            });
            context.Response.StatusCode = answer.StatusCode;
            foreach (var header in answer.Headers)
            {
                context.Response.AppendHeader(header.Key, header.Value);
            }

            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
    }
}
