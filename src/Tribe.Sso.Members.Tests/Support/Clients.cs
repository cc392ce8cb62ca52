using System;
using System.Diagnostics.Metrics;
using System.Net.Http;
using Microsoft.Extensions.Time.Testing;

namespace Tribe.Sso.Members.Tests.Support;

/// <summary>Clients over a <see cref="ScriptedHandler"/> and a fake clock, with credentials the tests look for in messages.</summary>
public static class Clients
{
    public const string ClientId = "app-client-id";
    public const string ClientSecret = "s3cr3t-client-secret-value";
    public const string NetworkId = "CAx1mZ7I7a";
    public const string GivenAccessToken = "given-access-token-0123456789";

    public static TribeMembersClientOptions AppOptions() => new()
    {
        ApiUrl = new Uri("https://api.community.test/"),
        NetworkId = NetworkId,
        ClientId = ClientId,
        ClientSecret = ClientSecret,
    };

    public static TribeMembersClient App(ScriptedHandler handler, FakeTimeProvider time, Action<TribeMembersClientOptions>? configure = null, IMeterFactory? meters = null)
    {
        var options = AppOptions();
        configure?.Invoke(options);
        return new TribeMembersClient(options, new HttpClient(handler), time, meters);
    }

    public static TribeMembersClient WithToken(ScriptedHandler handler, FakeTimeProvider time, int maxAttempts = TribeMembersClientOptions.DefaultMaxAttempts)
        => new(new TribeMembersClientOptions { ApiUrl = new Uri("https://api.community.test/"), AccessToken = GivenAccessToken, MaxAttempts = maxAttempts }, new HttpClient(handler), time);
}
