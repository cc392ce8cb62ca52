using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>Requests served while the configuration rotates again and again: none fails, none sees a half-updated issuer.</summary>
public class RotationConcurrencyTests
{
    private const int Clients = 6;
    private const int MinimumRequestsPerClient = 60;
    private const int MinimumRotations = 40;

    [Test]
    public async Task RequestsDuringRepeatedRotations_AllSucceed_AndEachTokenVerifiesWithTheKeyOfItsOwnUrl()
    {
        await using var app = await CommunitiesApp.StartAsync();

        // Each version changes the URL and the key together: a link to one host signed with the other host's key would
        // be a half-updated issuer.
        var versions = new[]
        {
            (Host: "acme.example.com", Key: CommunitiesApp.AcmeKey),
            (Host: "acme-rotated.example.com", Key: CommunitiesApp.AcmeRotatedKey),
        };
        var rotations = 0;
        var failures = new ConcurrentQueue<string>();
        var seen = new ConcurrentDictionary<string, int>();
        using var done = new CancellationTokenSource();

        var rotator = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var next = versions[(rotations + 1) % 2];
                app.Configuration.Reload(new Dictionary<string, string?>
                {
                    ["Communities:acme:CommunityUrl"] = "https://" + next.Host,
                    ["Communities:acme:PrivateKey"] = next.Key,
                });
                Interlocked.Increment(ref rotations);
                await Task.Yield();
            }
        });

        var clients = Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            using var client = PartnerApp.CreateClient(app.App);
            (await client.GetAsync("/login")).EnsureSuccessStatusCode();
            for (var i = 0; i < MinimumRequestsPerClient || Volatile.Read(ref rotations) < MinimumRotations; i++)
            {
                using var response = await client.GetAsync("/acme/sso");
                if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
                {
                    failures.Enqueue("status " + (int)response.StatusCode);
                    continue;
                }

                var link = response.Headers.Location!;
                var version = versions.SingleOrDefault(v => v.Host == link.Host);
                if (version.Key is null || !app.Read(link, version.Key).IsAccepted)
                {
                    failures.Enqueue("a link to " + link.Host + " that its key does not verify");
                }

                seen.AddOrUpdate(link.Host, 1, (_, n) => n + 1);
            }
        })).ToArray();

        await Task.WhenAll(clients);
        await done.CancelAsync();
        await rotator;

        failures.Should().BeEmpty();
        rotations.Should().BeGreaterThanOrEqualTo(MinimumRotations);
        seen.Keys.Should().BeEquivalentTo(versions.Select(v => v.Host), "requests were served under both versions");
        seen.Values.Sum().Should().BeGreaterThanOrEqualTo(Clients * MinimumRequestsPerClient);
        app.Logs.Entries.Should().NotContain(e => e.Level >= LogLevel.Warning);
    }
}
