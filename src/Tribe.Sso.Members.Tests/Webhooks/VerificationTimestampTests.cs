using System;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Tribe.Sso.Members;

namespace Tribe.Sso.Members.Tests;

/// <summary>A verdict's timestamp is read without throwing, whatever the header held.</summary>
public class VerificationTimestampTests
{
    [TestCase("999999999999999999")]
    [TestCase("253402300800000")]
    public void ATimestampPastTheYear9999_IsFromTheFuture_AndItsTimestampIsNull(string timestamp)
    {
        var verifier = new TribeWebhookVerifier(TribeWebhookSecret.FromString("secret-0123456789"), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_765_000_000)));

        var verdict = verifier.Verify(new string('a', 64), timestamp, Encoding.UTF8.GetBytes("{}"));

        verdict.Refusal.Should().Be(TribeWebhookRefusal.FromTheFuture);
        verdict.Timestamp.Should().BeNull();
        verdict.ToString().Should().Be("TribeWebhookVerification { Refusal = FromTheFuture }");
    }

    [Test]
    public void TheLastMillisecondADateCanHold_IsReadBack()
    {
        var verifier = new TribeWebhookVerifier(TribeWebhookSecret.FromString("secret-0123456789"), new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_765_000_000)));

        verifier.Verify(new string('a', 64), "253402300799999", Encoding.UTF8.GetBytes("{}")).Timestamp.Should().Be(DateTimeOffset.MaxValue.AddTicks(-9999));
    }
}

/// <summary>CheckHeaders: what a receiver can refuse before the body arrives, with the same verdicts as Verify.</summary>
public class CheckHeadersTests
{
    private static readonly FakeTimeProvider Clock = new(DateTimeOffset.FromUnixTimeSeconds(1_765_000_000));
    private static readonly TribeWebhookVerifier Verifier = new(TribeWebhookSecret.FromString("secret-0123456789"), Clock);

    [TestCase(null, "1765000000000", TribeWebhookRefusal.MissingSignature)]
    [TestCase("abc", "1765000000000", TribeWebhookRefusal.MalformedSignature)]
    [TestCase("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", null, TribeWebhookRefusal.MissingTimestamp)]
    [TestCase("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "1765000000.5", TribeWebhookRefusal.MalformedTimestamp)]
    [TestCase("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "1764999699999", TribeWebhookRefusal.Stale)]
    [TestCase("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "1765000300001", TribeWebhookRefusal.FromTheFuture)]
    public void HeadersThatCouldNeverVerify_AreRefused_AsVerifyRefusesThem(string? signature, string? timestamp, TribeWebhookRefusal refusal)
    {
        Verifier.CheckHeaders(signature, timestamp)!.Value.Refusal.Should().Be(refusal);
        Verifier.Verify(signature, timestamp, Encoding.UTF8.GetBytes("{}")).Refusal.Should().Be(refusal);
    }

    [TestCase("1765000000000")]
    [TestCase("1764999700000")]
    [TestCase("1765000300000")]
    public void WellFormedFreshHeaders_PassToTheBody(string timestamp)
        => Verifier.CheckHeaders(new string('a', 64), timestamp).Should().BeNull("only the body can say whether the signature matches");
}
