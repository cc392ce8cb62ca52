using System.IO;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Tribe.Sso.Benchmarks;

/// <summary>
/// One request through MapTribeSso against a bare redirect endpoint, invoking each endpoint's RequestDelegate with a
/// fresh DefaultHttpContext and a request scope, as the host does after routing. No sockets: what remains is the SSO work
/// itself (mapping the user, resolving the issuer, signing, the headers), which a loopback HTTP round trip would hide
/// in its noise (see <see cref="EndpointOverHttpBenchmarks"/> for that view).
/// </summary>
[MemoryDiagnoser]
public class EndpointBenchmarks
{
    private WebApplication _app = null!;
    private IServiceScopeFactory _scopes = null!;
    private RouteEndpoint _bare = null!;
    private RouteEndpoint _default = null!;
    private RouteEndpoint _acme = null!;

    [GlobalSetup]
    public void Setup()
    {
        _app = PartnerSite.Build(kestrel: false);
        var endpoints = ((IEndpointRouteBuilder)_app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
        _bare = endpoints.Single(e => e.RoutePattern.RawText == "/bare");
        _default = endpoints.Single(e => e.RoutePattern.RawText == "/community/sso");
        _acme = endpoints.Single(e => e.RoutePattern.RawText == "/acme/sso");
        _scopes = _app.Services.GetRequiredService<IServiceScopeFactory>();
    }

    [GlobalCleanup]
    public void Cleanup() => ((System.IDisposable)_app).Dispose();

    [Benchmark(Baseline = true, Description = "bare redirect endpoint")]
    public Task Bare() => InvokeAsync(_bare, QueryString.Empty);

    [Benchmark(Description = "MapTribeSso, default community")]
    public Task DefaultCommunity() => InvokeAsync(_default, QueryString.Empty);

    [Benchmark(Description = "MapTribeSso ForCommunity(acme), ?redirect=/answers")]
    public Task NamedCommunity() => InvokeAsync(_acme, new QueryString("?redirect=/answers"));

    private async Task InvokeAsync(RouteEndpoint endpoint, QueryString query)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = PartnerSite.Jane };
        context.Request.Method = HttpMethods.Get;
        context.Request.QueryString = query;
        context.Response.Body = Stream.Null;
        context.SetEndpoint(endpoint);
        await endpoint.RequestDelegate!(context);
        if (context.Response.StatusCode != StatusCodes.Status302Found)
        {
            throw new InvalidDataException(endpoint.DisplayName + " answered " + context.Response.StatusCode);
        }
    }
}
