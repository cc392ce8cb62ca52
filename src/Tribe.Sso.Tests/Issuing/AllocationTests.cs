#if TRIBE_SSO_ASSET_NET10
using System;

namespace Tribe.Sso.Tests.Issuing;

/// <summary>
/// Allocation counts are deterministic (unlike timings), so the benchmark's memory target is also guarded here:
/// a warm CreateToken allocates the returned string and nothing else; CreateLoginUrl only the link's string and the
/// small <see cref="TribeSsoLink"/> that holds it.
/// </summary>
public class AllocationTests
{
    [Test]
    public void CreateToken_Warm_AllocatesOnlyTheReturnedString()
    {
        var issuer = Issuers.AtFixedClock(Issuers.AdminAllowed());
        var user = Issuers.FullUser();
        var token = issuer.CreateToken(user);
        var stringSize = 22 + (2 * token.Length) + 8;

        var perCall = Measure(() => issuer.CreateToken(user));

        perCall.Should().BeLessThanOrEqualTo(stringSize, "only the {0}-character token string is allocated", token.Length);
    }

    [Test]
    public void CreateLoginUrl_Warm_AllocatesTheLinkOnly()
    {
        var issuer = Issuers.AtFixedClock(Issuers.AdminAllowed());
        var user = Issuers.FullUser();
        var link = issuer.CreateLoginUrl(user, "/answers?tab=new");
        var stringSize = 22 + (2 * link.AbsoluteUri.Length) + 8;
        var linkOverExistingString = Measure(() => new TribeSsoLink(link.AbsoluteUri));

        var perCall = Measure(() => issuer.CreateLoginUrl(user, "/answers?tab=new"));

        perCall.Should().BeLessThanOrEqualTo(stringSize + linkOverExistingString, "the link is one string plus the TribeSsoLink that holds it");
    }

    /// <summary>Bytes per call once warm (the shared ArrayPool allocates its per-thread buckets on first use).</summary>
    private static long Measure(Func<object> action)
    {
        for (var i = 0; i < 50; i++)
        {
            action();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            action();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / 1000;
    }
}
#endif
