using System;
using Microsoft.Extensions.Time.Testing;

namespace Tribe.Sso.Tests.Support;

/// <summary>Issuers and users for tests.</summary>
internal static class Issuers
{
    public static readonly Uri Community = new("https://community.example.com");

    public static TribeSsoOptions Options(string key = TestKeys.Primary) => new()
    {
        CommunityUrl = Community,
        PrivateKey = TribeSsoKey.FromString(key),
    };

    public static TribeSsoIssuer AtFixedClock(TribeSsoOptions? options = null) => new(options ?? Options(), TestClock.Create());

    public static TribeSsoIssuer WithClock(FakeTimeProvider clock, TribeSsoOptions? options = null) => new(options ?? Options(), clock);

    public static TribeSsoUser Jane() => TribeSsoUser.Create(id: "42", name: "Jane Doe", email: "jane@example.com").Build();
}
