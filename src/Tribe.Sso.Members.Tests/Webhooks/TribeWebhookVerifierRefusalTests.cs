using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using static Tribe.Sso.Members.Tests.Support.WebhookFixtures;

namespace Tribe.Sso.Members.Tests.Webhooks;

/// <summary>
/// Every way a delivery is refused, each a verdict and never an exception: missing or malformed headers, a timestamp
/// outside the window either way (at its exact edges), and a MAC that does not match the body, the secret or the text.
/// </summary>
public class TribeWebhookVerifierRefusalTests
{
    private static readonly byte[] Body = Utf8(TestBody);
    private static readonly string Signature = Mac(Now, Body);

    [TestCase(null, Now, TribeWebhookRefusal.MissingSignature)]
    [TestCase("", Now, TribeWebhookRefusal.MissingSignature)]
    [TestCase(null, null, TribeWebhookRefusal.MissingSignature)]
    [TestCase("valid", null, TribeWebhookRefusal.MissingTimestamp)]
    [TestCase("valid", "", TribeWebhookRefusal.MissingTimestamp)]
    public void Verify_MissingOrEmptyHeader_IsRefused(string? signature, string? timestamp, TribeWebhookRefusal expected)
    {
        var verdict = Verifier().Verify(signature == "valid" ? Signature : signature, timestamp, Body);

        verdict.Refusal.Should().Be(expected);
        verdict.IsValid.Should().BeFalse();
        verdict.Timestamp.Should().BeNull("no timestamp was read");
    }

    [TestCase("63 digits", TestName = "Verify_SignatureOf63Digits_IsMalformed")]
    [TestCase("65 digits", TestName = "Verify_SignatureOf65Digits_IsMalformed")]
    [TestCase("upper", TestName = "Verify_UppercaseHex_IsMalformed_TheCommunityWritesLowercase")]
    [TestCase("one upper", TestName = "Verify_OneUppercaseDigit_IsMalformed")]
    [TestCase("non-hex", TestName = "Verify_NonHexCharacter_IsMalformed")]
    [TestCase("sha256=", TestName = "Verify_Sha256EqualsPrefix_IsMalformed")]
    [TestCase("v1,", TestName = "Verify_VersionPrefix_IsMalformed")]
    [TestCase("spaces", TestName = "Verify_SurroundingSpaces_AreMalformed")]
    [TestCase("base64", TestName = "Verify_Base64OfTheMac_IsMalformed")]
    [TestCase("fullwidth", TestName = "Verify_FullwidthDigit_IsMalformed")]
    [TestCase("surrogate", TestName = "Verify_LoneSurrogate_IsMalformed")]
    public void Verify_MalformedSignature_IsRefusedBeforeAnyMac(string shape)
    {
        var signature = shape switch
        {
            "63 digits" => Signature[..63],
            "65 digits" => Signature + "0",
            "upper" => Signature.ToUpperInvariant(),
            "one upper" => UppercaseFirstLetter(Signature),
            "non-hex" => Signature[..63] + "g",
            "sha256=" => "sha256=" + Signature,
            "v1," => "v1," + Signature,
            "spaces" => " " + Signature + " ",
            "base64" => Convert.ToBase64String(Convert.FromHexString(Signature)),
            "fullwidth" => Signature[..63] + "\uFF11",
            _ => Signature[..63] + "\uD800",
        };

        var verdict = Verifier().Verify(signature, Now, Body);

        verdict.Refusal.Should().Be(TribeWebhookRefusal.MalformedSignature);
        verdict.Message.Should().Be("The signature header is not 64 lowercase hexadecimal digits.");
    }

    [TestCase("+1767225600000", TestName = "Verify_TimestampWithPlusSign_IsMalformed")]
    [TestCase("-1767225600000", TestName = "Verify_NegativeTimestamp_IsMalformed")]
    [TestCase(" 1767225600000", TestName = "Verify_TimestampWithLeadingSpace_IsMalformed")]
    [TestCase("1767225600000 ", TestName = "Verify_TimestampWithTrailingSpace_IsMalformed")]
    [TestCase("1767225600000.0", TestName = "Verify_TimestampWithFraction_IsMalformed")]
    [TestCase("1767225600000\n", TestName = "Verify_TimestampWithLineBreak_IsMalformed")]
    [TestCase("1.7672256E12", TestName = "Verify_TimestampWithExponent_IsMalformed")]
    [TestCase("0x19b7", TestName = "Verify_HexTimestamp_IsMalformed")]
    [TestCase("abc", TestName = "Verify_TimestampOfLetters_IsMalformed")]
    [TestCase("1767225600000ms", TestName = "Verify_TimestampWithUnit_IsMalformed")]
    [TestCase("1,767,225,600,000", TestName = "Verify_TimestampWithGroupSeparators_IsMalformed")]
    [TestCase("١٧٦٧٢٢٥٦٠٠٠٠٠", TestName = "Verify_TimestampOfArabicIndicDigits_IsMalformed")]
    [TestCase("2026-01-01T00:00:00Z", TestName = "Verify_IsoDateTimestamp_IsMalformed")]
    [TestCase("0001767225600000000", TestName = "Verify_TimestampOf19Digits_IsMalformed")]
    [TestCase("9223372036854775807", TestName = "Verify_TimestampOfLongMaxValue_IsMalformed")]
    [TestCase("99999999999999999999999", TestName = "Verify_TimestampOf23Digits_IsMalformed")]
    public void Verify_MalformedTimestamp_IsRefused_EvenWhenTheMacCoversIt(string timestamp)
    {
        var verdict = Verifier().Verify(Mac(timestamp, Body), timestamp, Body);

        verdict.Refusal.Should().Be(TribeWebhookRefusal.MalformedTimestamp);
        verdict.Timestamp.Should().BeNull();
        verdict.Message.Should().Be("The timestamp header is not a whole number of milliseconds since the Unix epoch.");
    }

    [TestCase(-300_000, TribeWebhookRefusal.None, TestName = "Verify_ExactlyFiveMinutesOld_IsValid")]
    [TestCase(-300_001, TribeWebhookRefusal.Stale, TestName = "Verify_FiveMinutesAndOneMillisecondOld_IsStale")]
    [TestCase(300_000, TribeWebhookRefusal.None, TestName = "Verify_ExactlyFiveMinutesAhead_IsValid")]
    [TestCase(300_001, TribeWebhookRefusal.FromTheFuture, TestName = "Verify_FiveMinutesAndOneMillisecondAhead_IsFromTheFuture")]
    [TestCase(-86_400_000, TribeWebhookRefusal.Stale, TestName = "Verify_ADayOld_IsStale")]
    [TestCase(0, TribeWebhookRefusal.None, TestName = "Verify_SignedNow_IsValid")]
    public void Verify_Window_IsFiveMinutesEitherWayByDefault(long offsetMilliseconds, TribeWebhookRefusal expected)
    {
        var timestamp = Millis(NowMilliseconds + offsetMilliseconds);

        var verdict = Verifier().Verify(Mac(timestamp, Body), timestamp, Body);

        verdict.Refusal.Should().Be(expected);
        verdict.Timestamp.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(NowMilliseconds + offsetMilliseconds), "the timestamp was read");
    }

    [Test]
    public void Verify_ClockMovesPastTheWindow_TheSameDeliveryBecomesStale()
    {
        var time = Clock();
        var verifier = new TribeWebhookVerifier(Secret, time);

        var fresh = verifier.Verify(Signature, Now, Body);
        time.Advance(TimeSpan.FromMinutes(5));
        var edge = verifier.Verify(Signature, Now, Body);
        time.Advance(TimeSpan.FromMilliseconds(1));
        var replayed = verifier.Verify(Signature, Now, Body);

        fresh.IsValid.Should().BeTrue();
        edge.IsValid.Should().BeTrue();
        replayed.Refusal.Should().Be(TribeWebhookRefusal.Stale);
    }

    [Test]
    public void Verify_SecondsInsteadOfMilliseconds_IsStale()
    {
        const string Seconds = "1767225600";

        var verdict = Verifier().Verify(Mac(Seconds, Body), Seconds, Body);

        verdict.Refusal.Should().Be(TribeWebhookRefusal.Stale);
        verdict.Message.Should().Contain("seconds sent instead of milliseconds");
    }

    [Test]
    public void Verify_StaleDeliveryWithAWrongSignature_IsStale_TheWindowComesFirst()
        => Verifier().Verify(new string('0', 64), Millis(NowMilliseconds - 600_000), Body).Refusal.Should().Be(TribeWebhookRefusal.Stale);

    [Test]
    public void Verify_FarFutureTimestamp_IsRefused_AndItsTimestampCanBeRead()
    {
        const string Far = "999999999999999999";

        var verdict = Verifier().Verify(Mac(Far, Body), Far, Body);

        verdict.Refusal.Should().Be(TribeWebhookRefusal.FromTheFuture);
        verdict.Invoking(v => v.Timestamp).Should().NotThrow("reading a verdict never throws").Which.Should().BeNull("the year 9999 is the last a DateTimeOffset holds");
        Verifier().Verify(Mac("253402300799999", Body), "253402300799999", Body).Timestamp.Should().Be(new DateTimeOffset(9999, 12, 31, 23, 59, 59, 999, TimeSpan.Zero));
    }

    [Test]
    public void Verify_AnotherAppsSecret_IsAWrongSignature()
    {
        var verdict = Verifier().Verify(Mac(Now, Body, secret: "another-apps-secret"), Now, Body);

        verdict.Refusal.Should().Be(TribeWebhookRefusal.WrongSignature);
        verdict.Message.Should().Be("The signature does not match: another app's signing secret, or a body changed on the way (verify the raw bytes as received, never re-serialised JSON).");
    }

    [Test]
    public void Verify_SecretDifferingOnlyInCase_IsAWrongSignature()
        => Verifier().Verify(Mac(Now, Body, secret: SecretText.ToUpperInvariant()), Now, Body).Refusal.Should().Be(TribeWebhookRefusal.WrongSignature);

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(50)]
    [TestCase(-1)]
    public void Verify_OneByteOfTheBodyFlipped_IsAWrongSignature(int index)
    {
        var tampered = (byte[])Body.Clone();
        var at = index < 0 ? tampered.Length - 1 : index;
        tampered[at] ^= 0x01;

        Verifier().Verify(Signature, Now, tampered).Refusal.Should().Be(TribeWebhookRefusal.WrongSignature);
    }

    [TestCase("", TestName = "Verify_BodyWithATrailingLineBreak_IsAWrongSignature")]
    [TestCase("truncated", TestName = "Verify_TruncatedBody_IsAWrongSignature")]
    [TestCase("empty", TestName = "Verify_EmptyBody_IsAWrongSignature")]
    public void Verify_BodyChangedOnTheWay_IsRefused(string change)
    {
        var sent = change switch
        {
            "truncated" => Body[..^1],
            "empty" => Array.Empty<byte>(),
            _ => Utf8(TestBody + "\n"),
        };

        Verifier().Verify(Signature, Now, sent).Refusal.Should().Be(TribeWebhookRefusal.WrongSignature);
    }

    [Test]
    public void Verify_JsonReSerialisedBeforeVerifying_IsRefused()
    {
        var received = Utf8("{ \"type\": \"TEST\", \"data\": { \"challenge\": \"caf\\u00e9\" }, \"networkId\": \"net-1\" }");
        var signature = Mac(Now, received);
        var reSerialised = JsonSerializer.SerializeToUtf8Bytes(JsonDocument.Parse(received).RootElement);

        Encoding.UTF8.GetString(reSerialised).Should().NotBe(Encoding.UTF8.GetString(received), "re-writing JSON changes its bytes");
        Verifier().Verify(signature, Now, received).IsValid.Should().BeTrue();
        Verifier().Verify(signature, Now, reSerialised).Refusal.Should().Be(TribeWebhookRefusal.WrongSignature);
    }

    [Test]
    public void Verify_SignatureOfAnotherTimestamp_IsAWrongSignature()
        => Verifier().Verify(Mac(Millis(NowMilliseconds + 1), Body), Now, Body).Refusal.Should().Be(TribeWebhookRefusal.WrongSignature);

    [Test]
    public void Verify_SignatureOverTheBodyAlone_IsAWrongSignature()
    {
        var bodyOnly = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Utf8(SecretText), Body));

        Verifier().Verify(bodyOnly, Now, Body).Refusal.Should().Be(TribeWebhookRefusal.WrongSignature);
    }

    [Test]
    public void Verify_TwoBadDigitsInDifferentBytes_AreMalformed_OneBadDigitCannotCancelAnother()
    {
        var signature = new string('0', 20) + "x" + new string('0', 20) + "x" + new string('0', 22);

        Verifier().Verify(signature, Now, Body).Refusal.Should().Be(TribeWebhookRefusal.MalformedSignature);
    }

    [Test]
    public void Verify_TheRightMacWithTwoUppercaseLeadingFs_IsMalformed_NotValid()
    {
        var (body, signature) = Enumerable.Range(0, 1000).Select(n => Utf8("{\"n\":" + n + "}")).Select(b => (b, Mac(Now, b)))
            .First(pair => Enumerable.Range(0, 32).Count(i => pair.Item2[2 * i] == 'f') >= 2);
        var leadingFs = Enumerable.Range(0, 32).Where(i => signature[2 * i] == 'f').Take(2).ToArray();
        var chars = signature.ToCharArray();
        chars[2 * leadingFs[0]] = 'F';
        chars[2 * leadingFs[1]] = 'F';

        Verifier().Verify(new string(chars), Now, body).Refusal.Should().Be(TribeWebhookRefusal.MalformedSignature);
    }

    private static string UppercaseFirstLetter(string hex)
    {
        var i = hex.AsSpan().IndexOfAnyInRange('a', 'f');
        return hex[..i] + char.ToUpperInvariant(hex[i]) + hex[(i + 1)..];
    }
}
