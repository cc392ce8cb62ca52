using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Tribe.Sso.AspNetCore;

namespace Tribe.Sso.StackExchangeRedis.Tests;

/// <summary>
/// One instance of a partner site on Kestrel (127.0.0.1, random port), as a load balancer would have several: webhooks
/// at <see cref="Community.Path"/> with a <see cref="CountingHandler"/> that counts into the <see cref="Runs"/> every
/// instance of the test shares, and its delivery log as the test says (on Redis, or the in-memory default).
/// </summary>
internal sealed class PartnerInstance : IAsyncDisposable
{
    private PartnerInstance(WebApplication app, FakeLogCollector logs)
    {
        App = app;
        Logs = logs;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public FakeLogCollector Logs { get; }

    public InstanceBehaviour Behaviour => App.Services.GetRequiredService<InstanceBehaviour>();

    /// <summary>Starts an instance; <paramref name="useLog"/> picks its delivery log (null: the in-memory default).</summary>
    public static async Task<PartnerInstance> StartAsync(Runs runs, Action<TribeSsoWebhooksBuilder>? useLog, Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? map = null, IDictionary<string, string?>? settings = null)
    {
        var logs = new FakeLogCollector();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?> { ["TribeSso:Webhooks:SigningSecret"] = Community.Secret });
        builder.Logging.ClearProviders().AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton(runs);
        builder.Services.AddSingleton<InstanceBehaviour>();
        var webhooks = builder.Services.AddTribeSsoWebhooks(builder.Configuration.GetSection("TribeSso")).AddHandler<CountingHandler>();
        useLog?.Invoke(webhooks);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapTribeSsoWebhooks(Community.Path);
        map?.Invoke(app);
        await app.StartAsync();
        return new PartnerInstance(app, logs);
    }

    /// <summary>A client of the community: no cookies, no redirects followed.</summary>
    public static HttpClient CommunityClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

    public async Task<HttpStatusCode> DeliverAsync(HttpClient client, string body)
    {
        using var request = Community.Delivery(Address, body);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
