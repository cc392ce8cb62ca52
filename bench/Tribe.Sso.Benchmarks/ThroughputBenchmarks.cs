using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace Tribe.Sso.Benchmarks;

/// <summary>
/// 2,000 typical tokens from one shared issuer: on one thread, and spread over every core. With no locks on the hot
/// path the all-cores run takes about 1/cores of the time (ratio 0.5 on 2 cores).
/// </summary>
[MemoryDiagnoser]
public class ThroughputBenchmarks
{
    private const int Tokens = 2000;
    private TribeSsoIssuer _issuer = null!;

    [GlobalSetup]
    public void Setup() => _issuer = new TribeSsoIssuer(new TribeSsoOptions { CommunityUrl = new Uri("https://community.example.com"), PrivateKey = TribeSsoKey.FromString(Scenario.Key) });

    [Benchmark(Baseline = true, Description = "2,000 tokens, one thread")]
    public void OneThread()
    {
        for (var i = 0; i < Tokens; i++)
        {
            _issuer.CreateToken(Scenario.Typical.User);
        }
    }

    [Benchmark(Description = "2,000 tokens, all cores")]
    public void AllCores()
    {
        var perCore = Tokens / Environment.ProcessorCount;
        Parallel.For(0, Environment.ProcessorCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, _ =>
        {
            for (var i = 0; i < perCore; i++)
            {
                _issuer.CreateToken(Scenario.Typical.User);
            }
        });
    }
}
