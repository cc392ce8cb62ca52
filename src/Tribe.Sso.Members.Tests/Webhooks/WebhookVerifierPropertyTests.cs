using System;
using System.Linq;
using CsCheck;
using static Tribe.Sso.Members.Tests.Support.WebhookFixtures;

namespace Tribe.Sso.Members.Tests.Webhooks;

/// <summary>
/// The verifier's invariants over generated input (a few thousand cases per property, seeded: <see cref="Fuzz"/>):
/// it never throws on headers or bodies, whatever they hold; what the signer signs inside the window is always valid;
/// and any change to the body or the signature is always refused.
/// </summary>
public class WebhookVerifierPropertyTests
{
    private static readonly string ValidSignature = Mac(Now, TestBody);

    /// <summary>Header values a hostile sender or a broken proxy could send: random text, lone surrogates, near-misses of both headers, huge values.</summary>
    private static readonly Gen<string?> HostileHeader = Gen.Frequency(
        (4, Gen.String),
        (4, Gen.OneOf(Gen.Char, Gen.OneOf('\uD800', '\uDC00', '\uFFFF', '\u0000', '\u00A0', '\uFF11', ' ', '+', '-', '.', ':', '=')).Array[0, 80].Select(c => new string(c))),
        (4, Gen.Int[1, 25].SelectMany(n => Gen.Char['0', '9'].Array[n]).Select(c => new string(c))),
        (4, Gen.Select(Gen.Int[0, 63], Gen.Char).Select(t => ValidSignature[..t.Item1] + t.Item2 + ValidSignature[(t.Item1 + 1)..])),
        (2, Gen.OneOf(ValidSignature, "sha256=" + ValidSignature, ValidSignature.ToUpperInvariant(), ValidSignature[..63], ValidSignature + "0", Now, "-" + Now, Now + ".5", "1767225600", "999999999999999999", "0")),
        (1, Gen.Int[1, 2_000_000].Select(n => new string('f', n))),
        (1, Gen.Const((string?)null)));

    private static readonly Gen<byte[]> Bodies = Gen.Frequency(
        (6, Gen.Byte.Array[0, 2000]),
        (2, Gen.Const(Utf8(TestBody))),
        (1, Gen.Int[100_000, 1_000_000].Select(n => new byte[n])));

    /// <summary>Secrets as the portal could show them: no surrounding whitespace, whole UTF-16, some of them non-ASCII.</summary>
    private static readonly Gen<string> Secrets = Gen.OneOf(Gen.Char['!', '~'].Select(c => c.ToString()), Gen.Char['\u00A1', '\u07FF'].Select(c => c.ToString()), Gen.OneOf("😀", "é", " ", "\t"))
        .Array[1, 60].Select(string.Concat)
        .Select(s => s.Trim())
        .Where(s => s.Length > 0);

    [Test]
    public void Verify_AnyHeadersAndBody_GivesAVerdictAndNeverThrows()
    {
        var verifier = Verifier();

        Fuzz.Run(Gen.Select(HostileHeader, HostileHeader, Bodies), input =>
        {
            var (signature, timestamp, body) = input;

            var verdict = verifier.Verify(signature, timestamp, body);

            _ = verdict.Timestamp;
            verdict.Message.Should().NotBeNullOrEmpty();
            verdict.ToString().Should().Be("TribeWebhookVerification { Refusal = " + verdict.Refusal + " }");
            if (verdict.IsValid)
            {
                signature.Should().Be(Mac(timestamp!, body), "only the canonical MAC is valid");
                verdict.Timestamp.Should().BeCloseTo(Instant, TimeSpan.FromMinutes(5));
            }
        }, ciDefault: 2000, show: i => $"{i.Item1?.Length} / {i.Item2} / {i.Item3.Length} bytes");
    }

    [Test]
    public void SignThenVerify_AnySecretBodyAndTimeInTheWindow_IsValid()
    {
        Fuzz.Run(Gen.Select(Secrets, Gen.Byte.Array[0, 3000], Gen.Long[-300_000, 300_000]), input =>
        {
            var (text, body, offset) = input;
            var secret = TribeWebhookSecret.FromString(text);
            var sent = DateTimeOffset.FromUnixTimeMilliseconds(NowMilliseconds + offset);

            var signed = new TribeWebhookSigner(secret).Sign(body, sent);
            var verdict = new TribeWebhookVerifier(secret, Clock()).Verify(signed.Signature, signed.Timestamp, body);

            verdict.IsValid.Should().BeTrue(verdict.Message);
            verdict.Timestamp.Should().Be(sent);
            signed.Signature.Should().Be(Mac(signed.Timestamp, body, text), "the signer follows the wire rule");
        }, ciDefault: 2000, show: i => $"{i.Item1} / {Convert.ToHexString(i.Item2)} / {i.Item3}");
    }

    [Test]
    public void Verify_AnyByteOfTheBodyFlipped_IsAWrongSignature()
    {
        var verifier = Verifier();

        Fuzz.Run(Gen.Select(Gen.Byte.Array[1, 3000], Gen.Int, Gen.Byte[1, 255]), input =>
        {
            var (body, position, mask) = input;
            var signature = Mac(Now, body);
            var tampered = (byte[])body.Clone();
            tampered[(int)((uint)position % (uint)body.Length)] ^= mask;

            verifier.Verify(signature, Now, body).IsValid.Should().BeTrue();
            verifier.Verify(signature, Now, tampered).Refusal.Should().Be(TribeWebhookRefusal.WrongSignature);
        }, ciDefault: 2000, show: i => $"{i.Item1.Length} bytes, at {i.Item2}, xor {i.Item3}");
    }

    [Test]
    public void Verify_AnyCharacterOfTheSignatureChanged_IsRefused()
    {
        var verifier = Verifier();
        var body = Utf8(TestBody);

        Fuzz.Run(Gen.Select(Gen.Int[0, 63], Gen.Char), input =>
        {
            var (index, replacement) = input;
            if (replacement == ValidSignature[index])
            {
                replacement = ValidSignature[index] == '0' ? '1' : '0';
            }

            var changed = ValidSignature[..index] + replacement + ValidSignature[(index + 1)..];
            var isLowercaseHex = replacement is (>= '0' and <= '9') or (>= 'a' and <= 'f');

            verifier.Verify(changed, Now, body).Refusal.Should().Be(isLowercaseHex ? TribeWebhookRefusal.WrongSignature : TribeWebhookRefusal.MalformedSignature);
        }, ciDefault: 3000, show: i => $"[{i.Item1}] = U+{(int)i.Item2:X4}");
    }

    [Test]
    public void Verify_EveryHexDigitOfTheSignatureChanged_IsAWrongSignature()
    {
        var verifier = Verifier();
        var body = Utf8(TestBody);

        for (var i = 0; i < 64; i++)
        {
            foreach (var digit in "0123456789abcdef".Where(d => d != ValidSignature[i]))
            {
                var changed = ValidSignature[..i] + digit + ValidSignature[(i + 1)..];
                verifier.Verify(changed, Now, body).Refusal.Should().Be(TribeWebhookRefusal.WrongSignature, "digit {0} changed to {1}", i, digit);
            }
        }
    }

    [Test]
    public void Verify_AnyTimestampOutsideTheWindow_IsRefusedWhateverTheSignature()
    {
        var verifier = Verifier();
        var body = Utf8(TestBody);

        Fuzz.Run(Gen.Select(Gen.Long[300_001, 999_999_999_999_999_999 - NowMilliseconds], Gen.Bool), input =>
        {
            var (distance, future) = input;
            var sent = future ? NowMilliseconds + distance : NowMilliseconds - Math.Min(distance, NowMilliseconds);
            var timestamp = Millis(sent);

            var verdict = verifier.Verify(Mac(timestamp, body), timestamp, body);

            verdict.Refusal.Should().Be(future ? TribeWebhookRefusal.FromTheFuture : TribeWebhookRefusal.Stale);
        }, ciDefault: 2000, show: i => $"{i.Item1} {(i.Item2 ? "ahead" : "behind")}");
    }
}
