using System;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace Tribe.Sso.Benchmarks;

/// <summary>The whole link: token plus URL composition, against the floor's token plus naive concatenation.</summary>
[MemoryDiagnoser]
public class CreateLoginUrlBenchmarks
{
    private TribeSsoIssuer _issuer = null!;
    private FloorSigner _floor = null!;
    private Scenario _scenario = null!;
    private long _now;

    [Params("minimal", "typical", "heavy")]
    public string User { get; set; } = "typical";

    [GlobalSetup]
    public void Setup()
    {
        _scenario = Scenario.ByName(User);
        _issuer = Scenario.CreateIssuer();
        _floor = new FloorSigner(Encoding.UTF8.GetBytes(Scenario.Key));
        _now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    }

    [Benchmark(Baseline = true, Description = "Tribe.Sso CreateLoginUrl")]
    public TribeSsoLink TribeSso() => _issuer.CreateLoginUrl(_scenario.User, "/answers");

    [Benchmark(Description = "Floor token + concatenation")]
    public Uri Floor() => new("https://community.example.com/auth/sso?jwt=" + _floor.CreateToken(_scenario.User, _now) + "&redirect=" + Uri.EscapeDataString("/answers"));
}
