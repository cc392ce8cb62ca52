using System.Text;

namespace Tribe.Sso.Tests.Keys;

/// <summary>Published HS256 vectors, signed by the SDK's own signer.</summary>
public class JwsSignerVectorTests
{
    [Test]
    public void Sign_Rfc7515AppendixA1_ProducesThePublishedSignature()
    {
        // RFC 7515 A.1: the JWK "k" value and the JWS Signing Input (header and payload with CRLFs) of the example.
        var key = Jwt.Base64UrlDecode("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");
        var signingInput = Encoding.ASCII.GetBytes(
            "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9" + "." +
            "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ");
        var signer = new JwsSigner(TribeSsoKey.FromBytes(key));
        var mac = new byte[JwsSigner.SignatureLength];

        signer.Sign(signingInput, 0, signingInput.Length, mac);

        Jwt.Base64UrlEncode(mac).Should().Be("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    }

    [Test]
    public void CreateCompact_JwtIoHs256Example_ReproducesTheTokenByteForByte()
    {
        // The HS256 example on jwt.io: secret "a-string-secret-at-least-256-bits-long".
        const string Expected =
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" +
            ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0" +
            ".KMUFsIDTnFmyG3nMiGM6H9FNFUROf3wh7SmqJp-QV30";
        var signer = new JwsSigner(TribeSsoKey.FromString("a-string-secret-at-least-256-bits-long"));
        var payload = Encoding.UTF8.GetBytes("{\"sub\":\"1234567890\",\"name\":\"John Doe\",\"admin\":true,\"iat\":1516239022}");

        var token = signer.CreateCompact(JwsSigner.Hs256Header, payload);

        token.Should().Be(Expected);
    }

    [Test]
    public void Hs256Header_IsExactlyAlgThenTyp()
    {
        Jwt.DecodeSegment(Encoding.ASCII.GetString(JwsSigner.Hs256Header)).Should().Be("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    }
}
