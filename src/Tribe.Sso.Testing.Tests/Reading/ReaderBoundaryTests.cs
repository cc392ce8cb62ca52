using System;
using System.Globalization;
using System.Linq;

namespace Tribe.Sso.Testing.Tests.Reading;

/// <summary>
/// The reader at each edge: the leeway on <c>exp</c>, <c>nbf</c> and <c>iat</c> on both sides, the lifetime limit, the
/// leeway's own bounds, and each finding's code, claim, severity and exact words.
/// </summary>
public class ReaderBoundaryTests
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

    [Test]
    public void Read_TextClaims_AreEachReadIntoTheirOwnProperty()
    {
        var claims = Read("\"iat\":" + Now + ",\"exp\":" + (Now + 60) + ",\"source\":\"s\",\"title\":\"t\",\"bio\":\"b\",\"locale\":\"fr\",\"tagline\":\"g\"").Claims!;

        (claims.Source, claims.Title, claims.Bio, claims.Locale, claims.Tagline).Should().Be(("s", "t", "b", "fr", "g"));
    }

    [Test]
    public void Read_UnknownClaims_AreListedInTheOrderWritten()
    {
        var result = Read("\"iat\":" + Now + ",\"exp\":" + (Now + 60) + ",\"zz\":1,\"aa\":2");

        result.Claims!.UnknownClaims.Should().Equal("zz", "aa");
        Describe(result).Should().Equal(
            "Ignored UnknownClaim zz: claim 'zz' is not a Tribe SSO claim; the community ignores it",
            "Ignored UnknownClaim aa: claim 'aa' is not a Tribe SSO claim; the community ignores it");
    }

    [TestCase("https://cdn.example.com/j.png", "https://cdn.example.com/j.png", "https://cdn.example.com/j.png")]
    [TestCase("http://cdn.example.com/j.png", "http://cdn.example.com/j.png", "http://cdn.example.com/j.png")]
    [TestCase("ftp://cdn.example.com/j.png", "ftp://cdn.example.com/j.png", null)]
    [TestCase("j.png", null, null)]
    public void Read_Picture_IsKeptAsWritten_ButTheSdkUserGetsOnlyAnHttpOne(string picture, string? claim, string? user)
    {
        var result = Read("\"iat\":" + Now + ",\"exp\":" + (Now + 60) + ",\"picture\":\"" + picture + "\"");

        (result.Claims!.Picture?.OriginalString).Should().Be(claim);
        result.User.Should().NotBeNull("a picture the SDK would not write is dropped, not a refusal");
        (result.User!.Profile.Picture?.OriginalString).Should().Be(user);
    }

    [Test]
    public void Read_GroupEntries_BecomeTheSdkUsersGroups_WithTheirRolesAndStatuses()
    {
        var result = Read("\"iat\":" + Now + ",\"exp\":" + (Now + 60) + ",\"groupsOperation\":\"add\",\"groups\":[{\"group\":\"g1\",\"role\":\"admin\",\"status\":\"unapproved\"},\"g2\"]");

        result.Findings.Should().BeEmpty();
        result.Claims!.Groups!.Select(g => (g.GroupId, g.Role, g.Status, g.IsBareId)).Should().Equal(
            ("g1", TribeGroupRole.Admin, TribeGroupStatus.Unapproved, false), ("g2", TribeGroupRole.Member, TribeGroupStatus.Joined, true));
        result.User!.Groups.Should().Equal(TribeGroup.Unapproved("g1", TribeGroupRole.Admin), TribeGroup.FromId("g2"));
        result.User.GroupsOperation.Should().Be(TribeGroupsOperation.Add);
    }

    [Test]
    public void Read_MissingSubject_GivesNoUser_AndNoSdkWarning()
    {
        var result = Reader().Read(Tokens.Sign("{\"name\":\"Jane Doe\",\"email\":\"jane@example.com\",\"iat\":" + Now + ",\"exp\":" + (Now + 60) + "}"));

        result.User.Should().BeNull();
        Describe(result).Should().Equal("Rejected ClaimMissing sub: no sub: the community requires sub, name and email and fails without them");
    }

    [TestCase("\"groupsOperation\":\"add\"", new[] { "Ignored GroupsOperationIgnored groupsOperation: groupsOperation without groups; the community ignores it" })]
    [TestCase("\"groupsOperation\":\"remove\"", new[] { "Rejected GroupsOperationInvalid groupsOperation: groupsOperation 'remove' is not \"add\" (leave it out to replace the user's groups)", "Ignored GroupsOperationIgnored groupsOperation: groupsOperation without groups; the community ignores it" })]
    [TestCase("\"groupsOperation\":5,\"groups\":[\"g\"]", new[] { "Rejected GroupsOperationInvalid groupsOperation: groupsOperation (a number) is not \"add\" (leave it out to replace the user's groups)" })]
    [TestCase("\"groups\":[],\"groupsOperation\":\"add\"", new[] { "Warning RefusedBySdk groups: the SDK would refuse to sign this token: Claim 'groups' would add no group. Pass at least one group, or leave the call out." })]
    [TestCase("\"groups\":[]", new[] { "Warning GroupsRemoveAll groups: groups is empty without groupsOperation \"add\": the community removes the user from every group" })]
    [TestCase("\"groups\":{}", new[] { "Rejected GroupsInvalid groups: groups is an object, not an array" })]
    [TestCase("\"groups\":[\"g1\",{\"group\":\"\"}]", new[] { "Rejected GroupsInvalid groups: groups[1] has no \"group\" id string" })]
    [TestCase("\"groups\":[{\"group\":5}]", new[] { "Rejected GroupsInvalid groups: groups[0] has no \"group\" id string" })]
    [TestCase("\"groups\":[{\"group\":\"g\",\"role\":null}]", new[] { "Rejected GroupsInvalid groups: groups[0] has a role that is not \"member\" or \"admin\"" })]
    [TestCase("\"groups\":[{\"group\":\"g\",\"status\":5}]", new[] { "Rejected GroupsInvalid groups: groups[0] has a status that is not \"joined\" or \"unapproved\"" })]
    [TestCase("\"groups\":[null]", new[] { "Rejected GroupsInvalid groups: groups[0] is null; expected a group id string or {\"group\", \"role\", \"status\"}" })]
    [TestCase("\"groups\":[\"g\",true]", new[] { "Rejected GroupsInvalid groups: groups[1] is a boolean; expected a group id string or {\"group\", \"role\", \"status\"}" })]
    [TestCase("\"groups\":[[]]", new[] { "Rejected GroupsInvalid groups: groups[0] is an array; expected a group id string or {\"group\", \"role\", \"status\"}" })]
    public void Read_GroupsAndTheirOperation_GiveExactlyTheseFindings(string members, string[] findings)
        => Describe(Read("\"iat\":" + Now + ",\"exp\":" + (Now + 60) + "," + members)).Should().Equal(findings);

    [TestCase("\"groups\":[\"g\"]", TribeGroupsOperation.Replace)]
    [TestCase("\"groups\":[\"g\"],\"groupsOperation\":\"add\"", TribeGroupsOperation.Add)]
    [TestCase("\"groups\":[\"g\"],\"groupsOperation\":\"ADD\"", TribeGroupsOperation.Replace)]
    public void Read_GroupsOperation_IsAddOnlyForTheExactWordAdd(string members, TribeGroupsOperation operation)
        => Read("\"iat\":" + Now + ",\"exp\":" + (Now + 60) + "," + members).Claims!.GroupsOperation.Should().Be(operation);

    [Test]
    public void Read_LinkThatIsNotAnAbsoluteUrl_IsMalformed()
        => Describe(Reader().Read("ht tp://community.example.com/auth/sso?jwt=a.b.c")).Should().Equal("Rejected Malformed : not a JWT: the link is not a valid absolute URL");

    [Test]
    public void Read_LinkWithTheTokenOnlyUnderAnotherCase_HasNoToken()
    {
        var token = Tokens.Sign(Payload("\"iat\":" + Now + ",\"exp\":" + (Now + 60)));

        var result = Reader().Read("https://community.example.com/auth/sso?JWT=" + token);

        result.Token.Should().BeEmpty();
        Describe(result).Should().Equal("Rejected Malformed : not a JWT: the link has no jwt query parameter");
    }

    [TestCase("&redirect_uri=%2Fx", "/x")]
    [TestCase("&redirect=%2Fy", "/y")]
    [TestCase("&REDIRECT=%2Fx", null)]
    public void Read_RedirectTarget_IsTakenFromTheExactNamesOnly(string query, string? redirect)
    {
        var token = Tokens.Sign(Payload("\"iat\":" + Now + ",\"exp\":" + (Now + 60)));

        var result = Reader().Read("https://community.example.com/auth/sso?jwt=" + token + query);

        result.RedirectPath.Should().Be(redirect);
        result.IsAccepted.Should().BeTrue();
    }

    [Test]
    public void Read_RedirectTargetThatIsNotAPath_IsAWarningSayingWhy()
    {
        var token = Tokens.Sign(Payload("\"iat\":" + Now + ",\"exp\":" + (Now + 60)));

        var result = Reader().Read("https://community.example.com/auth/sso?jwt=" + token + "&redirect=answers");

        Describe(result).Should().Equal("Warning RedirectUnsafe : the redirect target does not start with '/'; only a path on the community is accepted, such as /answers; the SDK refuses to build such a link");
    }

    [TestCase(0L, "0 s")]
    [TestCase(119L, "119 s")]
    [TestCase(120L, "2 min")]
    [TestCase(7199L, "119 min")]
    [TestCase(7200L, "2 h")]
    [TestCase(172799L, "47 h")]
    [TestCase(172800L, "2 d")]
    [TestCase(-125L, "2 min")]
    public void Duration_AtEachUnitsEdge_IsWrittenInThatUnit(long seconds, string text)
        => Testing.Describe.Duration(TimeSpan.FromSeconds(seconds)).Should().Be(text);

    [Test]
    public void Duration_OfAFractionOfASecond_IsRoundedDown()
        => Testing.Describe.Duration(TimeSpan.FromMilliseconds(119_999)).Should().Be("119 s");

    [TestCase(64, false)]
    [TestCase(65, true)]
    public void Quote_KeepsSixtyFourCharacters_AndCutsLongerValues(int length, bool cut)
    {
        var value = new string('a', length);

        FindingsCollector.Quote(value).Should().Be(cut ? "'" + new string('a', 64) + "…'" : "'" + value + "'");
    }

    [Test]
    public void Quote_NeverSplitsASurrogatePair()
        => FindingsCollector.Quote(new string('a', 63) + "😀b").Should().Be("'" + new string('a', 63) + "…'");

    [TestCase(TribeSsoFindingCode.Malformed, TribeSsoFindingSeverity.Rejected)]
    [TestCase(TribeSsoFindingCode.AlgorithmMissing, TribeSsoFindingSeverity.Rejected)]
    [TestCase(TribeSsoFindingCode.AlgorithmNotAllowed, TribeSsoFindingSeverity.Rejected)]
    [TestCase(TribeSsoFindingCode.SignatureInvalid, TribeSsoFindingSeverity.Rejected)]
    [TestCase(TribeSsoFindingCode.SignatureNotChecked, TribeSsoFindingSeverity.Warning)]
    [TestCase(TribeSsoFindingCode.Expired, TribeSsoFindingSeverity.Rejected)]
    [TestCase(TribeSsoFindingCode.NotYetValid, TribeSsoFindingSeverity.Rejected)]
    [TestCase(TribeSsoFindingCode.IssuedInFuture, TribeSsoFindingSeverity.Warning)]
    [TestCase(TribeSsoFindingCode.NoExpiry, TribeSsoFindingSeverity.Warning)]
    [TestCase(TribeSsoFindingCode.LifetimeTooLong, TribeSsoFindingSeverity.Warning)]
    [TestCase(TribeSsoFindingCode.ClaimMissing, TribeSsoFindingSeverity.Rejected)]
    [TestCase(TribeSsoFindingCode.ClaimInvalid, TribeSsoFindingSeverity.Rejected)]
    [TestCase(TribeSsoFindingCode.RoleInvalid, TribeSsoFindingSeverity.Rejected)]
    [TestCase(TribeSsoFindingCode.GroupsInvalid, TribeSsoFindingSeverity.Rejected)]
    [TestCase(TribeSsoFindingCode.GroupsOperationInvalid, TribeSsoFindingSeverity.Rejected)]
    [TestCase(TribeSsoFindingCode.AudienceMismatch, TribeSsoFindingSeverity.Rejected)]
    [TestCase(TribeSsoFindingCode.UnknownClaim, TribeSsoFindingSeverity.Ignored)]
    [TestCase(TribeSsoFindingCode.PictureNotHttp, TribeSsoFindingSeverity.Ignored)]
    [TestCase(TribeSsoFindingCode.RedirectUnsafe, TribeSsoFindingSeverity.Warning)]
    [TestCase(TribeSsoFindingCode.ClaimIgnored, TribeSsoFindingSeverity.Ignored)]
    [TestCase(TribeSsoFindingCode.GroupsOperationIgnored, TribeSsoFindingSeverity.Ignored)]
    [TestCase(TribeSsoFindingCode.GroupsRemoveAll, TribeSsoFindingSeverity.Warning)]
    [TestCase(TribeSsoFindingCode.RefusedBySdk, TribeSsoFindingSeverity.Warning)]
    [TestCase(TribeSsoFindingCode.LinkAmbiguous, TribeSsoFindingSeverity.Rejected)]
    public void SeverityOf_EachCode_IsFixed(TribeSsoFindingCode code, TribeSsoFindingSeverity severity)
        => FindingsCollector.SeverityOf(code).Should().Be(severity);

    [Test]
    public void Findings_AreListedMostSeriousFirst_KeepingTheirOrderWithinASeverity()
    {
        var findings = new FindingsCollector();
        findings.Add(TribeSsoFindingCode.NoExpiry, "exp", "w1");
        findings.Add(TribeSsoFindingCode.UnknownClaim, "x", "i1");
        findings.Add(TribeSsoFindingCode.Expired, "exp", "r1");
        findings.Add(TribeSsoFindingCode.LifetimeTooLong, "exp", "w2");
        findings.Add(TribeSsoFindingCode.Malformed, null, "r2");

        findings.ToList().Select(f => f.Message).Should().Equal("r1", "r2", "i1", "w1", "w2");
        findings.ToString().Should().Be(string.Join(Environment.NewLine, "Warning NoExpiry: w1", "Ignored UnknownClaim: i1", "Rejected Expired: r1", "Warning LifetimeTooLong: w2", "Rejected Malformed: r2"));
    }

    [Test]
    public void HasRejection_IsTrueOnlyWithARejectedFinding()
    {
        var findings = new FindingsCollector();
        findings.Add(TribeSsoFindingCode.NoExpiry, "exp", "w");
        findings.Add(TribeSsoFindingCode.UnknownClaim, "x", "i");
        var quiet = findings.HasRejection;

        findings.Malformed("why");

        quiet.Should().BeFalse();
        findings.HasRejection.Should().BeTrue();
        findings.ToList()[0].Message.Should().Be("not a JWT: why");
    }

    [TestCase("", new byte[0])]
    [TestCase("AA", new byte[] { 0 })]
    [TestCase("AAAAAA", new byte[] { 0, 0, 0, 0 })]
    [TestCase("AZaz", new byte[] { 0x01, 0x96, 0xB3 })]
    [TestCase("09-_", new byte[] { 0xD3, 0xDF, 0xBF })]
    public void TryDecode_CanonicalBase64Url_GivesItsBytes(string segment, byte[] bytes)
        => CompactToken.TryDecode(segment).Should().Equal(bytes);

    [TestCase("A")]
    [TestCase("AAAAA")]
    [TestCase("AB")]
    [TestCase("@AAA")]
    [TestCase("[AAA")]
    [TestCase("`AAA")]
    [TestCase("{AAA")]
    [TestCase("/AAA")]
    [TestCase(":AAA")]
    [TestCase("+AAA")]
    [TestCase("AA==")]
    public void TryDecode_AnythingElse_IsNull(string segment)
        => CompactToken.TryDecode(segment).Should().BeNull();

    [Test]
    public void Finding_ToString_IsSeverityCodeAndMessage()
        => new TribeSsoFinding(TribeSsoFindingCode.Expired, "exp", "expired 14 s ago").ToString().Should().Be("Rejected Expired: expired 14 s ago");

    private static TribeSsoTokenReader Reader(TimeSpan? leeway = null, string? audience = null)
        => new(Key, new TribeSsoTokenReaderOptions { TimeProvider = TestClock.Create(), Leeway = leeway ?? TribeSsoTokenReaderOptions.DefaultLeeway, ExpectedAudience = audience });

    private static string Payload(string members) => "{\"sub\":\"42\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\"," + members + "}";

    private static TribeSsoReadResult Read(string members, TimeSpan? leeway = null) => Reader(leeway).Read(Tokens.Sign(Payload(members)));

    /// <summary>The fixed clock plus an offset such as <c>-30.0625</c> (a fraction a double holds exactly), as JSON number text.</summary>
    private static string At(string offset)
    {
        var value = decimal.Parse(offset, NumberStyles.Float, CultureInfo.InvariantCulture);
        return (Now + value).ToString(CultureInfo.InvariantCulture);
    }

    private static string[] Describe(TribeSsoReadResult result) => result.Findings.Select(f => f.Severity + " " + f.Code + " " + f.Claim + ": " + f.Message).ToArray();
}
