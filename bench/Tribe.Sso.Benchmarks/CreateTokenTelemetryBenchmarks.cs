using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tribe.Sso.Benchmarks;

/// <summary>
/// CreateToken with and without a MeterListener on the Tribe.Sso meter: telemetry must cost nothing measurable when no
/// listener is attached, and the 0.60× JsonWebTokenHandler goal must hold either way.
/// </summary>
[MemoryDiagnoser]
public class CreateTokenTelemetryBenchmarks
{
    private static readonly byte[] KeyBytes = Encoding.UTF8.GetBytes(Scenario.Key);
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials = new(new SymmetricSecurityKey(KeyBytes), SecurityAlgorithms.HmacSha256);
    private TribeSsoIssuer _issuer = null!;
    private Scenario _scenario = null!;
    private Dictionary<string, object> _claims = null!;
    private MeterListener? _listener;
    private long _measurements;
    private long _now;

    [Params(false, true)]
    public bool Listener { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scenario = Scenario.ByName("typical");
        _issuer = Scenario.CreateIssuer();
        _claims = _scenario.Claims.ToDictionary(c => c.Key, c => c.Value);
        _now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        if (Listener)
        {
            _listener = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == TribeSsoTelemetry.MeterName)
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => _measurements += value);
            _listener.Start();
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _listener?.Dispose();

    [Benchmark(Baseline = true, Description = "Tribe.Sso")]
    public string TribeSso() => _issuer.CreateToken(_scenario.User);

    [Benchmark(Description = "JsonWebTokenHandler (descriptor)")]
    public string IdentityModel()
    {
        var claims = new Dictionary<string, object>(_claims) { ["iat"] = _now, ["exp"] = _now + 60 };
        return _handler.CreateToken(new SecurityTokenDescriptor { Claims = claims, SigningCredentials = _credentials });
    }
}
