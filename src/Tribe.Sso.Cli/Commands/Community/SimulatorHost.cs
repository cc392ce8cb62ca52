using System;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tribe.Sso.Testing;

namespace Tribe.Sso.Cli;

/// <summary>
/// Serves a <see cref="TribeCommunitySimulator"/> with Kestrel (the slim, AOT-safe builder): each request goes to the
/// simulator as it arrived and its answer is written back as is (<see cref="SimulatorForwarding"/>).
/// </summary>
internal static class SimulatorHost
{
    /// <summary>The body bound: the community's own, so the host refuses no body the gateway would read (docs/cli.md).</summary>
    private const int MaxBodyBytes = TribeCommunitySimulator.MaxRequestBodyLength;

    public static int Run(TribeCommunitySimulator simulator, Uri listen, TextWriter stdout)
    {
        var authority = listen.GetLeftPart(UriPartial.Authority);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(ListenAddress(listen));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        using var app = builder.Build();
        app.Run(context => SimulatorForwarding.ServeAsync(simulator, context));
        try
        {
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is IOException or SocketException or InvalidOperationException)
        {
            // IOException: the port is in use; SocketException (not an IOException): an address the system cannot
            // bind, such as [::ffff:127.0.0.1]; InvalidOperationException: an address Kestrel refuses.
            throw new CliException("--urls", "cannot listen on " + authority + " (" + e.Message.TrimEnd('.') + "). Choose another address or port: http://127.0.0.1:0 picks a free one.");
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stdout.Write("Tribe community simulator listening on " + address + "\n");
        app.WaitForShutdownAsync().GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>
    /// The address for Kestrel. Kestrel cannot pick a free port for <c>localhost</c> (it would need the same port on
    /// 127.0.0.1 and [::1]) and throws, so <c>localhost</c> with port 0 listens on 127.0.0.1; the ready line gives it.
    /// </summary>
    private static string ListenAddress(Uri listen) => listen.Port == 0 && string.Equals(listen.Host, "localhost", StringComparison.OrdinalIgnoreCase)
        ? "http://127.0.0.1:0"
        : listen.GetLeftPart(UriPartial.Authority);
}
