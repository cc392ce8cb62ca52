using System;
using System.Linq;
using static Tribe.Sso.Members.Tests.Support.WebhookFixtures;

namespace Tribe.Sso.Members.Tests.Webhooks;

/// <summary>
/// Allocation counts are deterministic (unlike timings), so the verifier's promise is guarded here as well as in
/// WebhookVerifyBenchmarks: once the shared pool is warm, a verification allocates nothing, valid or refused.
/// </summary>
public class WebhookAllocationTests
{
    private static readonly byte[] Body = Utf8(MemberEvent("member.updated", Member(), Member(email: "old@example.com")) + new string(' ', 3500));

    [Test]
    public void Verify_ValidFourKilobyteDelivery_Warm_AllocatesNothing()
    {
        var verifier = Verifier();
        var signature = Mac(Now, Body);
        verifier.Verify(signature, Now, Body).IsValid.Should().BeTrue();

        Measure(() => verifier.Verify(signature, Now, Body).IsValid).Should().Be(0);
    }

    [TestCase("wrong", TestName = "Verify_WrongSignature_Warm_AllocatesNothing")]
    [TestCase("stale", TestName = "Verify_StaleDelivery_Warm_AllocatesNothing")]
    [TestCase("malformed", TestName = "Verify_MalformedSignature_Warm_AllocatesNothing")]
    public void Verify_Refused_Warm_AllocatesNothing(string refusal)
    {
        var verifier = Verifier();
        var (signature, timestamp) = refusal switch
        {
            "wrong" => (new string('0', 64), Now),
            "stale" => (Mac("1767225000000", Body), "1767225000000"),
            _ => ("sha256=" + Mac(Now, Body), Now),
        };

        Measure(() => verifier.Verify(signature, timestamp, Body).IsValid).Should().Be(0);
    }

    [Test]
    public void Measure_SeesAnAllocation_SoAZeroIsMeaningful()
        => Measure(() => new byte[Body.Length].Length > 0).Should().BeGreaterThan(Body.Length);

    /// <summary>Bytes allocated on this thread over 1,000 calls once warm (the shared ArrayPool allocates its per-thread buckets on first use).</summary>
    private static long Measure(Func<bool> action)
    {
        var results = Enumerable.Range(0, 50).Count(_ => action());
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            results += action() ? 1 : 0;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        GC.KeepAlive(results);
        return allocated;
    }
}
