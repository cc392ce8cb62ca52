using System;
using System.Linq;
using System.Text;
using Tribe.Sso.Members.Tests.Support;
using static Tribe.Sso.Members.Tests.Support.WebhookFixtures;

namespace Tribe.Sso.Members.Tests.Webhooks;

/// <summary>
/// The wire rule pinned by vectors computed outside .NET: the signer writes them byte for byte and the verifier accepts
/// them; and Node's node:crypto, sharing no code with the SDK, signs what the verifier accepts and the signer writes.
/// </summary>
public class WebhookVectorTests
{
    private const string MemberUpdated = "{\"networkId\":\"net-1\",\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"ev-1\",\"name\":\"member.updated\",\"object\":{\"id\":\"m1\",\"externalId\":\"42\",\"name\":\"Zoë 😀\",\"status\":\"VERIFIED\"}}}";

    // The expected signatures were computed once with Python's hmac module, outside this repository's code:
    //   python3 -c 'import hmac,hashlib; print(hmac.new(SECRET.encode("utf-8"), TS.encode("ascii") + b":" + BODY.encode("utf-8"), hashlib.sha256).hexdigest())'
    // with SECRET, TS and BODY the three columns below (Python 3.11.7).
    [TestCase(SecretText, Now, TestBody, "5762da23c2bf67db0feede3b7b4620cfbca6aa77c9c7f854f6af71225e79cad2", TestName = "the community's TEST request")]
    [TestCase(SecretText, Now, MemberUpdated, "271ad011a7a596350b348ad362293c1b6ef456c2933d58173c599719b563eaeb", TestName = "a member event with non-ASCII text and an emoji in the body")]
    [TestCase("sécret-🔑", Now, "{}", "60fd311aa464736dbfd627346d2790f081ca11accc45a38f00bc375548894e8b", TestName = "a secret with non-ASCII characters, keyed with its UTF-8 bytes")]
    public void FixedVector_SignedByTheSignerAndAcceptedByTheVerifier(string secret, string timestamp, string body, string expected)
    {
        var key = TribeWebhookSecret.FromString(secret);
        var bytes = Encoding.UTF8.GetBytes(body);

        var signed = new TribeWebhookSigner(key).Sign(bytes, Instant);
        var verdict = new TribeWebhookVerifier(key, Clock()).Verify(expected, timestamp, bytes);

        signed.Signature.Should().Be(expected);
        signed.Timestamp.Should().Be(timestamp);
        verdict.IsValid.Should().BeTrue(verdict.Message);
        verdict.Timestamp.Should().Be(Instant);
    }

    [Test]
    public void FixedVector_TimestampWithLeadingZeros_IsValidBecauseTheMacCoversTheHeaderTextAsSent()
    {
        // python3: hmac.new(b"tribe-webhook-test-secret-not-secret", b"0001767225600000:{}", hashlib.sha256).hexdigest()
        const string Signature = "b74559db62bddf8525737d5190190cf9da27810734bc866b3474cf356e7fabd7";

        var verdict = Verifier().Verify(Signature, "0001767225600000", "{}"u8);
        var reformatted = Verifier().Verify(Mac(Now, "{}"), "0001767225600000", "{}"u8);

        verdict.IsValid.Should().BeTrue(verdict.Message);
        verdict.Timestamp.Should().Be(Instant);
        reformatted.Refusal.Should().Be(TribeWebhookRefusal.WrongSignature, "the number is the same, but the signed text is not");
    }

    [Test]
    public void TheTestsOwnMac_AgreesWithTheFixedVector()
        => Mac(Now, TestBody).Should().Be("5762da23c2bf67db0feede3b7b4620cfbca6aa77c9c7f854f6af71225e79cad2");

    [Test]
    public void NodeCrypto_SignsWhatTheVerifierAcceptsAndTheSignerWrites()
    {
        var bodies = new[]
        {
            Utf8(TestBody), Utf8(MemberUpdated), Array.Empty<byte>(), Utf8("{\"a\":\"\\u00e9\"}\n"), new byte[] { 0xFF, 0x00, 0xC3, 0x28, 0x0D, 0x0A },
            Enumerable.Range(0, 5000).Select(i => (byte)i).ToArray(),
        };
        var timestamps = new[] { Now, Millis(NowMilliseconds - 299_999), Millis(NowMilliseconds + 300_000), "0001767225600000", Now, Now };
        var deliveries = bodies.Select((body, i) => (timestamps[i], body)).ToArray();

        var fromNode = NodeInterop.SignWebhooks(SecretText, deliveries);

        fromNode.Should().HaveCount(deliveries.Length);
        for (var i = 0; i < deliveries.Length; i++)
        {
            var (timestamp, body) = deliveries[i];
            Verifier().Verify(fromNode[i], timestamp, body).IsValid.Should().BeTrue("Node's signature of delivery {0} is accepted", i);
            fromNode[i].Should().Be(Mac(timestamp, body), "Node and the BCL agree on delivery {0}", i);
            if (timestamp[0] != '0')
            {
                var signed = new TribeWebhookSigner(Secret).Sign(body, DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture)));
                signed.Signature.Should().Be(fromNode[i], "the signer writes what Node writes for delivery {0}", i);
            }
        }
    }

    [Test]
    public void Signer_WritesMillisecondsSinceTheEpochFromItsClock()
    {
        var time = Clock();
        time.Advance(TimeSpan.FromMilliseconds(1234));

        var signed = new TribeWebhookSigner(Secret, time).Sign(Utf8(TestBody));

        signed.Timestamp.Should().Be("1767225601234");
        signed.Signature.Should().Be(Mac("1767225601234", TestBody));
    }

    [Test]
    public void Signer_BeforeTheEpoch_Throws()
    {
        var sign = () => new TribeWebhookSigner(Secret).Sign(Utf8("{}"), DateTimeOffset.FromUnixTimeMilliseconds(-1));

        sign.Should().Throw<ArgumentOutOfRangeException>().WithMessage("A webhook timestamp counts milliseconds since the Unix epoch; it cannot be before 1970.*");
    }

    [Test]
    public void Signer_AtTheEpochItself_SignsTimestampZero()
    {
        var signed = new TribeWebhookSigner(Secret).Sign(Utf8("{}"), DateTimeOffset.UnixEpoch);

        signed.Timestamp.Should().Be("0");
        signed.Signature.Should().Be(Mac("0", "{}"));
    }

    [Test]
    public void Verify_ByteArrayAndSpanOverloads_GiveTheSameVerdict_NullIsAnEmptyBody()
    {
        var body = Utf8(TestBody);
        var signature = Mac(Now, body);

        Verifier().Verify(signature, Now, body).Should().Be(Verifier().Verify(signature, Now, body.AsSpan()));
        Verifier().Verify(Mac(Now, Array.Empty<byte>()), Now, (byte[]?)null).IsValid.Should().BeTrue();
    }
}
