using System;
using System.Globalization;
using System.Linq;

namespace Tribe.Sso.Testing.Tests.Reading;

/// <summary>
/// The reader at each edge: the leeway on <c>exp</c>, <c>nbf</c> and <c>iat</c> on both sides, the lifetime limit, the
/// leeway's own bounds, and each finding's code, claim, severity and exact words.
/// </summary>
public partial class ReaderBoundaryTests
{
    private const long Now = TestClock.UnixSeconds;
    private static readonly TribeSsoKey Key = TribeSsoKey.FromString(TestKeys.Primary);

    [TestCase(30, "-30", null)]
    [TestCase(30, "-30.0625", "expired 30 s ago")]
    [TestCase(0, "+0", null)]
    [TestCase(0, "-0.0625", "expired 0 s ago")]
    public void Read_ExpiryAtTheLeewaysEdge_IsAccepted_AndAMomentPastItIsExpired(int leewaySeconds, string expOffset, string? message)
    {
        var result = Read("\"iat\":" + (Now - 60) + ",\"exp\":" + At(expOffset), TimeSpan.FromSeconds(leewaySeconds));

        Describe(result).Should().Equal(message is null ? Array.Empty<string>() : new[] { "Rejected Expired exp: " + message });
    }

    [TestCase(30, "+30", null)]
    [TestCase(30, "+30.0625", "not valid for another 30 s")]
    [TestCase(0, "+0", null)]
    [TestCase(0, "+0.0625", "not valid for another 0 s")]
    public void Read_NotBeforeAtTheLeewaysEdge_IsAccepted_AndAMomentLaterIsNotYetValid(int leewaySeconds, string nbfOffset, string? message)
    {
        var result = Read("\"iat\":" + Now + ",\"exp\":" + (Now + 60) + ",\"nbf\":" + At(nbfOffset), TimeSpan.FromSeconds(leewaySeconds));

        Describe(result).Should().Equal(message is null ? Array.Empty<string>() : new[] { "Rejected NotYetValid nbf: " + message });
    }

    [TestCase(30, "+30", null)]
    [TestCase(30, "+30.0625", "issued 30 s in the future: the issuer's clock is ahead")]
    [TestCase(0, "+0", null)]
    [TestCase(0, "+0.0625", "issued 0 s in the future: the issuer's clock is ahead")]
    public void Read_IssuedAtAtTheLeewaysEdge_IsQuiet_AndAMomentLaterIsAWarning(int leewaySeconds, string iatOffset, string? message)
    {
        var result = Read("\"iat\":" + At(iatOffset) + ",\"exp\":" + (Now + 120), TimeSpan.FromSeconds(leewaySeconds));

        result.IsAccepted.Should().BeTrue();
        Describe(result).Should().Equal(message is null ? Array.Empty<string>() : new[] { "Warning IssuedInFuture iat: " + message });
    }

    [TestCase("+600", null)]
    [TestCase("+600.0625", "lifetime 10 min is over 10 minutes; tokens in URLs leak, keep it short (60 s is the default)")]
    [TestCase("+7200", "lifetime 2 h is over 10 minutes; tokens in URLs leak, keep it short (60 s is the default)")]
    public void Read_LifetimeOfTenMinutes_IsQuiet_AndLongerIsAWarning(string expOffset, string? message)
    {
        var result = Read("\"iat\":" + Now + ",\"exp\":" + At(expOffset));

        result.IsAccepted.Should().BeTrue();
        Describe(result).Should().Equal(message is null ? Array.Empty<string>() : new[] { "Warning LifetimeTooLong exp: " + message });
    }

    [Test]
    public void Read_ExpiryWithoutIssuedAt_HasNoLifetimeToCheck()
        => Describe(Read("\"exp\":" + (Now + 7200))).Should().BeEmpty();

    [Test]
    public void Read_IssuedAtWithoutExpiry_SaysOnlyThatItNeverExpires()
        => Describe(Read("\"iat\":" + (Now - 7200))).Should().Equal("Warning NoExpiry exp: no exp: valid forever (anyone who sees the link can sign in as this user at any time)");

    [Test]
    public void Read_ExpiryThatIsNotANumber_IsInvalid_NotReportedAsAbsent()
        => Describe(Read("\"iat\":" + Now + ",\"exp\":\"tomorrow\"")).Should().Equal(
            "Rejected ClaimInvalid exp: exp is a string, not a NumericDate (seconds since 1970 as a JSON number)");

    [TestCase("\"exp\":1e300", "exp '1e300' is outside the years 1 to 9999, not a NumericDate (seconds since 1970 as a JSON number)")]
    [TestCase("\"nbf\":253402300799.5", "nbf '253402300799.5' is outside the years 1 to 9999, not a NumericDate (seconds since 1970 as a JSON number)")]
    [TestCase("\"iat\":{}", "iat is an object, not a NumericDate (seconds since 1970 as a JSON number)")]
    public void Read_NumericDateOutOfRangeOrOfAnotherType_QuotesTheRawNumber(string member, string message)
    {
        var result = Reader().Read(Tokens.Sign(Payload(member)));

        result.Rejection!.Code.Should().Be(TribeSsoFindingCode.ClaimInvalid);
        result.Rejection.Message.Should().Be(message);
    }

    [Test]
    public void Read_FractionalNumericDates_AreFlooredToTheMillisecond()
    {
        var result = Read("\"iat\":" + Now + ",\"exp\":" + (Now + 60) + ".0005,\"nbf\":-0.0005");

        result.Claims!.ExpiresAt.Should().Be(TestClock.Instant.AddSeconds(60));
        result.Claims.NotBefore.Should().Be(DateTimeOffset.FromUnixTimeMilliseconds(-1));
        result.Findings.Should().BeEmpty();
    }

    [TestCase(0)]
    [TestCase(300)]
    public void Options_LeewayFromZeroToFiveMinutes_IsTaken(int seconds)
    {
        var act = () => new TribeSsoTokenReader(Key, new TribeSsoTokenReaderOptions { Leeway = TimeSpan.FromSeconds(seconds) });

        act.Should().NotThrow();
    }

    [TestCase(-1L)]
    [TestCase(300 * TimeSpan.TicksPerSecond + 1)]
    public void Options_LeewayOutsideZeroToFiveMinutes_IsRefused_SayingTheRange(long ticks)
    {
        var act = () => new TribeSsoTokenReader(Key, new TribeSsoTokenReaderOptions { Leeway = TimeSpan.FromTicks(ticks) });

        var thrown = act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Leeway must be from 0 to 5 minutes; 30 seconds is the default.*").Which;
        thrown.ParamName.Should().Be("options");
        thrown.ActualValue.Should().Be(TimeSpan.FromTicks(ticks));
    }

    [Test]
    public void Options_EmptyTokenParameterName_NamesTheOptionsParameter()
    {
        var act = () => new TribeSsoTokenReader(Key, new TribeSsoTokenReaderOptions { TokenParameterName = string.Empty });

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("options");
    }

    [Test]
    public void Reader_WithoutOptions_ReadsTheJwtParameter()
    {
        var token = Tokens.Sign(Payload("\"iat\":" + Now));

        var result = new TribeSsoTokenReader(Key).Read("https://community.example.com/auth/sso?jwt=" + token + "&redirect=%2Fanswers");

        result.Token.Should().Be(token);
        result.RedirectPath.Should().Be("/answers");
        result.SignatureStatus.Should().Be(TribeSsoSignatureStatus.Valid);
    }

    [Test]
    public void Read_NullInputs_AreRefusedNamingTheParameter()
    {
        var reader = Reader();

        reader.Invoking(r => r.Read((string)null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("tokenOrLink");
        reader.Invoking(r => r.Read((Uri)null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("link");
        reader.Invoking(r => r.Read((TribeSsoLink)null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("link");
    }

    [Test]
    public void Read_TokenWithSurroundingWhitespace_IsTrimmed()
    {
        var token = Tokens.Sign(Payload("\"iat\":" + Now + ",\"exp\":" + (Now + 60)));

        var result = Reader().Read("  " + token + "\n");

        result.Token.Should().Be(token);
        result.IsAccepted.Should().BeTrue();
    }

    [Test]
    public void Read_KeylessHs256Token_WarnsThatTheSignatureWasNotChecked()
    {
        var result = new TribeSsoTokenReader(null, new TribeSsoTokenReaderOptions { TimeProvider = TestClock.Create() }).Read(Tokens.Sign(Payload("\"iat\":" + Now + ",\"exp\":" + (Now + 60))));

        Describe(result).Should().Equal("Warning SignatureNotChecked : signature not checked: no key was given");
        result.SignatureStatus.Should().Be(TribeSsoSignatureStatus.NotChecked);
    }

    [Test]
    public void Read_KeylessNoneToken_HasNoSignatureWarning_OnlyTheAlgorithm()
    {
        var token = Tokens.Segment("{\"alg\":\"NONE\"}") + "." + Tokens.Segment(Payload("\"iat\":" + Now + ",\"exp\":" + (Now + 60))) + ".";

        var result = new TribeSsoTokenReader(null, new TribeSsoTokenReaderOptions { TimeProvider = TestClock.Create() }).Read(token);

        Describe(result).Should().Equal("Rejected AlgorithmNotAllowed alg: alg 'NONE' is not HS256; the community accepts only HS256 (an unsigned token)");
        result.Algorithm.Should().Be("NONE");
    }

    [Test]
    public void Read_Hs256TokenWithANonCanonicalSignature_IsMalformed_AndItsSignatureNotChecked()
    {
        var token = Tokens.Sign(Payload("\"iat\":" + Now + ",\"exp\":" + (Now + 60))) + "=";

        var result = Reader().Read(token);

        Describe(result).Should().Equal("Rejected Malformed : not a JWT: the signature is not canonical base64url (padding, whitespace, '+' or '/' are not accepted)");
        result.SignatureStatus.Should().Be(TribeSsoSignatureStatus.NotChecked);
        result.Algorithm.Should().Be("HS256");
        result.Claims!.Subject.Should().Be("42");
    }

    [Test]
    public void Read_PayloadThatIsAnArray_KeepsTheHeadersFindings_AndHasNoClaims()
    {
        var result = Reader().Read(Tokens.Sign("[1]"));

        Describe(result).Should().Equal("Rejected Malformed : not a JWT: the payload is JSON but not an object");
        result.Claims.Should().BeNull();
        result.User.Should().BeNull();
        result.PayloadJson.Should().Be("[1]");
        result.Algorithm.Should().Be("HS256");
        result.SignatureStatus.Should().Be(TribeSsoSignatureStatus.Valid);
    }

    [TestCase("\"aud\":[\"other\",\"partner-a\"]", "partner-a", "other", new string[0])]
    [TestCase("\"aud\":[]", "partner-a", null, new[] { "Rejected AudienceMismatch aud: no aud, but the community expects 'partner-a'" })]
    [TestCase("\"iss\":\"x\"", "partner-a", null, new[] { "Rejected AudienceMismatch aud: no aud, but the community expects 'partner-a'", "Ignored UnknownClaim iss: claim 'iss' is not a Tribe SSO claim; the community ignores it" })]
    [TestCase("\"aud\":[\"a\",1]", null, null, new[] { "Rejected ClaimInvalid aud: aud is an array, not a string or an array of strings" })]
    [TestCase("\"aud\":5", null, null, new[] { "Rejected ClaimInvalid aud: aud is a number, not a string or an array of strings" })]
    [TestCase("\"aud\":\"anyone\"", null, "anyone", new string[0])]
    public void Read_Audience_IsCheckedAgainstEveryValue(string member, string? expected, string? audience, string[] findings)
    {
        var result = Reader(audience: expected).Read(Tokens.Sign(Payload("\"iat\":" + Now + ",\"exp\":" + (Now + 60) + "," + member)));

        result.Claims!.Audience.Should().Be(audience);
        Describe(result).Should().Equal(findings);
    }

    [TestCase("\"name\":\"   \"", "Rejected ClaimMissing name: name is empty: the community requires sub, name and email and fails without them")]
    [TestCase("\"name\":true", "Rejected ClaimInvalid name: name is a boolean, not a string")]
    [TestCase("\"email\":{}", "Rejected ClaimInvalid email: email is an object, not a string")]
    [TestCase("\"sub\":null", "Rejected ClaimMissing sub: no sub: the community requires sub, name and email and fails without them")]
    [TestCase("\"title\":5", "Ignored ClaimIgnored title: title is a number, not a string; the community ignores it")]
    [TestCase("\"picture\":\"j.png\"", "Ignored PictureNotHttp picture: picture is not an absolute http or https URL; the community stores it without checking and browsers will not show it")]
    [TestCase("\"role\":[]", "Rejected RoleInvalid role: role (an array) is not member, moderator or admin")]
    public void Read_ClaimOfTheWrongShape_IsOneFindingWithItsClaimAndWords(string member, string finding)
    {
        var payload = "{\"sub\":\"42\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\",\"iat\":" + Now + ",\"exp\":" + (Now + 60) + "}";
        var name = member.Substring(1, member.IndexOf('"', 1) - 1);
        var replaced = payload.Contains("\"" + name + "\":", StringComparison.Ordinal)
            ? System.Text.RegularExpressions.Regex.Replace(payload, "\"" + name + "\":\"[^\"]*\"", member)
            : payload.Insert(payload.Length - 1, "," + member);

        Describe(Reader().Read(Tokens.Sign(replaced))).Should().Equal(finding);
    }

    [Test]
    public void Read_NullOptionalClaimsAndRole_AreAbsent_WithoutAFinding()
    {
        var result = Read("\"iat\":" + Now + ",\"exp\":" + (Now + 60) + ",\"title\":null,\"role\":null,\"groupsOperation\":null,\"groups\":null");

        result.Findings.Should().BeEmpty();
        result.Claims!.Title.Should().BeNull();
        result.Claims.Role.Should().BeNull();
        result.Claims.Groups.Should().BeNull();
        result.Claims.GroupsOperation.Should().BeNull();
    }
}
