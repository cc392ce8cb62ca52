using System;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace Tribe.Sso.Benchmarks;

/// <summary>
/// 2,000 typical tokens from one shared issuer: on one thread, and spread over every core. With no locks on the hot
/// path the all-cores run takes about 1/cores of the time (ratio 0.5 on 2 cores). The floor signer, one private instance
/// per thread (nothing shared at all), is the control: it shows how far this machine itself scales.
/// </summary>
[MemoryDiagnoser]
public class ThroughputBenchmarks
{
    private const int Tokens = 2000;
    private TribeSsoIssuer _issuer = null!;

    private static readonly byte[] KeyBytes = System.Text.Encoding.UTF8.GetBytes(Scenario.Key);

    [ThreadStatic]
    private static FloorSigner? t_floor;

    [GlobalSetup]
    public void Setup() => _issuer = Scenario.CreateIssuer();

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

    [Benchmark(Description = "control: floor, one thread")]
    public void FloorOneThread()
    {
        var floor = t_floor ??= new FloorSigner(KeyBytes);
        for (var i = 0; i < Tokens; i++)
        {
            floor.CreateToken(Scenario.Typical.User, 1767225600);
        }
    }

    [Benchmark(Description = "control: floor per thread, all cores")]
    public void FloorAllCores()
    {
        var perCore = Tokens / Environment.ProcessorCount;
        Parallel.For(0, Environment.ProcessorCount, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, _ =>
        {
            var floor = t_floor ??= new FloorSigner(KeyBytes);
            for (var i = 0; i < perCore; i++)
            {
                floor.CreateToken(Scenario.Typical.User, 1767225600);
            }
        });
    }
}
