using System;
using Microsoft.Extensions.Time.Testing;

namespace Tribe.Sso.Testing.Tests;

/// <summary>The partner side of these tests: an issuer for the community of <see cref="TestKeys.Primary"/>, and Jane.</summary>
internal static class Issuers
{
    public static TribeSsoOptions Options(string key = TestKeys.Primary) => new()
    {
        CommunityUrl = new Uri("https://community.example.com"),
        PrivateKey = TribeSsoKey.FromString(key),
    };

    public static TribeSsoIssuer AtFixedClock(TribeSsoOptions? options = null) => new(options ?? Options(), TestClock.Create());

    public static TribeSsoIssuer WithClock(FakeTimeProvider clock, TribeSsoOptions? options = null) => new(options ?? Options(), clock);

    public static TribeSsoUser Jane() => TribeSsoUser.Create(GoldenVectors.JaneId, GoldenVectors.JaneName, GoldenVectors.JaneEmail).Build();
}
