using System;
using System.Collections.Generic;
using System.Linq;

namespace Tribe.Sso.Tests.Wire;

/// <summary>The wire vocabulary is written and read by the same code: every spelling reads back as the value it came from.</summary>
public class WireFormatTests
{
    [Test]
    public void EveryRole_ReadsBackFromItsSpelling()
    {
        foreach (var role in Enum.GetValues<TribeRole>())
        {
            ClaimValues.TryParseRole(ClaimValues.Of(role), out var read).Should().BeTrue();
            read.Should().Be(role);
        }
    }

    [Test]
    public void EveryGroupRoleAndStatus_ReadsBackFromItsSpelling()
    {
        foreach (var role in Enum.GetValues<TribeGroupRole>())
        {
            ClaimValues.TryParseGroupRole(ClaimValues.Of(role), out var read).Should().BeTrue();
            read.Should().Be(role);
        }

        foreach (var status in Enum.GetValues<TribeGroupStatus>())
        {
            ClaimValues.TryParseGroupStatus(ClaimValues.Of(status), out var read).Should().BeTrue();
            read.Should().Be(status);
        }
    }

    [TestCase("Admin")]
    [TestCase("admin ")]
    [TestCase("owner")]
    [TestCase("")]
    [TestCase(null)]
    public void AnythingButTheExactSpelling_IsNotARole(string? text)
    {
        ClaimValues.TryParseRole(text, out _).Should().BeFalse();
    }

    [TestCase("?jwt=a.b.c&redirect=%2Fanswers", "jwt=a.b.c", "redirect=/answers")]
    [TestCase("jwt=a&redirect=/search%3Fq%3Dsso+tips", "jwt=a", "redirect=/search?q=sso tips")]
    [TestCase("?jwt=a&&jwt=b&flag", "jwt=a", "jwt=b", "flag=")]
    [TestCase("?redirect_uri=%ZZ", "redirect_uri=%ZZ")]
    [TestCase("", new string[0])]
    [TestCase("&a=1", "a=1")]
    [TestCase("?=x&y", "=x", "y=")]
    public void ParseQuery_DecodesLikeAWebServer_KeepingOrderAndRepeats(string query, params string[] expected)
    {
        LinkFormat.ParseQuery(query).Select(p => p.Key + "=" + p.Value).Should().Equal(expected);
    }

    [Test]
    public void TheLinkTheIssuerWrites_ParsesBackToItsParts()
    {
        var link = Issuers.AtFixedClock().CreateLoginUrl(Issuers.Jane(), "/search?q=a&b=c#top").AbsoluteUri;

        var query = LinkFormat.ParseQuery(link.Substring(link.IndexOf('?', StringComparison.Ordinal)));

        query.Should().Equal(
            new KeyValuePair<string, string>(LinkFormat.TokenParameter, GoldenVectors.MinimalToken),
            new KeyValuePair<string, string>("redirect", "/search?q=a&b=c#top"));
    }

    [Test]
    public void KnownClaims_AreEveryClaimTheIssuerCanWrite()
    {
        var payload = Jwt.Payload(Issuers.AtFixedClock(FullOptions()).CreateToken(Issuers.FullUser()));

        payload.EnumerateObject().Select(p => p.Name).Should().BeSubsetOf(ClaimNames.Known);
    }

    private static TribeSsoOptions FullOptions()
    {
        var options = Issuers.AdminAllowed();
        options.Audience = "community";
        return options;
    }
}
