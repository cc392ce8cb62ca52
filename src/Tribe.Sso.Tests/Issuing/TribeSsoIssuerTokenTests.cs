using System;
using System.Linq;
using System.Threading.Tasks;

namespace Tribe.Sso.Tests.Issuing;

public class TribeSsoIssuerTokenTests
{
    [Test]
    public void CreateToken_MinimalUser_WritesExactlyTheRequiredClaimsThenIatAndExp()
    {
        var token = Issuers.AtFixedClock().CreateToken(Issuers.Jane());

        Jwt.HeaderJson(token).Should().Be("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        Jwt.PayloadJson(token).Should().Be("{\"sub\":\"42\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\",\"iat\":1767225600,\"exp\":1767225660}");
    }

    [Test]
    public void CreateToken_FullUser_WritesEveryClaimInTheDocumentedOrder()
    {
        var options = Issuers.AdminAllowed();
        options.Audience = "community";

        var token = Issuers.AtFixedClock(options).CreateToken(Issuers.FullUser());

        Jwt.PayloadJson(token).Should().Be(
            "{\"sub\":\"user-7\",\"name\":\"Zoë O'Brien\",\"email\":\"zoe.obrien+sso@example.co.uk\",\"aud\":\"community\"," +
            "\"role\":\"admin\",\"picture\":\"https://cdn.example.com/u/7.png\",\"source\":\"newsletter\"," +
            "\"title\":\"Head of \\\"Support\\\"\",\"bio\":\"<b>Hi</b> I'm Zoë.\\nBackslash: \\\\\"," +
            "\"locale\":\"fr-CA\",\"tagline\":\"Ask me anything\"," +
            "\"groups\":[\"g1\",{\"group\":\"g2\",\"role\":\"admin\",\"status\":\"joined\"},{\"group\":\"g3\",\"role\":\"member\",\"status\":\"unapproved\"}]," +
            "\"iat\":1767225600,\"exp\":1767225660}");
    }

    [Test]
    public void CreateToken_GoldenVectors_AreStable()
    {
        var options = Issuers.AdminAllowed();
        options.Audience = "community";

        Issuers.AtFixedClock().CreateToken(Issuers.Jane()).Should().Be(GoldenVectors.MinimalToken);
        Issuers.AtFixedClock(options).CreateToken(Issuers.FullUser()).Should().Be(GoldenVectors.FullToken);
    }

    [Test]
    public async Task CreateToken_GoldenVectors_VerifyWithJsonWebTokenHandler()
    {
        foreach (var token in new[] { GoldenVectors.MinimalToken, GoldenVectors.FullToken })
        {
            var result = await IndependentVerifier.ValidateAsync(token, TestKeys.Primary, validateLifetime: false);
            result.IsValid.Should().BeTrue(result.Exception?.Message);
        }
    }

    [Test]
    public void CreateToken_AddToGroups_WritesGroupsOperationAdd()
    {
        var user = TribeSsoUser.Create("42", "Jane Doe", "jane@example.com")
            .AddToGroups(TribeGroup.Joined("g1"))
            .AddToGroups(TribeGroup.FromId("g2"))
            .Build();

        Jwt.PayloadJson(Issuers.AtFixedClock().CreateToken(user)).Should().Contain(
            "\"groups\":[{\"group\":\"g1\",\"role\":\"member\",\"status\":\"joined\"},\"g2\"],\"groupsOperation\":\"add\",\"iat\"");
    }

    [Test]
    public void CreateToken_RemoveFromAllGroups_WritesAnEmptyReplaceList()
    {
        var user = TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").RemoveFromAllGroups().Build();

        var payload = Jwt.PayloadJson(Issuers.AtFixedClock().CreateToken(user));

        payload.Should().Contain("\"groups\":[],\"iat\"").And.NotContain("groupsOperation");
    }

    [Test]
    public void CreateToken_InjectionAttempts_StayInsideTheirClaim()
    {
        var user = TribeSsoUser.Create("42\",\"role\":\"admin", "\",\"role\":\"admin", "jane@example.com").Build();

        var payload = Jwt.Payload(Issuers.AtFixedClock().CreateToken(user));

        payload.GetProperty("name").GetString().Should().Be("\",\"role\":\"admin");
        payload.GetProperty("sub").GetString().Should().Be("42\",\"role\":\"admin");
        payload.TryGetProperty("role", out _).Should().BeFalse();
    }

    [Test]
    public void CreateToken_EmailIsSentExactlyAsGiven()
    {
        var user = TribeSsoUser.Create("42", "Jane", "Jane.Doe@Example.COM").Build();

        Jwt.Payload(Issuers.AtFixedClock().CreateToken(user)).GetProperty("email").GetString().Should().Be("Jane.Doe@Example.COM");
    }

    [Test]
    public void CreateToken_AlwaysHasThreeSegmentsAndA43CharacterSignature()
    {
        var token = Issuers.AtFixedClock().CreateToken(Issuers.Jane());

        var segments = Jwt.Segments(token);
        segments.Should().HaveCount(3);
        segments[2].Should().HaveLength(43);
        token.Should().MatchRegex("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{43}$");
    }

    [TestCase(1)]
    [TestCase(60)]
    [TestCase(600)]
    public void CreateToken_ExpIsIatPlusTheConfiguredLifetime(int seconds)
    {
        var options = Issuers.Options();
        options.TokenLifetime = TimeSpan.FromSeconds(seconds);

        var payload = Jwt.Payload(Issuers.AtFixedClock(options).CreateToken(Issuers.Jane()));

        payload.GetProperty("iat").GetInt64().Should().Be(TestClock.UnixSeconds);
        payload.GetProperty("exp").GetInt64().Should().Be(TestClock.UnixSeconds + seconds);
    }

    [Test]
    public void CreateToken_ReadsTheClockEachTime_AndTruncatesToWholeSeconds()
    {
        var clock = TestClock.Create();
        var issuer = Issuers.WithClock(clock);
        clock.Advance(TimeSpan.FromMilliseconds(1999));

        var payload = Jwt.Payload(issuer.CreateToken(Issuers.Jane()));

        payload.GetProperty("iat").GetInt64().Should().Be(TestClock.UnixSeconds + 1);
    }

    [Test]
    public void CreateToken_SameUserAndClock_GivesByteIdenticalTokens()
    {
        var issuer = Issuers.AtFixedClock(Issuers.AdminAllowed());

        Enumerable.Range(0, 5).Select(_ => issuer.CreateToken(Issuers.FullUser())).Distinct().Should().HaveCount(1);
    }

    [Test]
    public void CreateToken_NullUser_Throws()
    {
        var act = () => Issuers.AtFixedClock().CreateToken(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("user");
    }

    [Test]
    public void Issuer_ToString_NeverShowsTheKey()
    {
        Issuers.AtFixedClock().ToString().Should().Be("TribeSsoIssuer { CommunityUrl = https://community.example.com/, SsoPath = /auth/sso, TokenLifetime = 00:01:00 }");
    }
}
