using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;

namespace Tribe.Sso.Tests.Issuing;

public class ConcurrencyTests
{
    [Test]
    public async Task SharedIssuer_ManyThreads_EveryTokenIsValidAndCarriesItsOwnUser()
    {
        var issuer = Issuers.AtFixedClock();
        var tokens = new ConcurrentDictionary<int, string>();

        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var user = TribeSsoUser.Create("user-" + i, "User " + i, "user" + i + "@example.com")
                .WithBio(new string('b', i % 300 + 1))
                .Build();
            tokens[i] = issuer.CreateToken(user);
        });

        tokens.Should().HaveCount(4000);
        foreach (var (i, token) in tokens)
        {
            Jwt.Payload(token).GetProperty("sub").GetString().Should().Be("user-" + i);
            Jwt.Payload(token).GetProperty("bio").GetString().Should().HaveLength(i % 300 + 1);
        }

        var sample = tokens.Where(t => t.Key % 97 == 0).Select(t => t.Value).ToArray();
        foreach (var token in sample)
        {
            (await IndependentVerifier.ValidateAsync(token, TestKeys.Primary, validateLifetime: false)).IsValid.Should().BeTrue();
        }

        // The per-thread buffers never mix users: re-signing each sample on one thread gives the same bytes.
        var fresh = Issuers.AtFixedClock();
        tokens[97].Should().Be(fresh.CreateToken(TribeSsoUser.Create("user-97", "User 97", "user97@example.com").WithBio(new string('b', 98)).Build()));
    }
}
