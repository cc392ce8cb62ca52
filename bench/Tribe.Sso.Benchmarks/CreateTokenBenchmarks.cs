using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using JWT.Algorithms;
using JWT.Builder;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Tribe.Sso.Benchmarks;

/// <summary>The same claims signed by the SDK and by each peer. Ratios within one run are what count.</summary>
[MemoryDiagnoser]
public class CreateTokenBenchmarks
{
    private static readonly byte[] KeyBytes = Encoding.UTF8.GetBytes(Scenario.Key);
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials = new(new SymmetricSecurityKey(KeyBytes), SecurityAlgorithms.HmacSha256);
    private TribeSsoIssuer _issuer = null!;
    private FloorSigner _floor = null!;
    private Scenario _scenario = null!;
    private Dictionary<string, object> _claims = null!;
    private long _now;

    [Params("minimal", "typical", "heavy")]
    public string User { get; set; } = "typical";

    [GlobalSetup]
    public void Setup()
    {
        _scenario = Scenario.ByName(User);
        _issuer = Scenario.CreateIssuer();
        _floor = new FloorSigner(KeyBytes);
        _claims = _scenario.Claims.ToDictionary(c => c.Key, c => c.Value);
        _now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
    }

    [Benchmark(Baseline = true, Description = "Tribe.Sso")]
    public string TribeSso() => _issuer.CreateToken(_scenario.User);

    [Benchmark(Description = "Floor (Utf8JsonWriter + HMACSHA256)")]
    public string Floor() => _floor.CreateToken(_scenario.User, _now);

    [Benchmark(Description = "JsonWebTokenHandler (descriptor)")]
    public string IdentityModel()
    {
        var claims = new Dictionary<string, object>(_claims) { ["iat"] = _now, ["exp"] = _now + 60 };
        return _handler.CreateToken(new SecurityTokenDescriptor { Claims = claims, SigningCredentials = _credentials });
    }

    [Benchmark(Description = "jose-jwt")]
    public string JoseJwt()
    {
        var claims = new Dictionary<string, object>(_claims) { ["iat"] = _now, ["exp"] = _now + 60 };
        return Jose.JWT.Encode(claims, KeyBytes, Jose.JwsAlgorithm.HS256);
    }

    [Benchmark(Description = "JWT (JwtBuilder)")]
    public string JwtBuilderPeer()
    {
        var builder = new JwtBuilder().WithAlgorithm(new HMACSHA256Algorithm()).WithSecret(KeyBytes);
        foreach (var claim in _scenario.Claims)
        {
            builder.AddClaim(claim.Key, claim.Value);
        }

        return builder.AddClaim("iat", _now).AddClaim("exp", _now + 60).Encode();
    }
}
