using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Tribe.Sso.Benchmarks;

/// <summary>
/// The same two endpoints on real Kestrel over loopback, called by an HttpClient in the same process: the whole request
/// as a partner's server sees it. Client and server share the machine's cores, so compare the ratio, not the times.
/// </summary>
[MemoryDiagnoser]
public class EndpointOverHttpBenchmarks
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    [GlobalSetup]
    public void Setup()
    {
        _app = PartnerSite.Build(kestrel: true);
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(address) };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
    }

    [Benchmark(Baseline = true, Description = "bare redirect endpoint")]
    public Task Bare() => GetAsync("/bare");

    [Benchmark(Description = "MapTribeSso, default community")]
    public Task DefaultCommunity() => GetAsync("/community/sso");

    [Benchmark(Description = "MapTribeSso ForCommunity(acme), ?redirect=/answers")]
    public Task NamedCommunity() => GetAsync("/acme/sso?redirect=/answers");

    private async Task GetAsync(string path)
    {
        using var response = await _client.GetAsync(new Uri(path, UriKind.Relative));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException(path + " answered " + (int)response.StatusCode);
        }
    }
}
