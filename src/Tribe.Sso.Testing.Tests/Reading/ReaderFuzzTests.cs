using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Web;
using CsCheck;

namespace Tribe.Sso.Testing.Tests.Reading;

/// <summary>
/// The reader is total and never misled: for any token or link, <see cref="TribeSsoTokenReader.Read(string)"/> and
/// <see cref="InMemoryTribeCommunity.SignIn(string)"/> answer with findings, never an exception, and accept only a token
/// whose signature segment is the canonical HMAC, computed here with <see cref="System.Security.Cryptography.HMACSHA256"/>.
/// CI checks 3,000 inputs per property; set TRIBE_SSO_FUZZ_ITERATIONS (and TRIBE_SSO_FUZZ_SEED) to run longer.
/// </summary>
public class ReaderFuzzTests
{
    private static readonly TribeSsoKey Key = TribeSsoKey.FromString(TestKeys.Primary);
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Test]
    public void AnyToken_GivesFindings_AndIsAcceptedOnlyWithTheCanonicalHmac()
    {
        var accepted = 0;
        var checkedInputs = Fuzz.Run(HostileInputs.Tokens, input => accepted += Check(input) ? 1 : 0);

        accepted.Should().BePositive("the generators reach acceptance, so the property is not vacuous");
        accepted.Should().BeLessThan(checkedInputs);
    }

    [Test]
    public void AnyLink_GivesFindings_AndIsAcceptedOnlyWithTheCanonicalHmac()
    {
        var accepted = 0;
        var checkedInputs = Fuzz.Run(Gen.Frequency((4, HostileInputs.Links), (1, HostileInputs.ValidLinks)), input => accepted += Check(input) ? 1 : 0);

        accepted.Should().BePositive("the generators reach acceptance, so the property is not vacuous");
        accepted.Should().BeLessThan(checkedInputs);
    }

    [Test]
    public void ParseQuery_OfAnyText_NeverThrows_AndReadsBackEncodedPairs()
    {
        var pairs = Gen.Select(HostileInputs.Garbage, HostileInputs.Garbage).Array[0, 5];

        Fuzz.Run(Gen.Select(pairs, HostileInputs.Garbage), t =>
        {
            var (written, garbage) = t;
            var wellFormed = written.Select(p => (Name: WellFormed(p.Item1), Value: WellFormed(p.Item2))).Where(p => p.Name.Length > 0).ToArray();
            var query = "?" + string.Join("&", wellFormed.Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(p.Value)));

            LinkFormat.ParseQuery(query).Select(p => (p.Key, p.Value)).Should().Equal(wellFormed.Select(p => (p.Name, p.Value)));
            LinkFormat.ParseQuery(garbage).Should().NotContainNulls();
        });
    }

    /// <summary>Reads <paramref name="input"/> every way the package offers and checks what must hold; returns whether it was accepted.</summary>
    private static bool Check(string input)
    {
        var clock = TestClock.Create();
        var result = new TribeSsoTokenReader(Key, new TribeSsoTokenReaderOptions { TimeProvider = clock }).Read(input);
        var withoutKey = new TribeSsoTokenReader(null, new TribeSsoTokenReaderOptions { TimeProvider = clock }).Read(input);
        var signIn = new InMemoryTribeCommunity(Key, clock).SignIn(input);

        result.Findings.Where(f => f.Message.Length == 0 || !IsWellFormed(f.Message)).Should().BeEmpty("a finding is printable text");
        result.Findings.Select(f => f.Code).Should().Equal(new TribeSsoTokenReader(Key, new TribeSsoTokenReaderOptions { TimeProvider = clock }).Read(input).Findings.Select(f => f.Code), "reading is deterministic");
        withoutKey.SignatureStatus.Should().NotBe(TribeSsoSignatureStatus.Valid);
        signIn.IsSignedIn.Should().Be(result.IsAccepted, "the community signs in exactly the tokens the reader accepts");
        if (!result.IsAccepted)
        {
            result.Rejection.Should().NotBeNull();
            return false;
        }

        var token = IndependentlyExtractedToken(input);
        var segments = token.Split('.');
        segments.Should().HaveCount(3);
        segments[2].Should().Be(HostileInputs.CanonicalSignature(segments[0] + "." + segments[1]), "an accepted token carries the canonical HMAC");
        using (var header = JsonDocument.Parse(Jwt.DecodeSegment(segments[0])))
        {
            header.RootElement.GetProperty("alg").GetString().Should().Be("HS256");
        }

        using var payload = JsonDocument.Parse(Jwt.DecodeSegment(segments[1]));
        foreach (var claim in new[] { "sub", "name", "email" })
        {
            payload.RootElement.GetProperty(claim).GetString().Should().NotBeNullOrWhiteSpace();
        }

        result.SignatureStatus.Should().Be(TribeSsoSignatureStatus.Valid);
        signIn.Outcome.Should().Be(TribeSsoSignInOutcome.Created);
        return true;
    }

    /// <summary>The token a web server would hand the community: the whole input, or the one <c>jwt</c> query value (System.Web's decoding).</summary>
    private static string IndependentlyExtractedToken(string input)
    {
        var text = input.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            return text;
        }

        var values = HttpUtility.ParseQueryString(new Uri(text).Query).GetValues("jwt");
        values.Should().ContainSingle("an accepted link has exactly one jwt parameter");
        return values![0];
    }

    private static bool IsWellFormed(string text)
    {
        try
        {
            StrictUtf8.GetByteCount(text);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Drops lone surrogates, which no query string can carry.</summary>
    private static string WellFormed(string text)
        => new(text.Where((c, i) => !char.IsSurrogate(c) || (char.IsHighSurrogate(c) ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) : i > 0 && char.IsHighSurrogate(text[i - 1]))).ToArray());
}
