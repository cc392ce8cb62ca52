using System;
using static Tribe.Sso.Members.Tests.Support.WebhookFixtures;

namespace Tribe.Sso.Members.Tests.Webhooks;

/// <summary>The verdict is a value: equal when its refusal and timestamp are, with one sentence per refusal that says what to check.</summary>
public class TribeWebhookVerificationTests
{
    [Test]
    public void Equality_SameRefusalAndTimestamp_AreEqual_OtherwiseNot()
    {
        var body = Utf8(TestBody);
        var valid = Verifier().Verify(Mac(Now, body), Now, body);
        var again = Verifier().Verify(Mac(Now, body), Now, body);
        var wrong = Verifier().Verify(new string('0', 64), Now, body);
        var later = Verifier().Verify(Mac("1767225600001", body), "1767225600001", body);

        (valid == again).Should().BeTrue();
        valid.Equals((object)again).Should().BeTrue();
        valid.GetHashCode().Should().Be(again.GetHashCode());
        (valid != wrong).Should().BeTrue("the refusal differs");
        (valid != later).Should().BeTrue("the timestamp differs");
        valid.Equals("valid").Should().BeFalse();
    }

    [TestCase(TribeWebhookRefusal.MissingSignature, "The delivery has no X-Bettermode-Signature (or X-Tribe-Signature) header.")]
    [TestCase(TribeWebhookRefusal.MissingTimestamp, "The delivery has no X-Bettermode-Request-Timestamp (or X-Tribe-Request-Timestamp) header.")]
    [TestCase(TribeWebhookRefusal.Stale, "The timestamp is older than the tolerance: a replayed or long-delayed delivery, seconds sent instead of milliseconds, or a clock behind.")]
    [TestCase(TribeWebhookRefusal.FromTheFuture, "The timestamp is further ahead than the tolerance: check this server's clock.")]
    [TestCase(TribeWebhookRefusal.None, "The delivery is authentic and fresh.")]
    public void Message_SaysWhatToCheck(TribeWebhookRefusal refusal, string message)
    {
        var body = Utf8(TestBody);
        var verdict = refusal switch
        {
            TribeWebhookRefusal.MissingSignature => Verifier().Verify(null, Now, body),
            TribeWebhookRefusal.MissingTimestamp => Verifier().Verify(Mac(Now, body), null, body),
            TribeWebhookRefusal.Stale => Verifier().Verify(Mac("1", body), "1", body),
            TribeWebhookRefusal.FromTheFuture => Verifier().Verify(Mac("1867225600000", body), "1867225600000", body),
            _ => Verifier().Verify(Mac(Now, body), Now, body),
        };

        verdict.Refusal.Should().Be(refusal);
        verdict.Message.Should().Be(message);
    }

    [Test]
    public void Timestamp_OfAStaleDelivery_IsStillRead()
        => Verifier().Verify(Mac("1", Utf8("{}")), "1", "{}"u8).Timestamp.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(1));

    [Test]
    public void Default_IsNotValid_AVerdictNeverSetFailsClosed()
    {
        var unset = default(TribeWebhookVerification);

        unset.IsValid.Should().BeFalse();
        unset.Timestamp.Should().BeNull();
        unset.Message.Should().Be("No delivery was verified: this verdict is the default value, not one a verifier returned.");
        unset.Should().NotBe(Verifier().Verify(Mac(Now, Utf8(TestBody)), Now, Utf8(TestBody)));
    }

    [Test]
    public void HashCode_OfRefusalsWithTheSameTimestamp_Differs_SoASetOfVerdictsDoesNotCollide()
    {
        var body = Utf8(TestBody);
        var missingSignature = Verifier().Verify(null, Now, body);
        var missingTimestamp = Verifier().Verify(Mac(Now, body), null, body);
        var malformed = Verifier().Verify("x", Now, body);

        new[] { missingSignature.GetHashCode(), missingTimestamp.GetHashCode(), malformed.GetHashCode() }.Should().OnlyHaveUniqueItems();
    }

    [Test]
    public void Message_OfARefusalWithoutASentence_StillSaysItWasRefused()
        => new TribeWebhookVerification((TribeWebhookRefusal)99, 0, hasTimestamp: false).Message.Should().Be("The delivery was refused.");
}
