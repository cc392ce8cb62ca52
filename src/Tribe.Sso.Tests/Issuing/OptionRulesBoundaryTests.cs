using System;

namespace Tribe.Sso.Tests.Issuing;

/// <summary>
/// The options' limits at their edges (a lifetime of 1 second and 10 minutes, parameter names of 64 and 65 characters,
/// an SSO path of two characters) and the exact message of each refusal: it names the option, the rule and the fix.
/// </summary>
public class OptionRulesBoundaryTests
{
    private const string LifetimeRule = "; it must be from 1 second to 10 minutes, because tokens travel in URLs that leak into logs and browser history. Keep the default of 60 seconds unless clocks are far apart.";
    private const string SsoPathFix = " Use a path such as /auth/sso (the default) or /api/auth/sso.";
    private const string TokenParameterFix = " Use jwt (the default), or token or ssoToken if your community reads that name.";
    private const string RedirectParameterFix = " Use redirect (the default) or redirect_uri.";

    [TestCase(1)]
    [TestCase(60)]
    [TestCase(600)]
    public void TokenLifetime_FromOneSecondToTenMinutes_IsAccepted(int seconds)
    {
        Accepted(o => o.TokenLifetime = TimeSpan.FromSeconds(seconds));
    }

    [TestCase(0L, "00:00:00")]
    [TestCase(9_990_000L, "00:00:00.9990000")]
    [TestCase(6_000_010_000L, "00:10:00.0010000")]
    [TestCase(6_010_000_000L, "00:10:01")]
    [TestCase(-10_000_000L, "-00:00:01")]
    public void TokenLifetime_OutsideOneSecondToTenMinutes_IsRefused(long ticks, string shown)
    {
        Refusal(o => o.TokenLifetime = TimeSpan.FromTicks(ticks)).Should().Be("Option 'TokenLifetime' is " + shown + LifetimeRule);
    }

    [TestCase(15_000_000L, "00:00:01.5000000")]
    [TestCase(10_000_001L, "00:00:01.0000001")]
    [TestCase(5_999_999_999L, "00:09:59.9999999")]
    public void TokenLifetime_NotAWholeNumberOfSeconds_IsRefused(long ticks, string shown)
    {
        Refusal(o => o.TokenLifetime = TimeSpan.FromTicks(ticks)).Should().Be(
            "Option 'TokenLifetime' is " + shown + ", which is not a whole number of seconds; exp is written in whole seconds. Use TimeSpan.FromSeconds with an integer.");
    }

    [Test]
    public void CommunityUrl_NotSet_SaysWhatToSet()
    {
        Refusal(o => o.CommunityUrl = null).Should().Be("Option 'CommunityUrl' is not set. Set it to your community's address, such as https://community.example.com.");
    }

    [Test]
    public void CommunityUrl_Relative_IsRefused()
    {
        Refusal(o => o.CommunityUrl = new Uri("/community", UriKind.Relative)).Should().Be(
            "Option 'CommunityUrl' is a relative URL. Use the community's absolute address, such as https://community.example.com.");
    }

    [TestCase("http://community.example.com", "http")]
    [TestCase("http://localhost.example.com", "http")]
    [TestCase("http://127.0.0.2", "http")]
    [TestCase("http://[::2]", "http")]
    [TestCase("ftp://localhost", "ftp")]
    [TestCase("ws://localhost", "ws")]
    public void CommunityUrl_NotHttpsAndNotLoopbackHttp_IsRefused(string url, string scheme)
    {
        Refusal(o => o.CommunityUrl = new Uri(url)).Should().Be(
            "Option 'CommunityUrl' uses the scheme '" + scheme + "'; tokens may only travel over https (plain http is accepted for localhost, 127.0.0.1 and [::1]). Use the community's https address.");
    }

    [TestCase("http://localhost")]
    [TestCase("http://localhost:3000")]
    [TestCase("http://127.0.0.1:8080")]
    [TestCase("http://[::1]:5000")]
    [TestCase("https://community.example.com")]
    [TestCase("https://example.com/community/")]
    public void CommunityUrl_HttpsOrLoopbackHttp_IsAccepted(string url)
    {
        Accepted(o => o.CommunityUrl = new Uri(url));
    }

    [TestCase("https://admin:pw@community.example.com")]
    [TestCase("https://admin@community.example.com")]
    public void CommunityUrl_WithUserInfo_IsRefused(string url)
    {
        Refusal(o => o.CommunityUrl = new Uri(url)).Should().Be(
            "Option 'CommunityUrl' contains user info (user:password@). Remove it; the SSO link must not carry credentials.");
    }

    [TestCase("https://community.example.com/?x=1")]
    [TestCase("https://community.example.com/?")]
    [TestCase("https://community.example.com/#top")]
    [TestCase("https://community.example.com/#")]
    public void CommunityUrl_WithAQueryOrFragment_IsRefused(string url)
    {
        Refusal(o => o.CommunityUrl = new Uri(url)).Should().Be(
            "Option 'CommunityUrl' has a query or fragment. Use only the community's address and optional base path, such as https://example.com/community.");
    }

    [Test]
    public void PrivateKey_NotSet_SaysWhereTheKeyComesFrom()
    {
        Refusal(o => o.PrivateKey = null).Should().Be(
            "Option 'PrivateKey' is not set. Set it to TribeSsoKey.FromString(...) with the key of the community's \"JWT SSO\" app, loaded from configuration or a secret store.");
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase(" community")]
    [TestCase("community ")]
    public void Audience_EmptyOrPadded_IsRefused(string audience)
    {
        Refusal(o => o.Audience = audience).Should().Be(
            "Option 'Audience' is empty or has surrounding whitespace. Set it to the audience the community expects, or leave it null to omit the aud claim.");
    }

    [Test]
    public void Audience_WithAControlCharacter_NamesItsPosition()
    {
        Refusal(o => o.Audience = "comm\u0001unity").Should().Be(
            "Option 'Audience' contains a control character (U+0001) at index 4. Remove control characters such as tabs, line breaks and NUL before signing.");
    }

    [TestCase(null)]
    [TestCase("c")]
    [TestCase("my community")]
    public void Audience_NullOrText_IsAccepted(string? audience)
    {
        Accepted(o => o.Audience = audience);
    }

    [TestCase("/a")]
    [TestCase("/auth/sso")]
    [TestCase("/a-b_c.d~e/F9")]
    [TestCase("/.well-known/sso")]
    [TestCase("/a/...")]
    public void SsoPath_APathOfAllowedCharacters_IsAccepted(string path)
    {
        Accepted(o => o.SsoPath = path);
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("/")]
    [TestCase("a")]
    [TestCase("auth/sso")]
    public void SsoPath_NotAPathOfTwoCharactersOrMore_IsRefused(string? path)
    {
        Refusal(o => o.SsoPath = path!).Should().Be("Option 'SsoPath' must be a path that starts with '/'." + SsoPathFix);
    }

    [TestCase("//a")]
    [TestCase("/a//b")]
    [TestCase("/a/")]
    public void SsoPath_AnEmptySegment_IsRefused(string path)
    {
        Refusal(o => o.SsoPath = path).Should().Be("Option 'SsoPath' contains an empty segment ('//' or a trailing '/')." + SsoPathFix);
    }

    [TestCase("/a b")]
    [TestCase("/a?b")]
    [TestCase("/a#b")]
    [TestCase("/a%2F")]
    [TestCase("/a:b")]
    [TestCase("/a\\b")]
    [TestCase("/a+b")]
    [TestCase("/\u00E9")]
    [TestCase("/a@b")]
    [TestCase("/a`b")]
    [TestCase("/a{b")]
    [TestCase("/a[b")]
    public void SsoPath_AnyOtherCharacter_IsRefused(string path)
    {
        Refusal(o => o.SsoPath = path).Should().Be("Option 'SsoPath' may contain only letters, digits, '/', '-', '_', '.' and '~'." + SsoPathFix);
    }

    [TestCase("/.")]
    [TestCase("/..")]
    [TestCase("/a/./b")]
    [TestCase("/a/..")]
    public void SsoPath_ADotSegment_IsRefused(string path)
    {
        Refusal(o => o.SsoPath = path).Should().Be("Option 'SsoPath' contains a '.' or '..' segment." + SsoPathFix);
    }

    [TestCase("TokenParameterName")]
    [TestCase("RedirectParameterName")]
    public void ParameterName_Of64Characters_IsAccepted(string option)
    {
        Accepted(o => Set(o, option, new string('p', 64)));
    }

    [TestCase("TokenParameterName", null)]
    [TestCase("TokenParameterName", "")]
    [TestCase("TokenParameterName", 65)]
    [TestCase("RedirectParameterName", null)]
    [TestCase("RedirectParameterName", "")]
    [TestCase("RedirectParameterName", 65)]
    public void ParameterName_EmptyOrOver64Characters_IsRefused(string option, object? value)
    {
        var name = value is int length ? new string('p', length) : (string?)value;

        Refusal(o => Set(o, option, name)).Should().Be("Option '" + option + "' must be 1 to 64 characters." + Fix(option));
    }

    [TestCase("TokenParameterName", "sso_token-v1.2")]
    [TestCase("RedirectParameterName", "return_to-v1.2")]
    public void ParameterName_LettersDigitsUnderscoreHyphenAndDot_AreAccepted(string option, string name)
    {
        Accepted(o => Set(o, option, name));
    }

    [TestCase("TokenParameterName", "a b")]
    [TestCase("TokenParameterName", "a&b")]
    [TestCase("TokenParameterName", "a=b")]
    [TestCase("TokenParameterName", "a~b")]
    [TestCase("RedirectParameterName", "a/b")]
    [TestCase("RedirectParameterName", "a%b")]
    [TestCase("RedirectParameterName", "\u00E9")]
    public void ParameterName_AnyOtherCharacter_IsRefused(string option, string name)
    {
        Refusal(o => Set(o, option, name)).Should().Be("Option '" + option + "' may contain only letters, digits, '_', '-' and '.'." + Fix(option));
    }

    [TestCase("redirect")]
    [TestCase("Redirect_Uri")]
    public void TokenParameterName_ARedirectParameter_IsRefused(string name)
    {
        Refusal(o => o.TokenParameterName = name).Should().Be("Option 'TokenParameterName' is '" + name + "', a parameter that carries the redirect target." + TokenParameterFix);
    }

    [TestCase("jwt", "JWT")]
    [TestCase("ssoToken", "SSOTOKEN")]
    public void RedirectParameterName_TheTokenParameter_IsRefused(string token, string redirect)
    {
        Refusal(o => { o.TokenParameterName = token; o.RedirectParameterName = redirect; }).Should().Be(
            "Option 'RedirectParameterName' is '" + redirect + "', the parameter that carries the token." + RedirectParameterFix);
    }

    private static string Fix(string option) => option == "TokenParameterName" ? TokenParameterFix : RedirectParameterFix;

    private static void Set(TribeSsoOptions options, string option, string? value)
    {
        if (option == "TokenParameterName")
        {
            options.TokenParameterName = value!;
        }
        else
        {
            options.RedirectParameterName = value!;
        }
    }

    private static void Accepted(Action<TribeSsoOptions> change)
    {
        var options = Issuers.Options();
        change(options);

        options.Invoking(o => o.Validate()).Should().NotThrow();
    }

    private static string Refusal(Action<TribeSsoOptions> change)
    {
        var options = Issuers.Options();
        change(options);

        return options.Invoking(o => o.Validate()).Should().Throw<TribeSsoConfigurationException>().Which.Message;
    }
}
