using System;
using System.Linq;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>
/// Allocation counts are deterministic (unlike timings), so the benchmark's "0 B per request" goal for resolving the
/// issuer is also guarded here, on the path the endpoint takes: endpoint metadata, then the request's services.
/// </summary>
public class IssuerResolutionAllocationTests
{
    [TestCase("/community/sso", "community.example.com")]
    [TestCase("/acme/sso", "acme.example.com")]
    public void ResolvingTheEndpointsIssuer_Warm_AllocatesNothing(string route, string host)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(CommunitiesApp.Settings());
        builder.Services.AddTribeSso(builder.Configuration.GetSection("TribeSso"));
        builder.Services.AddTribeSso("acme", builder.Configuration.GetSection("Communities:acme"));
        using var app = builder.Build();
        app.MapTribeSso("/community/sso");
        app.MapTribeSso("/acme/sso").ForCommunity("acme");
        var endpoint = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().Single(e => e.RoutePattern.RawText == route);
        using var scope = app.Services.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.SetEndpoint(endpoint);

        var perCall = Measure(() => TribeSsoCommunity.IssuerFor(context));

        TribeSsoCommunity.IssuerFor(context).CommunityUrl.Host.Should().Be(host);
        perCall.Should().Be(0);
    }

    private static long Measure(Func<object> action)
    {
        // The service provider compiles a resolver after a few calls, on another thread: warm up past it.
        for (var i = 0; i < 200; i++)
        {
            action();
            Thread.Sleep(i < 10 ? 10 : 0);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            action();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
    }
}
