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
