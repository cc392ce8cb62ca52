using System;
using System.Linq;

namespace Tribe.Sso.Testing.Tests.Reading;

/// <summary>The reader reads <c>jwt</c>, or the token parameter its options name, and nothing else.</summary>
public class TokenParameterNameReaderTests
{
    [Test]
    public void DefaultReader_ReadsJwt()
    {
        var link = Issuers.AtFixedClock().CreateLoginUrl(Issuers.Jane(), "/answers");

        Reader().Read(link).IsAccepted.Should().BeTrue();
    }

    [TestCase("token")]
    [TestCase("ssoToken")]
    public void ReaderForAnotherName_ReadsALinkOfAnIssuerWithThatName(string name)
    {
        var options = Issuers.Options();
        options.TokenParameterName = name;
        var link = Issuers.AtFixedClock(options).CreateLoginUrl(Issuers.Jane(), "/answers");

        var result = Reader(name).Read(link);

        result.IsAccepted.Should().BeTrue();
        result.Claims!.Subject.Should().Be("42");
        result.RedirectPath.Should().Be("/answers");
    }

    [Test]
    public void DefaultReader_ReportsALinkWhoseTokenIsUnderAnotherName()
    {
        var options = Issuers.Options();
        options.TokenParameterName = "token";
        var link = Issuers.AtFixedClock(options).CreateLoginUrl(Issuers.Jane());

        var result = Reader().Read(link);

        result.IsAccepted.Should().BeFalse();
        result.Rejection!.Message.Should().Be("not a JWT: the link has no jwt query parameter");
    }

    [Test]
    public void RepeatedConfiguredParameter_IsAmbiguous()
    {
        var token = Issuers.AtFixedClock().CreateToken(Issuers.Jane());

        var result = Reader("token").Read("https://community.example.com/auth/sso?token=" + token + "&token=" + token);

        result.Findings.Should().Contain(f => f.Code == TribeSsoFindingCode.LinkAmbiguous && f.Message == "the link has 2 token parameters; servers disagree on which one counts");
    }

    [TestCase("")]
    [TestCase(null)]
    public void EmptyName_IsRefusedWhenTheReaderIsCreated(string? name)
    {
        var act = () => new TribeSsoTokenReader(null, new TribeSsoTokenReaderOptions { TokenParameterName = name! });

        act.Should().Throw<ArgumentException>().WithMessage("TokenParameterName must name the link's token parameter; jwt is the default.*");
    }

    private static TribeSsoTokenReader Reader(string? name = null) => new(
        TribeSsoKey.FromString(TestKeys.Primary),
        name is null ? new TribeSsoTokenReaderOptions { TimeProvider = TestClock.Create() } : new TribeSsoTokenReaderOptions { TimeProvider = TestClock.Create(), TokenParameterName = name });
}
