using System.Linq;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Reading;

// Claim shapes: what the community rejects, ignores or risks.
public partial class TribeSsoTokenReaderTests
{
    [TestCase("abc", "not a JWT: 1 segment; a signed JWT has 3 (header.payload.signature)")]
    [TestCase("a.b", "not a JWT: 2 segments; a signed JWT has 3 (header.payload.signature)")]
    [TestCase("a.b.c.d", "not a JWT: 4 segments; a signed JWT has 3 (header.payload.signature)")]
    [TestCase("!!!.e30.sig", "not a JWT: the header is not canonical base64url")]
    [TestCase("bm90IGpzb24.e30.sig", "not a JWT: the header is not JSON (or nests deeper than 64 levels)")]
    [TestCase("WzFd.e30.sig", "not a JWT: the header is JSON but not an object")]
    [TestCase("https://community.example.com/auth/sso?redirect=/x", "not a JWT: the link has no jwt query parameter")]
    public void Read_Malformed_IsRejectedWithTheReason(string input, string message)
    {
        var result = Reader().Read(input);

        result.Rejection!.Code.Should().Be(TribeSsoFindingCode.Malformed);
        result.Rejection.Message.Should().Be(message);
    }

    [TestCase("role", "\"owner\"", TribeSsoFindingCode.RoleInvalid, "role 'owner' is not member, moderator or admin")]
    [TestCase("role", "1", TribeSsoFindingCode.RoleInvalid, "role (a number) is not member, moderator or admin")]
    [TestCase("groups", "\"g1\"", TribeSsoFindingCode.GroupsInvalid, "groups is a string, not an array")]
    [TestCase("groups", "[1]", TribeSsoFindingCode.GroupsInvalid, "groups[0] is a number; expected a group id string or {\"group\", \"role\", \"status\"}")]
    [TestCase("groups", "[\"\"]", TribeSsoFindingCode.GroupsInvalid, "groups[0] is an empty string; expected a group id string or {\"group\", \"role\", \"status\"}")]
    [TestCase("groups", "[{\"role\":\"member\"}]", TribeSsoFindingCode.GroupsInvalid, "groups[0] has no \"group\" id string")]
    [TestCase("groups", "[\"g1\",{\"group\":\"g2\",\"role\":\"owner\"}]", TribeSsoFindingCode.GroupsInvalid, "groups[1] has a role that is not \"member\" or \"admin\"")]
    [TestCase("groups", "[{\"group\":\"g2\",\"status\":\"left\"}]", TribeSsoFindingCode.GroupsInvalid, "groups[0] has a status that is not \"joined\" or \"unapproved\"")]
    [TestCase("groupsOperation", "\"remove\"", TribeSsoFindingCode.GroupsOperationInvalid, "groupsOperation 'remove' is not \"add\" (leave it out to replace the user's groups)")]
    [TestCase("sub", "42", TribeSsoFindingCode.ClaimInvalid, "sub is a number, not a string")]
    [TestCase("email", "\"\"", TribeSsoFindingCode.ClaimMissing, "email is empty: the community requires sub, name and email and fails without them")]
    [TestCase("exp", "\"tomorrow\"", TribeSsoFindingCode.ClaimInvalid, "exp is a string, not a NumericDate (seconds since 1970 as a JSON number)")]
    public void Read_BadClaimShapes_AreRejected(string claim, string json, TribeSsoFindingCode code, string message)
    {
        var result = Reader().Read(SignedWith(claim, JsonNode.Parse(json)));

        result.Rejection!.Code.Should().Be(code);
        result.Rejection.Claim.Should().Be(claim);
        result.Rejection.Message.Should().Be(message);
    }

    [TestCase("sub")]
    [TestCase("name")]
    [TestCase("email")]
    public void Read_MissingRequiredClaim_IsRejected(string claim)
    {
        var payload = Tokens.PayloadOf(JaneToken());
        payload.Remove(claim);

        var result = Reader().Read(NodeSigned(payload));

        result.Rejection!.Code.Should().Be(TribeSsoFindingCode.ClaimMissing);
        result.Rejection.Message.Should().Be("no " + claim + ": the community requires sub, name and email and fails without them");
        result.User.Should().BeNull();
    }

    [Test]
    public void Read_WhatTheCommunityIgnoresOrRisks_IsReportedButAccepted()
    {
        var payload = Tokens.PayloadOf(JaneToken());
        payload["picture"] = "ftp://cdn.example.com/j.png";
        payload["favourite_colour"] = "blue";
        payload["exp"] = TestClock.UnixSeconds + 3600;

        var result = Reader().Read(NodeSigned(payload));

        result.IsAccepted.Should().BeTrue();
        result.Findings.Select(f => (f.Code, f.Severity, f.Message)).Should().BeEquivalentTo(new[]
        {
            (TribeSsoFindingCode.PictureNotHttp, TribeSsoFindingSeverity.Ignored, "picture is not an absolute http or https URL; the community stores it without checking and browsers will not show it"),
            (TribeSsoFindingCode.UnknownClaim, TribeSsoFindingSeverity.Ignored, "claim 'favourite_colour' is not a Tribe SSO claim; the community ignores it"),
            (TribeSsoFindingCode.LifetimeTooLong, TribeSsoFindingSeverity.Warning, "lifetime 60 min is over 10 minutes; tokens in URLs leak, keep it short (60 s is the default)"),
        });
    }

    [Test]
    public void Read_EmptyGroupsWithoutAdd_WarnsThatEveryGroupIsRemoved()
    {
        var token = Issuers.AtFixedClock().CreateToken(TribeSsoUser.Create("42", "Jane", "jane@example.com").RemoveFromAllGroups().Build());

        var result = Reader().Read(token);

        result.IsAccepted.Should().BeTrue();
        result.Findings.Should().ContainSingle(f => f.Code == TribeSsoFindingCode.GroupsRemoveAll && f.Severity == TribeSsoFindingSeverity.Warning);
        result.User!.Groups.Should().BeEmpty();
    }

    [Test]
    public void Read_ValueTheSdkWouldRefuse_IsAWarningAndNoUser()
    {
        var payload = Tokens.PayloadOf(JaneToken());
        payload["email"] = "Jane <jane@example.com>";

        var result = Reader().Read(NodeSigned(payload));

        result.IsAccepted.Should().BeTrue();
        result.User.Should().BeNull();
        result.Findings.Should().ContainSingle(f => f.Code == TribeSsoFindingCode.RefusedBySdk && f.Claim == "email" && f.Severity == TribeSsoFindingSeverity.Warning);
    }

    [Test]
    public void Read_ExpectedAudience_IsEnforced()
    {
        var options = Issuers.Options();
        options.Audience = "partner-a";
        var token = Issuers.AtFixedClock(options).CreateToken(Issuers.Jane());

        Reader(audience: "partner-a").Read(token).IsAccepted.Should().BeTrue();
        Reader(audience: "partner-b").Read(token).Rejection!.Message.Should().Be("aud 'partner-a' is not the expected 'partner-b'");
        Reader(audience: "partner-b").Read(JaneToken()).Rejection!.Code.Should().Be(TribeSsoFindingCode.AudienceMismatch);
    }
}
