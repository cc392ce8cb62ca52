using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tribe.Sso.Testing;

namespace Tribe.Sso.Cli;

/// <summary>
/// Serves a <see cref="TribeCommunitySimulator"/> with Kestrel (the slim, AOT-safe builder): each request goes to the
/// simulator as it arrived (raw target, session cookie, body) and its answer is written back as is.
/// </summary>
internal static class SimulatorHost
{
    private const int MaxBodyBytes = 64 * 1024;

    public static int Run(TribeCommunitySimulator simulator, Uri listen, TextWriter stdout)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(listen.GetLeftPart(UriPartial.Authority));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        using var app = builder.Build();
        app.Run(context => Serve(simulator, context));
        try
        {
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            throw new CliException("--urls", "cannot listen on " + listen.GetLeftPart(UriPartial.Authority) + " (" + e.Message.TrimEnd('.') + "). Choose another port, or port 0 for a free one.");
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stdout.Write("Tribe community simulator listening on " + address + "\n");
        app.WaitForShutdownAsync().GetAwaiter().GetResult();
        return 0;
    }

    private static async Task Serve(TribeCommunitySimulator simulator, HttpContext context)
    {
        var request = context.Request;
        string? body = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body);
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        var answer = simulator.Handle(request.Method, target, request.Cookies[TribeCommunitySimulator.SessionCookieName], body);
        context.Response.StatusCode = answer.StatusCode;
        foreach (var header in answer.Headers)
        {
            context.Response.Headers.Append(header.Key, header.Value);
        }

        await context.Response.WriteAsync(answer.Body, context.RequestAborted).ConfigureAwait(false);
    }
}
