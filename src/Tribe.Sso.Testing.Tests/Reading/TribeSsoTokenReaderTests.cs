using System;
using System.Linq;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Testing.Tests.Reading;

public partial class TribeSsoTokenReaderTests
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
    public void Read_UnsafeRedirectInLink_IsFlagged()
    {
        var link = "https://community.example.com/auth/sso?jwt=" + JaneToken() + "&redirect=//evil.example";

        var result = Reader().Read(link);

        result.Findings.Should().ContainSingle(f => f.Code == TribeSsoFindingCode.RedirectUnsafe);
        result.RedirectPath.Should().Be("//evil.example");
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
