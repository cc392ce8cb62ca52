using System;
using System.Linq;

namespace Tribe.Sso.Testing.Tests.Reading;

/// <summary>
/// Issue 13, one golden case per defect class of the reader: (1) malformed tokens that used to throw, (3) leniency the
/// community's libraries do not have, (7) invisible characters a foreign issuer signed. Each goes through the reader and
/// the in-memory community, which must answer with findings, never an exception.
/// </summary>
public class HostileInputTests
{
    private const string LoneSurrogateInPayload = "not a JWT: the payload has a string escape that is a lone UTF-16 surrogate (such as \\ud800), which is not text";
    private const string NotCanonicalSignature = "not a JWT: the signature is not canonical base64url (padding, whitespace, '+' or '/' are not accepted)";
    private static readonly TribeSsoKey Key = TribeSsoKey.FromString(TestKeys.Primary);

    [TestCase("\"title\":\"\\ud800\"", TestName = "lone high surrogate in an optional claim")]
    [TestCase("\"title\":\"x\\udc00y\"", TestName = "lone low surrogate in an optional claim")]
    [TestCase("\"zz\":\"\\udbff\"", TestName = "lone surrogate in an ignored claim")]
    [TestCase("\"\\ud800\":1", TestName = "lone surrogate in a claim name")]
    [TestCase("\"groups\":[{\"group\":\"\\ud800\"}]", TestName = "lone surrogate in a nested group id")]
    [TestCase("\"role\":\"\\udfff\"", TestName = "lone surrogate in role")]
    public void LoneSurrogateEscape_InThePayload_IsMalformed_NotAnException(string member)
    {
        var token = Tokens.Sign(Tokens.JanePayload(member));

        var result = Reader().Read(token);
        var signIn = new InMemoryTribeCommunity(Key, TestClock.Create()).SignIn(token);

        result.IsAccepted.Should().BeFalse();
        result.Rejection!.Code.Should().Be(TribeSsoFindingCode.Malformed);
        result.Rejection.Message.Should().Be(LoneSurrogateInPayload);
        result.PayloadJson.Should().Contain("\\u", "the decoded JSON text is still shown, as written");
        result.Claims.Should().BeNull();
        signIn.Outcome.Should().Be(TribeSsoSignInOutcome.Rejected);
        signIn.Rejection!.Message.Should().Be(LoneSurrogateInPayload);
    }

    [Test]
    public void LoneSurrogateEscape_InAlg_IsMalformed_NotAnException()
    {
        var result = Reader().Read(Tokens.Sign("{\"alg\":\"HS\\ud800\",\"typ\":\"JWT\"}", Tokens.JanePayload()));

        result.Rejection!.Message.Should().Be("not a JWT: the header has a string escape that is a lone UTF-16 surrogate (such as \\ud800), which is not text");
        result.Algorithm.Should().BeNull();
        result.SignatureStatus.Should().Be(TribeSsoSignatureStatus.NotChecked);
    }

    [TestCase(253402300799, true, TestName = "exp at the last second of year 9999 is read, not thrown on")]
    [TestCase(253402300800, false, TestName = "exp after year 9999 is invalid")]
    [TestCase(1e300, false, TestName = "exp 1e300 is invalid")]
    public void Expiry_AtTheEndOfTheCalendar_IsReadWithTheLargestLeeway(double exp, bool accepted)
    {
        var token = Tokens.Sign(Tokens.JanePayload("\"exp\":" + exp.ToString("R", System.Globalization.CultureInfo.InvariantCulture), exp: null));

        var result = Reader(leeway: TimeSpan.FromMinutes(5)).Read(token);

        result.IsAccepted.Should().Be(accepted);
        if (accepted)
        {
            result.Claims!.ExpiresAt.Should().Be(DateTimeOffset.FromUnixTimeSeconds(253402300799));
            result.Findings.Select(f => f.Code).Should().Equal(TribeSsoFindingCode.LifetimeTooLong);
        }
        else
        {
            result.Rejection!.Code.Should().Be(TribeSsoFindingCode.ClaimInvalid);
            result.Rejection.Message.Should().EndWith(" is outside the years 1 to 9999, not a NumericDate (seconds since 1970 as a JSON number)");
        }
    }

    [TestCase(-62135596800, TribeSsoFindingCode.NotYetValid, false, TestName = "nbf at the first second of year 1 is read")]
    [TestCase(-62135596801, TribeSsoFindingCode.ClaimInvalid, true, TestName = "nbf before year 1 is invalid")]
    public void NotBefore_AtTheStartOfTheCalendar_IsReadWithTheLargestLeeway(long nbf, TribeSsoFindingCode absentOrPresent, bool present)
    {
        var token = Tokens.Sign(Tokens.JanePayload("\"nbf\":" + nbf));

        var result = Reader(leeway: TimeSpan.FromMinutes(5)).Read(token);

        result.IsAccepted.Should().Be(!present);
        result.Findings.Any(f => f.Code == absentOrPresent).Should().Be(present);
    }

    [Test]
    public void IssuedAt_AtTheEndOfTheCalendar_IsAWarning()
    {
        var result = Reader(leeway: TimeSpan.FromMinutes(5)).Read(Tokens.Sign(Tokens.JanePayload(exp: null).Replace("\"iat\":" + TestClock.UnixSeconds, "\"iat\":253402300799", StringComparison.Ordinal)));

        result.IsAccepted.Should().BeTrue();
        result.Findings.Select(f => f.Message).Should().Equal(
            "no exp: valid forever (anyone who sees the link can sign in as this user at any time)",
            "issued 2912442 d in the future: the issuer's clock is ahead");
    }

    [TestCase("\"exp\":null", "exp is null, not a NumericDate (seconds since 1970 as a JSON number)", TestName = "exp null is not 'no expiry'")]
    [TestCase("\"exp\":true", "exp is a boolean, not a NumericDate (seconds since 1970 as a JSON number)", TestName = "exp true")]
    [TestCase("\"exp\":\"1767225660\"", "exp is a string, not a NumericDate (seconds since 1970 as a JSON number)", TestName = "exp as a string")]
    [TestCase("\"exp\":[1767225660]", "exp is an array, not a NumericDate (seconds since 1970 as a JSON number)", TestName = "exp as an array")]
    [TestCase("\"iat\":null,\"exp\":1767225660", "iat is null, not a NumericDate (seconds since 1970 as a JSON number)", TestName = "iat null")]
    [TestCase("\"exp\":1767225660,\"nbf\":false", "nbf is a boolean, not a NumericDate (seconds since 1970 as a JSON number)", TestName = "nbf false")]
    public void NumericDate_ThatIsNotANumber_IsRejected(string members, string message)
    {
        var payload = "{\"sub\":\"42\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\"," + (members.Contains("\"iat\"", StringComparison.Ordinal) ? string.Empty : "\"iat\":1767225600,") + members + "}";

        var result = Reader().Read(Tokens.Sign(payload));

        result.IsAccepted.Should().BeFalse();
        result.Rejection!.Code.Should().Be(TribeSsoFindingCode.ClaimInvalid);
        result.Rejection.Message.Should().Be(message);
    }

    [TestCase("=", TestName = "signature with '=' padding")]
    [TestCase("==", TestName = "signature with '==' padding")]
    [TestCase(" x", TestName = "signature with a space and more")]
    [TestCase("%3D", TestName = "signature with percent-encoded padding")]
    public void Signature_WithPaddingOrWhitespace_IsNotCanonical(string suffix)
    {
        Reader().Read(GoldenVectors.MinimalToken + suffix).Rejection!.Message.Should().Be(NotCanonicalSignature);
    }

    [Test]
    public void Signature_WithASpaceInside_OrStandardBase64_OrStrayBits_IsNotCanonical()
    {
        var (token, signature) = TokenWhoseSignatureHas('-');
        var body = token[..token.LastIndexOf('.')];
        var last = signature[^1];
        var strayBits = signature[..^1] + Alphabet[Alphabet.IndexOf(last, StringComparison.Ordinal) ^ 1];

        Reader().Read(body + "." + signature[..20] + " " + signature[20..]).Rejection!.Message.Should().Be(NotCanonicalSignature);
        Reader().Read(body + "." + signature.Replace('-', '+').Replace('_', '/')).Rejection!.Message.Should().Be(NotCanonicalSignature);
        Reader().Read(body + "." + strayBits).Rejection!.Message.Should().Be(NotCanonicalSignature, "the same 32 bytes, spelled with non-zero padding bits");
        Reader().Read(token).IsAccepted.Should().BeTrue();
    }

    [Test]
    public void LinkWithPlusInTheToken_IsDecodedAsASpace_AndRejected()
    {
        var (token, signature) = TokenWhoseSignatureHas('-');
        var standardBase64 = token[..^signature.Length] + signature.Replace('-', '+');

        var result = Reader().Read("https://community.example.com/auth/sso?jwt=" + standardBase64);

        result.Token.Should().Contain(" ", "a query string reads '+' as a space");
        result.Rejection!.Message.Should().Be(NotCanonicalSignature);
    }

    [TestCase("?jwt={0}&jwt={0}", "the link has 2 jwt parameters (jwt, jwt); servers disagree on which one counts", TestName = "jwt twice")]
    [TestCase("?JWT=x&jwt={0}", "the link has 2 jwt parameters (JWT, jwt); servers disagree on which one counts", TestName = "jwt and JWT, which ASP.NET Core reads as one name")]
    [TestCase("?jwt={0}&Redirect=/a&redirect=/b", "the link has 2 redirect targets (Redirect, redirect); give one, in the parameter your community reads", TestName = "redirect and Redirect")]
    [TestCase("?jwt={0}&redirect=/a&redirect=/b", "the link has 2 redirect targets (redirect, redirect); give one, in the parameter your community reads", TestName = "redirect twice")]
    [TestCase("?jwt={0}&redirect=/a&redirect_uri=/b", "the link has 2 redirect targets (redirect, redirect_uri); give one, in the parameter your community reads", TestName = "redirect with redirect_uri")]
    [TestCase("?redirect_uri=/b&jwt={0}&redirect=/a", "the link has 2 redirect targets (redirect_uri, redirect); give one, in the parameter your community reads", TestName = "redirect_uri before redirect")]
    public void Link_WithARepeatedOrAmbiguousParameter_IsRejected(string query, string message)
    {
        var link = "https://community.example.com/auth/sso" + query.Replace("{0}", GoldenVectors.MinimalToken, StringComparison.Ordinal);

        var result = Reader().Read(link);
        var signIn = new InMemoryTribeCommunity(Key, TestClock.Create()).SignIn(link);

        result.IsAccepted.Should().BeFalse();
        result.Rejection!.Code.Should().Be(TribeSsoFindingCode.LinkAmbiguous);
        result.Rejection.Message.Should().Be(message);
        signIn.Outcome.Should().Be(TribeSsoSignInOutcome.Rejected);
    }

    [TestCase("https://community.example.com/auth/sso#x?jwt={0}", TestName = "jwt after a '?' inside the fragment")]
    [TestCase("https://community.example.com/auth/sso#?jwt={0}", TestName = "the whole query inside the fragment")]
    public void Link_WhoseTokenIsInTheFragment_HasNoToken_BecauseBrowsersNeverSendIt(string link)
    {
        var result = Reader().Read(link.Replace("{0}", GoldenVectors.MinimalToken, StringComparison.Ordinal));

        result.IsAccepted.Should().BeFalse();
        result.Rejection!.Message.Should().Be("not a JWT: the link has no query string, so no jwt parameter");
    }

    [Test]
    public void InvisibleCharactersFromAForeignIssuer_AreAcceptedByTheCommunity_ButFlaggedAsRefusedBySdk()
    {
        var result = Reader().Read(Tokens.Sign(Tokens.JanePayload().Replace("\"42\"", "\"4\\u200B2\"", StringComparison.Ordinal)));

        result.IsAccepted.Should().BeTrue();
        result.User.Should().BeNull();
        result.Findings.Should().ContainSingle().Which.Message.Should().Be(
            "the SDK would refuse to sign this token: Claim 'sub' contains an invisible or direction-changing character (U+200B) at index 1; it makes one value look like another. Remove it.");
    }

    [TestCase(100_000, TestName = "100,000 nested arrays")]
    [TestCase(65, TestName = "65 nested objects")]
    public void DeeplyNestedPayload_IsMalformed(int depth)
    {
        var payload = "{\"a\":" + string.Concat(Enumerable.Repeat(depth % 2 == 0 ? "[" : "{\"b\":", depth)) + "1" + string.Concat(Enumerable.Repeat(depth % 2 == 0 ? "]" : "}", depth)) + "}";

        Reader().Read(Tokens.Sign(payload)).Rejection!.Message.Should().Be("not a JWT: the payload is not JSON (or nests deeper than 64 levels)");
    }

    [Test]
    public void HugeInputs_GiveFindings()
    {
        var megabyte = new string('A', 1 << 20);
        var hugeLink = "https://community.example.com/auth/sso?jwt=" + GoldenVectors.MinimalToken + "&redirect=/" + megabyte;

        Reader().Read(megabyte).Rejection!.Message.Should().Be("not a JWT: 1 segment; a signed JWT has 3 (header.payload.signature)");
        Reader().Read(megabyte + "." + megabyte + "." + megabyte).Rejection!.Message.Should().Be("not a JWT: the header is not JSON (or nests deeper than 64 levels)");
        var link = Reader().Read(hugeLink);
        link.IsAccepted.Should().BeTrue("the token is valid; only the target is unusable");
        link.Findings.Should().ContainSingle().Which.Message.Should().Be("the redirect target is longer than 2048 characters; the SDK refuses to build such a link");
    }

    [Test]
    public void IdnCommunityLink_FromTheIssuer_IsReadBack()
    {
        var options = Issuers.Options();
        options.CommunityUrl = new Uri("https://bücher.example");
        var link = Issuers.AtFixedClock(options).CreateLoginUrl(Issuers.Jane(), "/café");

        var result = Reader().Read(link);

        result.IsAccepted.Should().BeTrue();
        result.RedirectPath.Should().Be("/café");
        link.AbsoluteUri.Should().StartWith("https://xn--bcher-kva.example/auth/sso?jwt=");
    }

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static TribeSsoTokenReader Reader(TimeSpan? leeway = null)
        => new(Key, new TribeSsoTokenReaderOptions { TimeProvider = TestClock.Create(), Leeway = leeway ?? TribeSsoTokenReaderOptions.DefaultLeeway });

    /// <summary>A valid token for Jane whose signature holds <paramref name="c"/>, found by varying an ignored claim.</summary>
    private static (string Token, string Signature) TokenWhoseSignatureHas(char c)
    {
        for (var i = 0; ; i++)
        {
            var token = Tokens.Sign(Tokens.JanePayload("\"n\":" + i));
            var signature = Jwt.Segments(token)[2];
            if (signature[..^1].Contains(c, StringComparison.Ordinal))
            {
                return (token, signature);
            }
        }
    }
}
