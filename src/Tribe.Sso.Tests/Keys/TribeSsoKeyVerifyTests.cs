using System;
using System.Security.Cryptography;
using System.Text;

namespace Tribe.Sso.Tests.Keys;

/// <summary>
/// How the community checks a token, with the key alone: the HS256 signature of the signing input is accepted, any
/// other 32 bytes and any signature of another length are not. The expected MAC comes from .NET's own HMACSHA256.
/// </summary>
public class TribeSsoKeyVerifyTests
{
    private const string Secret = "a-community-key-of-at-least-32-bytes!";
    private static readonly byte[] SigningInput = Encoding.ASCII.GetBytes("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiJ9");

    [Test]
    public void VerifySignature_TheHmacOfTheInput_IsAccepted()
    {
        TribeSsoKey.FromString(Secret).VerifySignature(SigningInput, Mac()).Should().BeTrue();
    }

    [Test]
    public void VerifySignature_OneBitChanged_IsRefused()
    {
        var mac = Mac();
        mac[31] ^= 1;

        TribeSsoKey.FromString(Secret).VerifySignature(SigningInput, mac).Should().BeFalse();
    }

    [TestCase(0)]
    [TestCase(31)]
    [TestCase(33)]
    public void VerifySignature_NotThirtyTwoBytes_IsRefused(int length)
    {
        var mac = Mac();
        var signature = new byte[length];
        mac.AsSpan(0, Math.Min(length, 32)).CopyTo(signature);

        TribeSsoKey.FromString(Secret).VerifySignature(SigningInput, signature).Should().BeFalse();
    }

    [Test]
    public void FromBytes_32Bytes_IsAccepted_And31AreRefusedWithTheRule()
    {
        TribeSsoKey.FromBytes(new byte[32]).IsShortCommunityKey.Should().BeFalse();

        var act = () => TribeSsoKey.FromBytes(new byte[31]);

        act.Should().Throw<TribeSsoKeyException>().Which.Message.Should().StartWith("The SSO private key is 31 bytes long; HS256 requires at least 32 bytes");
    }

    [Test]
    public void SecurityKeyToString_ShowsNoKeyMaterial()
    {
        new PinnedSymmetricSecurityKey(Encoding.UTF8.GetBytes(Secret)).ToString().Should().Be("TribeSsoKey (hidden)");
    }

    private static byte[] Mac()
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(Secret));
        return hmac.ComputeHash(SigningInput);
    }
}
