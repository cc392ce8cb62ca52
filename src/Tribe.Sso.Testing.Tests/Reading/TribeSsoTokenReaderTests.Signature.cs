using System;

namespace Tribe.Sso.Testing.Tests.Reading;

// The signature and the algorithm: tampered, unsigned and foreign-key tokens.
public partial class TribeSsoTokenReaderTests
{
    [Test]
    public void Read_WithoutKey_DecodesButDoesNotCheckTheSignature()
    {
        var result = new TribeSsoTokenReader(null, new TribeSsoTokenReaderOptions { TimeProvider = TestClock.Create() }).Read(JaneToken());

        result.SignatureStatus.Should().Be(TribeSsoSignatureStatus.NotChecked);
        result.Findings.Should().ContainSingle(f => f.Code == TribeSsoFindingCode.SignatureNotChecked && f.Severity == TribeSsoFindingSeverity.Warning);
        result.Claims!.Email.Should().Be("jane@example.com");
    }

    [Test]
    public void Read_TamperedPayload_IsRejectedForItsSignature()
    {
        var token = JaneToken();
        var payload = Tokens.PayloadOf(token);
        payload["role"] = "admin";

        var result = Reader().Read(Tokens.WithPayload(token, payload));

        result.SignatureStatus.Should().Be(TribeSsoSignatureStatus.Invalid);
        result.Rejection!.Code.Should().Be(TribeSsoFindingCode.SignatureInvalid);
    }

    [Test]
    public void Read_TamperedSignature_IsRejected()
    {
        // A middle character: the last one of a 43-character signature also carries two padding bits.
        var token = JaneToken();
        var i = token.Length - 20;
        var tampered = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];

        Reader().Read(tampered).Rejection!.Code.Should().Be(TribeSsoFindingCode.SignatureInvalid);
    }

    [TestCase("{\"alg\":\"none\",\"typ\":\"JWT\"}", TribeSsoFindingCode.AlgorithmNotAllowed, "alg 'none' is not HS256; the community accepts only HS256 (an unsigned token)")]
    [TestCase("{\"alg\":\"HS384\",\"typ\":\"JWT\"}", TribeSsoFindingCode.AlgorithmNotAllowed, "alg 'HS384' is not HS256; the community accepts only HS256")]
    [TestCase("{\"alg\":\"RS256\",\"typ\":\"JWT\"}", TribeSsoFindingCode.AlgorithmNotAllowed, "alg 'RS256' is not HS256; the community accepts only HS256")]
    [TestCase("{\"alg\":\"hs256\"}", TribeSsoFindingCode.AlgorithmNotAllowed, "alg 'hs256' is not HS256; the community accepts only HS256")]
    [TestCase("{\"typ\":\"JWT\"}", TribeSsoFindingCode.AlgorithmMissing, "the header has no alg; the community accepts only HS256")]
    [TestCase("{\"alg\":256}", TribeSsoFindingCode.AlgorithmMissing, "the header has no alg; the community accepts only HS256")]
    public void Read_TamperedHeader_IsRejectedForItsAlgorithm(string header, TribeSsoFindingCode code, string message)
    {
        var result = Reader().Read(Tokens.WithHeader(JaneToken(), header));

        result.IsAccepted.Should().BeFalse();
        result.Rejection!.Code.Should().Be(code);
        result.Rejection.Message.Should().Be(message);
    }

    [Test]
    public void Read_UnsignedAlgNoneToken_IsRejected()
    {
        var unsigned = Tokens.Segment("{\"alg\":\"none\"}") + "." + Jwt.Segments(JaneToken())[1] + ".";

        var result = Reader().Read(unsigned);

        result.Rejection!.Code.Should().Be(TribeSsoFindingCode.AlgorithmNotAllowed);
        result.SignatureStatus.Should().Be(TribeSsoSignatureStatus.NotChecked);
    }

    [Test]
    public void Read_TokenSignedWithAnotherKey_SaysSo()
    {
        var result = Reader().Read(Issuers.AtFixedClock(Issuers.Options(TestKeys.Other)).CreateToken(Issuers.Jane()));

        result.Rejection!.Message.Should().Be("bad signature: signed with another key or the key has surrounding whitespace, or the token was altered");
        result.Rejection.Message.Should().NotContain(TestKeys.Primary).And.NotContain(TestKeys.Other);
    }

    [Test]
    public void Read_KeyWithSurroundingWhitespaceOnOneSide_DoesNotVerify()
    {
        var paddedKey = TribeSsoKey.FromBytes(TestKeys.Bytes(TestKeys.Primary + "\n"));

        new TribeSsoTokenReader(paddedKey, new TribeSsoTokenReaderOptions { TimeProvider = TestClock.Create() }).Read(JaneToken())
            .SignatureStatus.Should().Be(TribeSsoSignatureStatus.Invalid);
    }
}
