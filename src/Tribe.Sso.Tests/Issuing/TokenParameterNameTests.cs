using System;

namespace Tribe.Sso.Tests.Issuing;

/// <summary>The token parameter is an option: <c>jwt</c> by default, <c>token</c> or <c>ssoToken</c> where a community reads those.</summary>
public class TokenParameterNameTests
{
    [Test]
    public void Default_IsJwt_AndTheGoldenLinkIsUnchanged()
    {
        var issuer = Issuers.AtFixedClock();

        issuer.TokenParameterName.Should().Be("jwt").And.Be(TribeSsoOptions.DefaultTokenParameterName);
        issuer.CreateLoginUrl(Issuers.Jane(), "/answers").AbsoluteUri.Should().Be(GoldenVectors.JaneAnswersLink);
    }

    [TestCase("token")]
    [TestCase("ssoToken")]
    public void ConfiguredName_CarriesTheSameToken(string name)
    {
        var options = Issuers.Options();
        options.TokenParameterName = name;

        var link = Issuers.AtFixedClock(options).CreateLoginUrl(Issuers.Jane(), "/answers");

        link.AbsoluteUri.Should().Be("https://community.example.com/auth/sso?" + name + "=" + GoldenVectors.MinimalToken + "&redirect=/answers");
    }

    [TestCase("", "must be 1 to 64 characters")]
    [TestCase("to ken", "may contain only letters, digits, '_', '-' and '.'")]
    [TestCase("a&b=c", "may contain only letters, digits, '_', '-' and '.'")]
    [TestCase("redirect", "is 'redirect', a parameter that carries the redirect target")]
    [TestCase("redirect_uri", "is 'redirect_uri', a parameter that carries the redirect target")]
    public void BadName_ThrowsNamingTheOptionAndTheFix(string name, string rule)
    {
        var options = Issuers.Options();
        options.TokenParameterName = name;

        var act = () => new TribeSsoIssuer(options);

        act.Should().Throw<TribeSsoConfigurationException>()
            .Where(e => e.OptionName == "TokenParameterName")
            .WithMessage("Option 'TokenParameterName' " + rule + ". Use jwt (the default), or token or ssoToken if your community reads that name.");
    }

    [Test]
    public void Null_IsRefused()
    {
        var options = Issuers.Options();
        options.TokenParameterName = null!;

        var act = () => new TribeSsoIssuer(options);

        act.Should().Throw<TribeSsoConfigurationException>().Which.OptionName.Should().Be("TokenParameterName");
    }

    [Test]
    public void RedirectParameter_CannotTakeTheConfiguredTokenName()
    {
        var options = Issuers.Options();
        options.TokenParameterName = "token";
        options.RedirectParameterName = "token";

        var act = () => new TribeSsoIssuer(options);

        act.Should().Throw<TribeSsoConfigurationException>()
            .WithMessage("Option 'RedirectParameterName' is 'token', the parameter that carries the token. Use redirect (the default) or redirect_uri.");
    }

    [Test]
    public void WithTheDefaultTokenName_RedirectParameterCanBeToken()
    {
        var options = Issuers.Options();
        options.RedirectParameterName = "token";

        Issuers.AtFixedClock(options).CreateLoginUrl(Issuers.Jane(), "/a").AbsoluteUri.Should().EndWith("&token=/a");
    }
}
