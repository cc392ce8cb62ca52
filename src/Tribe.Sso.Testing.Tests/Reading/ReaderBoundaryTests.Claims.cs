using System;
using System.Globalization;
using System.Linq;

namespace Tribe.Sso.Testing.Tests.Reading;

/// <content>Claims, groups, links, and how findings are written and ordered.</content>
public partial class ReaderBoundaryTests
{
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

    [TestCase("ht tp://community.example.com/auth/sso?jwt=a.b.c")]
    [TestCase("://community.example.com/auth/sso?jwt=a.b.c")]
    public void Read_LinkThatIsNotAnAbsoluteUrl_IsMalformed(string link)
    {
        var result = Reader().Read(link);

        Describe(result).Should().Equal("Rejected Malformed : not a JWT: the link is not a valid absolute URL");
        result.Token.Should().BeEmpty("a text with :// is read as a link, never as a bare token");
    }

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
