using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Reading;

public class TribeSsoTokenReaderTests
{
    private static readonly TribeSsoKey Key = TribeSsoKey.FromString(TestKeys.Primary);

    private static TribeSsoTokenReader Reader(TimeProvider? clock = null, string? audience = null) =>
        new(Key, new TribeSsoTokenReaderOptions { TimeProvider = clock ?? TestClock.Create(), ExpectedAudience = audience });

    private static string JaneToken(TribeSsoUserBuilder? builder = null) =>
        Issuers.AtFixedClock().CreateToken((builder ?? TribeSsoUser.Create("42", "Jane Doe", "jane@example.com")).Build());

    [Test]
    public void Read_TokenFromTheSdk_IsAcceptedWithTypedClaims()
    {
        var user = TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").WithRole(TribeRole.Moderator)
            .WithPicture(new Uri("https://cdn.example.com/j.png")).WithLocale("fr-CA").WithBio("<b>Hi</b>")
            .AddToGroups(TribeGroup.Joined("g1", TribeGroupRole.Admin), TribeGroup.FromId("g2")).Build();

        var result = Reader().Read(Issuers.AtFixedClock().CreateToken(user));

        result.IsAccepted.Should().BeTrue();
        result.Findings.Should().BeEmpty();
        result.SignatureStatus.Should().Be(TribeSsoSignatureStatus.Valid);
        result.Algorithm.Should().Be("HS256");
        result.HeaderJson.Should().Be("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        var claims = result.Claims!;
        claims.Subject.Should().Be("42");
        claims.Name.Should().Be("Jane Doe");
        claims.Email.Should().Be("jane@example.com");
        claims.Role.Should().Be(TribeRole.Moderator);
        claims.Picture.Should().Be(new Uri("https://cdn.example.com/j.png"));
        claims.Locale.Should().Be("fr-CA");
        claims.Bio.Should().Be("<b>Hi</b>");
        claims.GroupsOperation.Should().Be(TribeGroupsOperation.Add);
        claims.Groups!.Select(g => (g.GroupId, g.Role, g.Status, g.IsBareId)).Should().Equal(
            ("g1", TribeGroupRole.Admin, TribeGroupStatus.Joined, false), ("g2", TribeGroupRole.Member, TribeGroupStatus.Joined, true));
        claims.IssuedAt.Should().Be(TestClock.Instant);
        claims.ExpiresAt.Should().Be(TestClock.Instant.AddSeconds(60));
        result.User!.Role.Should().Be(TribeRole.Moderator);
        result.User.Groups.Should().Equal(user.Groups);
    }

    [Test]
    public void Read_Link_ReturnsTheTokenAndTheRedirectPath()
    {
        var link = Issuers.AtFixedClock().CreateLoginUrl(Issuers.Jane(), "/search?q=a&tab=new");

        var result = Reader().Read(link);

        result.IsAccepted.Should().BeTrue();
        result.RedirectPath.Should().Be("/search?q=a&tab=new");
        result.Token.Should().Be(Issuers.AtFixedClock().CreateToken(Issuers.Jane()));
    }

    [Test]
    public void Read_BettermodeLinkCopiedFromABrowser_FindsRedirectUri()
    {
        var options = Issuers.Options().UseBettermodeUrlShape();
        var link = Issuers.AtFixedClock(options).CreateLoginUrl(Issuers.Jane(), "/answers");

        Reader().Read("  " + link.AbsoluteUri + "\n").RedirectPath.Should().Be("/answers");
    }

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

    [TestCase(60, true)]
    [TestCase(90, true)]
    [TestCase(91, false)]
    [TestCase(3600, false)]
    public void Read_Expiry_UsesTheThirtySecondLeeway(int secondsLater, bool accepted)
    {
        var clock = TestClock.Create();
        var token = JaneToken();
        clock.Advance(TimeSpan.FromSeconds(secondsLater));

        var result = Reader(clock).Read(token);

        result.IsAccepted.Should().Be(accepted);
        if (!accepted)
        {
            result.Rejection!.Code.Should().Be(TribeSsoFindingCode.Expired);
        }
    }

    [TestCase(0, 74, "expired 14 s ago")]
    [TestCase(0, 61 + 300, "expired 5 min ago")]
    [TestCase(10, 71, "expired 11 s ago")]
    public void Read_Expired_SaysHowLongAgo(int leewaySeconds, int secondsLater, string message)
    {
        var clock = TestClock.Create();
        var token = JaneToken();
        clock.Advance(TimeSpan.FromSeconds(secondsLater));
        var reader = new TribeSsoTokenReader(Key, new TribeSsoTokenReaderOptions { TimeProvider = clock, Leeway = TimeSpan.FromSeconds(leewaySeconds) });

        reader.Read(token).Rejection!.Message.Should().Be(message);
    }

    [Test]
    public void Options_LeewayOutOfRange_Throws()
    {
        var act = () => new TribeSsoTokenReader(Key, new TribeSsoTokenReaderOptions { Leeway = TimeSpan.FromMinutes(6) });

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Leeway must be from 0 to 5 minutes*");
    }

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
    public void Read_NoExp_IsAcceptedButFlaggedAsValidForever()
    {
        var payload = Tokens.PayloadOf(JaneToken());
        payload.Remove("exp");

        var result = Reader().Read(NodeSigned(payload));

        result.IsAccepted.Should().BeTrue();
        result.Findings.Should().ContainSingle().Which.Message.Should().StartWith("no exp: valid forever");
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

    [Test]
    public void Read_NotBeforeInTheFuture_IsRejected()
    {
        var payload = Tokens.PayloadOf(JaneToken());
        payload["nbf"] = TestClock.UnixSeconds + 45;

        Reader().Read(NodeSigned(payload)).Rejection!.Message.Should().Be("not valid for another 45 s");
    }

    [Test]
    public void Read_UnsafeRedirectInLink_IsFlagged()
    {
        var link = "https://community.example.com/auth/sso?jwt=" + JaneToken() + "&redirect=//evil.example";

        var result = Reader().Read(link);

        result.Findings.Should().ContainSingle(f => f.Code == TribeSsoFindingCode.RedirectUnsafe);
        result.RedirectPath.Should().Be("//evil.example");
    }

    [Test]
    public void Read_TokensFromNodeJsonwebtoken_InTheSeedSampleShape_AreAccepted()
    {
        // The shape of Tribe's Node sample: iat and exp from Date, the user's fields, groups as objects, signed with the key string.
        var claims = new JsonObject
        {
            ["iat"] = TestClock.UnixSeconds,
            ["exp"] = TestClock.UnixSeconds + 60,
            ["email"] = "jane@example.com",
            ["sub"] = "42",
            ["name"] = "Jane Doe",
            ["picture"] = "https://cdn.example.com/jane.png",
            ["locale"] = "en",
            ["title"] = "Engineer",
            ["bio"] = "<p>Hello</p>",
            ["groups"] = new JsonArray(new JsonObject { ["group"] = "5f1c0e8b9d3e4a0012345678", ["role"] = "member", ["status"] = "joined" }),
            ["groupsOperation"] = "add",
        };
        var token = NodeInterop.Sign(TestKeys.Primary, claims)[0];

        var result = Reader().Read(token);

        result.IsAccepted.Should().BeTrue(string.Join("; ", result.Findings));
        result.Findings.Should().BeEmpty();
        result.SignatureStatus.Should().Be(TribeSsoSignatureStatus.Valid);
        result.User!.Groups!.Single().Should().Be(TribeGroup.Joined("5f1c0e8b9d3e4a0012345678"));
        result.Claims!.Title.Should().Be("Engineer");
    }

    [Test]
    public void Read_NodeTokenWithAnotherKey_IsRejected()
    {
        var token = NodeInterop.Sign(TestKeys.Other, new JsonObject { ["sub"] = "42", ["name"] = "Jane", ["email"] = "jane@example.com", ["exp"] = TestClock.UnixSeconds + 60 })[0];

        Reader().Read(token).Rejection!.Code.Should().Be(TribeSsoFindingCode.SignatureInvalid);
    }

    private static string SignedWith(string claim, JsonNode? value)
    {
        var payload = Tokens.PayloadOf(JaneToken());
        payload[claim] = value;
        return NodeSigned(payload);
    }

    /// <summary>Signs any payload with the BCL's HMAC, as a non-SDK issuer would (the SDK refuses to produce bad claims).</summary>
    private static string NodeSigned(JsonObject payload)
    {
        var signingInput = Tokens.Segment("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + Tokens.Segment(payload.ToJsonString());
        using var hmac = new System.Security.Cryptography.HMACSHA256(TestKeys.Bytes(TestKeys.Primary));
        return signingInput + "." + Jwt.Base64UrlEncode(hmac.ComputeHash(System.Text.Encoding.ASCII.GetBytes(signingInput)));
    }
}
