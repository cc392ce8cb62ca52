using System;
using System.Linq;
using System.Text;

namespace Tribe.Sso.Tests.Issuing;

/// <summary>
/// The edges of the options' rules and of the size limit that the other tables do not reach: null options, a line
/// break in the audience, a base path kept in the issuer's address, a token of exactly 8,000 bytes, and the list of
/// largest parts when there is only one.
/// </summary>
public class OptionAndSizeRuleEdgeTests
{
    [Test]
    public void Validate_NullOptions_ThrowsArgumentNull()
    {
        var act = () => OptionRules.Validate(null!);

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("options");
    }

    [Test]
    public void Audience_WithALineBreak_IsRefusedAsAControlCharacter()
    {
        var options = Issuers.Options();
        options.Audience = "comm\nunity";

        options.Invoking(o => o.Validate()).Should().Throw<TribeSsoConfigurationException>().Which.Message.Should().Be(
            "Option 'Audience' contains a control character (U+000A) at index 4. Remove control characters such as tabs, line breaks and NUL before signing.");
    }

    [Test]
    public void CommunityUrl_WithABasePath_KeepsItWithATrailingSlash()
    {
        var options = Issuers.Options();
        options.CommunityUrl = new Uri("https://example.com/community");

        Issuers.AtFixedClock(options).CommunityUrl.AbsoluteUri.Should().Be("https://example.com/community/");
    }

    [Test]
    public void OptionsToString_WithoutAKey_SaysItIsNotSet()
    {
        new TribeSsoOptions().ToString().Should().EndWith(", PrivateKey = (not set) }");
        Issuers.Options().ToString().Should().EndWith(", PrivateKey = (hidden) }");
    }

    [Test]
    public void CreateToken_ExactlyAt8000Bytes_IsAccepted_AndOneByteMoreIsNot()
    {
        var issuer = Issuers.AtFixedClock();
        var plain = new string('b', 4000);
        var baseToken = issuer.CreateToken(Jane(plain));
        var fixedPart = baseToken.Length - PayloadSegment(baseToken).Length;

        // The payload's base64url text has 4k, 4k+2 or 4k+3 characters: a token of 8,000 must need one of those.
        var target = 8000 - fixedPart;
        target.Should().Match(t => t % 4 != 1, "a payload segment of that length exists");
        var neededBytes = target * 3 / 4;
        var extra = neededBytes - PayloadBytes(baseToken);
        extra.Should().BeInRange(0, 7000);

        var atLimit = issuer.CreateToken(Jane(Bio(extra)));
        var overLimit = () => issuer.CreateToken(Jane(Bio(extra + 1)));

        atLimit.Should().HaveLength(8000);
        overLimit.Should().Throw<TribeSsoClaimException>().Which.Message.Should().StartWith("Claim 'bio' makes the token 8,00");
    }

    [Test]
    public void TooLarge_OnlyOneClaim_ListsItAloneWithoutAnd()
    {
        var exception = SizeRules.TooLarge("token", 9000, Encoding.UTF8.GetBytes("{\"sub\":\"42\"}"), encodedRedirectLength: 0);

        exception.Message.Should().Be(
            "Claim 'sub' makes the token 9,000 bytes long; servers and proxies commonly refuse more than 8,000. The largest parts are claim 'sub' (about 15 bytes). Shorten them; docs/protocol.md#characters-and-sizes lists the limits.");
    }

    [Test]
    public void TooLarge_TwoClaims_JoinsThemWithAnd()
    {
        var exception = SizeRules.TooLarge("link", 9000, Encoding.UTF8.GetBytes("{\"sub\":\"42\",\"name\":\"Jane\"}"), encodedRedirectLength: 0);

        exception.Message.Should().Contain("The largest parts are claim 'name' (about 19 bytes) and claim 'sub' (about 15 bytes). Shorten them;");
    }

    /// <summary>The bio of 4,000 characters whose UTF-8 is <paramref name="extra"/> bytes longer than 4,000: '漢' adds 2, 'é' adds 1.</summary>
    private static string Bio(int extra)
    {
        var wide = extra / 2;
        var accented = extra % 2;
        return new string('漢', wide) + new string('é', accented) + new string('b', 4000 - wide - accented);
    }

    private static TribeSsoUser Jane(string bio) => TribeSsoUser.Create("42", "Jane Doe", "jane@example.com").WithBio(bio).Build();

    private static string PayloadSegment(string token) => token.Split('.')[1];

    private static int PayloadBytes(string token) => PayloadSegment(token).Length * 3 / 4;
}
