using System;
using System.Linq;

namespace Tribe.Sso.Tests.Issuing;

/// <summary>
/// docs/protocol.md#characters-and-sizes: per-claim limits, and a token or link over 8,000 bytes refused with a message
/// that names the largest parts, never their values.
/// </summary>
public class SizeLimitTests
{
    private const string Shorten = " are accepted, so that the link stays under 8,000 bytes. Shorten it.";

    public static TestCaseData[] OverLimitCases() => new[]
    {
        Case("name", () => TribeSsoUser.Create("42", new string('n', 256), "jane@example.com"), "Claim 'name' is 256 characters long; at most 255" + Shorten),
        Case("title", () => Jane().WithTitle(new string('t', 256)), "Claim 'title' is 256 characters long; at most 255" + Shorten),
        Case("tagline", () => Jane().WithTagline(new string('t', 256)), "Claim 'tagline' is 256 characters long; at most 255" + Shorten),
        Case("source", () => Jane().WithSource(new string('s', 256)), "Claim 'source' is 256 characters long; at most 255" + Shorten),
        Case("bio", () => Jane().WithBio(new string('b', 4001)), "Claim 'bio' is 4001 characters long; at most 4000" + Shorten),
        Case("bio", () => Jane().WithBio(new string('b', 1_000_000)), "Claim 'bio' is 1000000 characters long; at most 4000" + Shorten),
        Case("name", () => TribeSsoUser.Create("42", new string('n', 1_000_000), "jane@example.com"), "Claim 'name' is 1000000 characters long; at most 255" + Shorten),
        Case("picture", () => Jane().WithPicture(new Uri("https://cdn.example.com/" + new string('p', 2025))), "Claim 'picture' is 2049 characters long; at most 2048" + Shorten),
        Case("groups", () => Jane().ReplaceGroups(Groups(101)), "Claim 'groups' would have 101 entries; at most 100 are accepted, because the whole link must stay under 8,000 bytes. Send the groups that changed, with AddToGroups."),
        Case("groups", () => Jane().AddToGroups(Groups(60)).AddToGroups(Groups(41, from: 60)), "Claim 'groups' would have 101 entries; at most 100 are accepted, because the whole link must stay under 8,000 bytes. Send the groups that changed, with AddToGroups."),
    };

    [TestCaseSource(nameof(OverLimitCases))]
    public void Claim_OverItsLimit_IsRefusedWithTheExactMessage(string claim, Func<object> act, string message)
    {
        var exception = act.Should().Throw<TribeSsoClaimException>().Which;

        exception.ClaimName.Should().Be(claim);
        exception.Message.Should().Be(message);
    }

    [Test]
    public void Claims_AtTheirLimits_AreAccepted()
    {
        var user = TribeSsoUser.Create(new string('1', 255), new string('n', 255), "jane@example.com")
            .WithTitle(new string('t', 255))
            .WithTagline(new string('g', 255))
            .WithSource(new string('s', 255))
            .WithBio(new string('b', 4000))
            .Build();

        var token = Issuers.AtFixedClock().CreateToken(user);

        Jwt.Payload(token).GetProperty("bio").GetString().Should().HaveLength(4000);
        token.Length.Should().BeLessThanOrEqualTo(8000);
        Jane().ReplaceGroups(Groups(100)).Build().Groups.Should().HaveCount(100);
    }

    [Test]
    public void CreateToken_Over8000Bytes_NamesTheLargestClaims_WithoutTheirValues()
    {
        var bio = string.Concat(Enumerable.Repeat("漢字", 2000));
        var user = Jane().WithTitle("Head of Support").WithBio(bio).Build();

        var exception = Issuers.AtFixedClock().Invoking(i => i.CreateToken(user)).Should().Throw<TribeSsoClaimException>().Which;

        exception.ClaimName.Should().Be("bio");
        exception.Message.Should().Be("Claim 'bio' makes the token 16,249 bytes long; servers and proxies commonly refuse more than 8,000. The largest parts are claim 'bio' (about 16,012 bytes), claim 'email' (about 36 bytes) and claim 'title' (about 35 bytes). Shorten them; docs/protocol.md#characters-and-sizes lists the limits.");
        exception.Message.Should().NotContain("漢字").And.NotContain("Head of Support").And.NotContain("jane@example.com");
    }

    [Test]
    public void CreateLoginUrl_Over8000Bytes_BecauseOfTheClaims_IsAClaimException()
    {
        var user = Jane().WithBio(new string('b', 4000)).AddToGroups(Groups(40)).Build();

        var act = () => Issuers.AtFixedClock().CreateLoginUrl(user, "/answers");

        var exception = act.Should().Throw<TribeSsoClaimException>().Which;
        exception.ClaimName.Should().Be("bio");
        exception.Message.Should().Be("Claim 'bio' makes the link 9,442 bytes long; servers and proxies commonly refuse more than 8,000. The largest parts are claim 'bio' (about 5,346 bytes), claim 'groups' (about 3,802 bytes) and claim 'email' (about 36 bytes). Shorten them; docs/protocol.md#characters-and-sizes lists the limits.");
    }

    [Test]
    public void CreateLoginUrl_Over8000Bytes_BecauseOfTheRedirectTarget_IsARedirectException()
    {
        var target = "/" + new string('é', 1400);

        var act = () => Issuers.AtFixedClock().CreateLoginUrl(Issuers.Jane(), target);

        act.Should().Throw<TribeSsoRedirectException>().Which.Message.Should().Be(
            "The redirect target makes the link 8,657 bytes long; servers and proxies commonly refuse more than 8,000. The largest parts are the redirect target (8,401 bytes), claim 'email' (about 36 bytes) and claim 'name' (about 24 bytes). Shorten them; docs/protocol.md#characters-and-sizes lists the limits.");
    }

    [Test]
    public void CreateLoginUrl_ExactlyAt8000Bytes_IsAccepted_AndOneByteMoreIsNot()
    {
        var issuer = Issuers.AtFixedClock();
        var user = Jane().WithBio(new string('b', 4000)).WithTitle(new string('t', 255)).WithTagline(new string('g', 255)).Build();
        var room = 8000 - issuer.CreateLoginUrl(user, "/").AbsoluteUri.Length;

        var atLimit = issuer.CreateLoginUrl(user, "/" + new string('a', room));
        var overLimit = () => issuer.CreateLoginUrl(user, "/" + new string('a', room + 1));

        room.Should().BePositive();
        atLimit.AbsoluteUri.Should().HaveLength(8000);
        overLimit.Should().Throw<TribeSsoClaimException>().Which.Message.Should().StartWith("Claim 'bio' makes the link 8,001 bytes long;");
    }

    private static TribeSsoUserBuilder Jane() => TribeSsoUser.Create("42", "Jane Doe", "jane@example.com");

    private static TribeGroup[] Groups(int count, int from = 0)
        => Enumerable.Range(from, count).Select(i => TribeGroup.Joined("5f1c0e8b9d3e4a00123456" + i.ToString("x2", System.Globalization.CultureInfo.InvariantCulture))).ToArray();

    private static TestCaseData Case(string claim, Func<object> act, string message) => new TestCaseData(claim, act, message).SetName("{m}: " + message[..Math.Min(60, message.Length)]);
}
