using System;
using Microsoft.Extensions.Time.Testing;
using static Tribe.Sso.Testing.Tests.Simulator.SimulatorResponses;

namespace Tribe.Sso.Testing.Tests.Simulator;

/// <summary>The community's fifth JWT SSO setting: the partner's page where a member edits their profile.</summary>
public class SettingsUrlTests
{
    private FakeTimeProvider _clock = null!;

    [SetUp]
    public void SetUp() => _clock = TestClock.Create();

    [Test]
    public void MemberPage_LinksEditProfileToTheSettingsUrl_WithThePageToReturnTo()
    {
        var simulator = Simulator(new Uri("https://partner.example/account/settings"));

        var page = simulator.Handle("GET", "/spaces/general?tab=new", SignIn(simulator));

        Href(page, "edit-profile").Should().Be("https://partner.example/account/settings?redirect=%2Fspaces%2Fgeneral%3Ftab%3Dnew");
        Text(page, "edit-profile").Should().Be("Edit profile");
    }

    [Test]
    public void MemberPage_KeepsTheSettingsUrlsQuery_AndUsesTheConfiguredRedirectParameter()
    {
        var simulator = Simulator(new Uri("https://partner.example/settings?tab=profile"));
        simulator.Options.RedirectParameterName = "redirect_uri";

        var page = simulator.Handle("GET", "/answers", SignIn(simulator));

        Href(page, "edit-profile").Should().Be("https://partner.example/settings?tab=profile&redirect_uri=%2Fanswers");
    }

    [Test]
    public void MemberPage_WithoutASettingsUrl_SaysItIsNotSet()
    {
        var simulator = Simulator(null);

        var page = simulator.Handle("GET", "/answers", SignIn(simulator));

        Href(page, "edit-profile").Should().BeNull();
        Text(page, "edit-profile").Should().Be("Edit profile (no URL set)");
    }

    [Test]
    public void AnonymousPage_HasNoEditProfileLink()
        => Simulator(new Uri("https://partner.example/settings")).Handle("GET", "/answers").Body.Should().NotContain("edit-profile");

    [Test]
    public void MemberPage_NeverForwardsATokenToTheSettingsUrl()
    {
        var simulator = Simulator(new Uri("https://partner.example/settings"));
        var token = Issuers.WithClock(_clock).CreateToken(Issuers.Jane());

        var page = simulator.Handle("GET", "/answers?jwt=" + token, SignIn(simulator));

        Href(page, "edit-profile").Should().Be("https://partner.example/settings?redirect=%2Fanswers%3Fjwt%3D%25E2%2580%25A6");
    }

    [TestCase("javascript:alert(1)")]
    [TestCase("https://user:pass@partner.example/settings")]
    [TestCase("https://partner.example/settings#top")]
    public void BadSettingsUrl_IsRefused(string url)
    {
        var act = () => new TribeCommunitySimulatorOptions { SettingsUrl = new Uri(url) };

        act.Should().Throw<ArgumentException>().WithMessage("SettingsUrl must*");
    }

    private string SignIn(TribeCommunitySimulator simulator)
        => Session(simulator.Handle("GET", Issuers.WithClock(_clock).CreateLoginUrl(Issuers.Jane()).ToUri().PathAndQuery));

    private TribeCommunitySimulator Simulator(Uri? settingsUrl) => new(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions
    {
        SettingsUrl = settingsUrl,
        ReaderOptions = new TribeSsoTokenReaderOptions { TimeProvider = _clock },
    });
}
