using System;
using Microsoft.Extensions.Time.Testing;
using static Tribe.Sso.Testing.Tests.Simulator.SimulatorResponses;

namespace Tribe.Sso.Testing.Tests.Simulator;

/// <summary>The simulated community serves one URL shape, as a real one does, so a partner with the wrong shape fails locally.</summary>
public class UrlShapeTests
{
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void SetUp() => _clock = TestClock.Create();

    [Test]
    public void UrlShape_ByDefault_IsTribe()
        => new TribeCommunitySimulatorOptions().UrlShape.Should().Be(TribeCommunityUrlShape.Tribe);

    [Test]
    public void TribeShape_AuthSsoWithRedirect_LandsOnTheRequestedPage()
    {
        var response = Simulator(TribeCommunityUrlShape.Tribe).Handle("GET", "/auth/sso?jwt=" + Token() + "&redirect=%2Fanswers");

        response.StatusCode.Should().Be(302);
        response.GetHeader("Location").Should().Be("/answers");
    }

    [Test]
    public void TribeShape_RedirectUriOnAuthSso_IsIgnored_AndTheMemberLandsOnTheHomePage()
    {
        var simulator = Simulator(TribeCommunityUrlShape.Tribe);

        var response = simulator.Handle("GET", "/auth/sso?jwt=" + Token() + "&redirect_uri=/x");

        response.StatusCode.Should().Be(302, "the member is signed in");
        response.GetHeader("Location").Should().Be("/");
        simulator.SignIns.Should().ContainSingle().Which.RedirectPath.Should().Be("/");
    }

    [Test]
    public void TribeShape_ApiAuthSso_Is404_NamingTheShapeWithoutEchoingTheToken()
    {
        var simulator = Simulator(TribeCommunityUrlShape.Tribe);
        var token = Token();

        var response = simulator.Handle("GET", "/api/auth/sso?jwt=" + token + "&redirect_uri=%2Fanswers");

        response.StatusCode.Should().Be(404);
        Text(response, "no-such-sso-address").Should().Be("no such SSO address; this community has the tribe URL shape: /auth/sso?jwt=…&redirect=… (/api/auth/sso with redirect_uri is the bettermode shape)");
        response.Body.Should().NotContain(token.Split('.')[2]);
        simulator.SignIns.Should().BeEmpty();
    }

    [Test]
    public void BettermodeShape_ApiAuthSsoWithRedirectUri_LandsOnTheRequestedPage()
    {
        var issuer = Issuers.WithClock(_clock, Issuers.Options().UseBettermodeUrlShape());
        var link = issuer.CreateLoginUrl(Issuers.Jane(), "/embed/space/whats-new?readonly=false");

        var response = Simulator(TribeCommunityUrlShape.Bettermode).Handle("GET", link.ToUri().PathAndQuery);

        response.StatusCode.Should().Be(302);
        response.GetHeader("Location").Should().Be("/embed/space/whats-new?readonly=false");
    }

    [Test]
    public void BettermodeShape_RedirectOnApiAuthSso_IsIgnored()
    {
        var response = Simulator(TribeCommunityUrlShape.Bettermode).Handle("GET", "/api/auth/sso?jwt=" + Token() + "&redirect=/x");

        response.StatusCode.Should().Be(302);
        response.GetHeader("Location").Should().Be("/");
    }

    [Test]
    public void BettermodeShape_AuthSso_Is404()
    {
        var response = Simulator(TribeCommunityUrlShape.Bettermode).Handle("GET", "/auth/sso?jwt=" + Token() + "&redirect=%2Fanswers");

        response.StatusCode.Should().Be(404);
        Text(response, "no-such-sso-address").Should().Be("no such SSO address; this community has the bettermode URL shape: /api/auth/sso?jwt=…&redirect_uri=… (/auth/sso with redirect is the tribe shape)");
    }

    [Test]
    public void UndefinedShape_IsRefused()
    {
        var act = () => new TribeCommunitySimulatorOptions { UrlShape = (TribeCommunityUrlShape)7 };

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("UrlShape must be TribeCommunityUrlShape.Tribe or TribeCommunityUrlShape.Bettermode.*");
    }

    private string Token() => Issuers.WithClock(_clock).CreateToken(Issuers.Jane());

    private TribeCommunitySimulator Simulator(TribeCommunityUrlShape shape) => new(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions
    {
        UrlShape = shape,
        ReaderOptions = new TribeSsoTokenReaderOptions { TimeProvider = _clock },
    });
}
