using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tribe.Sso.AspNetCore;

namespace Tribe.Sso.Benchmarks;

/// <summary>
/// What a request pays to get its community's issuer from the request's services, now that the issuer follows
/// configuration reloads: against the singleton the package registered before (which never changed). Steady state
/// must allocate nothing and take no lock (the community's issuer is one volatile reference read).
/// </summary>
[MemoryDiagnoser]
public class IssuerResolutionBenchmarks
{
    private ServiceProvider _fixed = null!;
    private ServiceProvider _following = null!;
    private IServiceScope _fixedRequest = null!;
    private IServiceScope _followingRequest = null!;

    [GlobalSetup]
    public void Setup()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TribeSso:CommunityUrl"] = "https://community.example.com",
            ["TribeSso:PrivateKey"] = Scenario.Key,
            ["Communities:acme:CommunityUrl"] = "https://acme.example.com",
            ["Communities:acme:PrivateKey"] = Scenario.Key,
        }).Build();
        _following = new ServiceCollection()
            .AddTribeSso(configuration.GetSection("TribeSso"))
            .AddTribeSso("acme", configuration.GetSection("Communities:acme"))
            .BuildServiceProvider();
        _fixed = new ServiceCollection().AddSingleton(Scenario.CreateIssuer()).BuildServiceProvider();
        _followingRequest = _following.CreateScope();
        _fixedRequest = _fixed.CreateScope();

        // Past the service provider's switch to compiled resolvers, which happens on a background thread.
        for (var i = 0; i < 100; i++)
        {
            DefaultCommunity();
            NamedCommunity();
            FixedSingleton();
            System.Threading.Thread.Sleep(1);
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _followingRequest.Dispose();
        _fixedRequest.Dispose();
        _following.Dispose();
        _fixed.Dispose();
    }

    [Benchmark(Baseline = true, Description = "singleton issuer (no rotation)")]
    public TribeSsoIssuer FixedSingleton() => _fixedRequest.ServiceProvider.GetRequiredService<TribeSsoIssuer>();

    [Benchmark(Description = "default community, follows reloads")]
    public TribeSsoIssuer DefaultCommunity() => _followingRequest.ServiceProvider.GetRequiredService<TribeSsoIssuer>();

    [Benchmark(Description = "keyed community \"acme\", follows reloads")]
    public TribeSsoIssuer NamedCommunity() => _followingRequest.ServiceProvider.GetRequiredKeyedService<TribeSsoIssuer>("acme");
}
