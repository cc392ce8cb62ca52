using System;
using static Tribe.Sso.Members.Tests.Support.WebhookFixtures;

namespace Tribe.Sso.Members.Tests.Webhooks;

/// <summary>
/// The signing secret as the developer portal shows it: copy/paste accidents are refused with a message that says the
/// fix, and no description of a secret, verifier, signer, verdict or signature ever shows the secret or a MAC.
/// </summary>
public class TribeWebhookSecretTests
{
    [Test]
    public void FromString_Null_Throws()
        => FluentActions.Invoking(() => TribeWebhookSecret.FromString(null!)).Should().Throw<ArgumentNullException>().WithParameterName("secret");

    [Test]
    public void FromString_Empty_IsRefusedWithTheFix()
        => FluentActions.Invoking(() => TribeWebhookSecret.FromString(string.Empty)).Should().Throw<ArgumentException>()
            .WithMessage("The webhook signing secret is empty: copy the app's signing secret from the community's developer portal. (Parameter 'secret')");

    [TestCase(" " + SecretText, TestName = "FromString_LeadingSpace_IsRefusedAsCopyPasteAccident")]
    [TestCase(SecretText + "\n", TestName = "FromString_TrailingLineBreak_IsRefusedAsCopyPasteAccident")]
    [TestCase(SecretText + "\r\n", TestName = "FromString_TrailingCrLf_IsRefusedAsCopyPasteAccident")]
    [TestCase("\t" + SecretText, TestName = "FromString_LeadingTab_IsRefusedAsCopyPasteAccident")]
    [TestCase(SecretText + "\u00A0", TestName = "FromString_TrailingNoBreakSpace_IsRefusedAsCopyPasteAccident")]
    [TestCase(" ", TestName = "FromString_OnlyWhitespace_IsRefusedAsCopyPasteAccident")]
    public void FromString_SurroundingWhitespace_IsRefused(string secret)
        => FluentActions.Invoking(() => TribeWebhookSecret.FromString(secret)).Should().Throw<ArgumentException>()
            .WithMessage("The webhook signing secret starts or ends with whitespace: copy it again without the surrounding spaces or line break. (Parameter 'secret')");

    // Lone surrogates cannot live in attribute arguments (metadata stores them as U+FFFD), so the table is built here.
    [TestCase("high", TestName = "FromString_LoneHighSurrogate_IsRefused")]
    [TestCase("low at the end", TestName = "FromString_LoneLowSurrogateAtTheEnd_IsRefused")]
    [TestCase("reversed pair", TestName = "FromString_SurrogatesInTheWrongOrder_AreRefused")]
    public void FromString_InvalidUtf16_IsRefused(string shape)
    {
        var secret = shape switch
        {
            "high" => "abc\uD800def",
            "low at the end" => "abc\uDC00",
            _ => "abc\uDE00\uD83Ddef",
        };

        FluentActions.Invoking(() => TribeWebhookSecret.FromString(secret)).Should().Throw<ArgumentException>()
            .WithMessage("The webhook signing secret holds an invalid UTF-16 sequence (a lone surrogate): copy it again. (Parameter 'secret')");
    }

    [Test]
    public void FromString_InnerSpace_IsKept_OnlySurroundingWhitespaceIsAnAccident()
    {
        var secret = TribeWebhookSecret.FromString("two words");

        new TribeWebhookVerifier(secret, Clock()).Verify(Mac(Now, "{}", "two words"), Now, "{}"u8).IsValid.Should().BeTrue();
    }

    [TestCase(1000, TestName = "Constructor_ToleranceOfOneSecond_IsAccepted")]
    [TestCase(3_600_000, TestName = "Constructor_ToleranceOfOneHour_IsAccepted")]
    [TestCase(900_000, TestName = "Constructor_ToleranceOfFifteenMinutes_IsAccepted")]
    public void Constructor_ToleranceWithinBounds_IsKept(long milliseconds)
        => new TribeWebhookVerifier(Secret, tolerance: TimeSpan.FromMilliseconds(milliseconds)).Tolerance.Should().Be(TimeSpan.FromMilliseconds(milliseconds));

    [TestCase(999, TestName = "Constructor_ToleranceJustUnderOneSecond_Throws")]
    [TestCase(3_600_001, TestName = "Constructor_ToleranceJustOverOneHour_Throws")]
    [TestCase(0, TestName = "Constructor_ZeroTolerance_Throws")]
    [TestCase(-300_000, TestName = "Constructor_NegativeTolerance_Throws")]
    public void Constructor_ToleranceOutsideOneSecondToOneHour_Throws(long milliseconds)
        => FluentActions.Invoking(() => new TribeWebhookVerifier(Secret, tolerance: TimeSpan.FromMilliseconds(milliseconds)))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("tolerance")
            .WithMessage("The tolerance must be between one second and one hour; the community's own apps use 5 minutes.*");

    [Test]
    public void Constructor_ToleranceMaxValue_Throws()
        => FluentActions.Invoking(() => new TribeWebhookVerifier(Secret, tolerance: TimeSpan.MaxValue)).Should().Throw<ArgumentOutOfRangeException>();

    [Test]
    public void Constructor_NoTolerance_IsFiveMinutes()
        => new TribeWebhookVerifier(Secret).Tolerance.Should().Be(TimeSpan.FromMinutes(5)).And.Be(TribeWebhookVerifier.DefaultTolerance);

    [Test]
    public void Constructor_NullSecret_Throws()
    {
        FluentActions.Invoking(() => new TribeWebhookVerifier(null!)).Should().Throw<ArgumentNullException>().WithParameterName("secret");
        FluentActions.Invoking(() => new TribeWebhookSigner(null!)).Should().Throw<ArgumentNullException>().WithParameterName("secret");
    }

    [Test]
    public void Verify_ToleranceOfOneSecond_RefusesTwoSecondsOld()
    {
        var verifier = new TribeWebhookVerifier(Secret, Clock(), TimeSpan.FromSeconds(1));
        var old = Millis(NowMilliseconds - 1001);

        verifier.Verify(Mac(old, "{}"), old, "{}"u8).Refusal.Should().Be(TribeWebhookRefusal.Stale);
        verifier.Verify(Mac(Now, "{}"), Now, "{}"u8).IsValid.Should().BeTrue();
    }

    [Test]
    public void Descriptions_AreExact_AndHideTheSecretAndTheSignature()
    {
        var signed = new TribeWebhookSigner(Secret, Clock()).Sign(Utf8(TestBody));
        var verdict = Verifier().Verify(signed.Signature, signed.Timestamp, Utf8(TestBody));

        Secret.ToString().Should().Be("TribeWebhookSecret (hidden)");
        Verifier().ToString().Should().Be("TribeWebhookVerifier { Tolerance = 00:05:00 }");
        new TribeWebhookSigner(Secret).ToString().Should().Be("TribeWebhookSigner (secret hidden)");
        signed.ToString().Should().Be("TribeWebhookSignature { Timestamp = 1767225600000 }");
        verdict.ToString().Should().Be("TribeWebhookVerification { Refusal = None }");
        foreach (var text in new[] { Secret.ToString(), Verifier().ToString(), signed.ToString(), verdict.ToString(), verdict.Message })
        {
            text.Should().NotContain(SecretText).And.NotContain(signed.Signature).And.NotContain("c-7d1f");
        }
    }

    [Test]
    public void Messages_NeverHoldTheSecretTheSignatureOrTheBody()
    {
        foreach (var refusal in Enum.GetValues<TribeWebhookRefusal>())
        {
            var signature = Mac(Now, Marker);
            var verdict = refusal switch
            {
                TribeWebhookRefusal.MissingSignature => Verifier().Verify(null, Now, Utf8(Marker)),
                TribeWebhookRefusal.MissingTimestamp => Verifier().Verify(signature, null, Utf8(Marker)),
                TribeWebhookRefusal.MalformedSignature => Verifier().Verify(Marker, Now, Utf8(Marker)),
                TribeWebhookRefusal.MalformedTimestamp => Verifier().Verify(signature, Marker, Utf8(Marker)),
                TribeWebhookRefusal.Stale => Verifier().Verify(signature, "1", Utf8(Marker)),
                TribeWebhookRefusal.FromTheFuture => Verifier().Verify(signature, "99999999999999", Utf8(Marker)),
                TribeWebhookRefusal.WrongSignature => Verifier().Verify(signature, Now, Utf8(Marker + "!")),
                _ => Verifier().Verify(signature, Now, Utf8(Marker)),
            };

            verdict.Refusal.Should().Be(refusal);
            verdict.ToString().Should().Be("TribeWebhookVerification { Refusal = " + refusal + " }");
            foreach (var text in new[] { verdict.Message, verdict.ToString() })
            {
                text.Should().NotContain(Marker).And.NotContain(signature).And.NotContain(SecretText);
            }
        }
    }
}
