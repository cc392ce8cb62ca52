using System;
using System.Linq;
using Microsoft.Extensions.Time.Testing;
using static Tribe.Sso.Testing.Tests.Simulator.SimulatorResponses;

namespace Tribe.Sso.Testing.Tests.Simulator;

/// <content>Addresses, embeds, resets, defaults and hosts.</content>
public partial class SimulatorAnswersTests
{
    [TestCase("/auth")]
    [TestCase("/API")]
    [TestCase("/api/auth/sso")]
    [TestCase("/auth/logout/")]
    public void AddressNearTheSsoPaths_Is404(string path)
        => _simulator.Handle("GET", path).StatusCode.Should().Be(404);

    [TestCase("/authors")]
    [TestCase("/apis")]
    [TestCase("/x/auth/sso")]
    public void AddressThatOnlyStartsLikeOne_IsAPage(string path)
        => Text(_simulator.Handle("GET", path), "page").Should().Be(path);

    [Test]
    public void MistypedSsoAddress_NamesTheConfiguredTokenParameter_AndTheServedShape()
    {
        var simulator = Simulator(new TribeCommunitySimulatorOptions
        {
            UrlShape = TribeCommunityUrlShape.Bettermode,
            ReaderOptions = new TribeSsoTokenReaderOptions { TimeProvider = _clock, TokenParameterName = "token" },
        });

        var response = simulator.Handle("GET", "/auth/sso?token=x");

        response.StatusCode.Should().Be(404);
        Text(response, "no-such-sso-address").Should().Be("no such SSO address; this community has the bettermode URL shape: /api/auth/sso?token=…&redirect_uri=… (/auth/sso with redirect is the tribe shape)");
    }

    [TestCase("/embed/", "the whole community")]
    [TestCase("/embed/space", "/embed/space")]
    [TestCase("/embed/group/abc", "/embed/group/abc")]
    [TestCase("/embed/space/a/b", "/embed/space/a/b")]
    [TestCase("/embed/space/caf%C3%A9", "space café")]
    [TestCase("/embed/post/a%20b", "post a b")]
    public void Embed_NamesWhatIsEmbedded_FromItsPath(string path, string what)
        => Text(_simulator.Handle("GET", path), "embed-page").Should().Be(what);

    [Test]
    public void Embed_OnlyUnderTheEmbedPath()
        => Text(_simulator.Handle("GET", "/embedded"), "page").Should().Be("/embedded");

    [Test]
    public void Embed_WithoutOptions_SaysNone_AndShowsTheHeader()
    {
        var embed = _simulator.Handle("GET", "/embed/space/x");

        Text(embed, "embed-options").Should().Be("(none)");
        Text(embed, "embed-header").Should().Be("Simulated community");
        embed.Body.Should().NotContain("id=\"embed-about\"");
    }

    [Test]
    public void EmbedOptions_AreMatchedExactly()
    {
        var embed = _simulator.Handle("GET", "/embed/space/x?header=FALSE&about=TRUE&about=yes");

        Text(embed, "embed-header").Should().Be("Simulated community");
        embed.Body.Should().NotContain("id=\"embed-about\"");
        Text(embed, "embed-options").Should().Be("header=FALSE, about=TRUE, about=yes");
    }

    [Test]
    public void EmbedAbout_IsShownWhenAsked()
        => Text(_simulator.Handle("GET", "/embed/space/x?about=true"), "embed-about").Should().Be("About: a space of the simulated community; its posts are not real.");

    [TestCase("composer=true", true)]
    [TestCase("composer=true&readonly=false", true)]
    [TestCase("readonly=false", false)]
    [TestCase("composer=false", false)]
    public void EmbedComposer_IsShownToAMember_WhenAskedAndNotReadOnly(string query, bool shown)
    {
        var embed = _simulator.Handle("GET", "/embed/space/x?" + query, Session(SignIn(_simulator, Issuers.Jane())));

        embed.Body.Contains("id=\"embed-composer\"", StringComparison.Ordinal).Should().Be(shown);
        Text(embed, "embed-member").Should().Be("Signed in as Jane Doe <jane@example.com>");
    }

    [Test]
    public void EmbedComposer_IsNeverShownToAVisitor()
        => _simulator.Handle("GET", "/embed/space/x?composer=true").Body.Should().NotContain("id=\"embed-composer\"");

    [Test]
    public void AnonymousEmbed_WithoutAnAuthorizationUrl_SaysItIsNotSet()
    {
        var embed = Simulator(new TribeCommunitySimulatorOptions()).Handle("GET", "/embed/space/x");

        embed.Body.Should().Contain("<p id=\"embed-signed-out\">Not signed in. <span id=\"embed-log-in\" class=\"unset\">Log in (no URL set)</span></p>");
    }

    [Test]
    public void SimulatorWithoutReaderOptions_UsesTheDefaults()
    {
        var options = new TribeCommunitySimulatorOptions { ReaderOptions = null! };
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), options);
        var issuer = Issuers.WithClock(new FakeTimeProvider(DateTimeOffset.UtcNow));

        var signIn = simulator.Handle("GET", issuer.CreateLoginUrl(Issuers.Jane(), "/answers").ToUri().PathAndQuery);
        var page = simulator.Handle("GET", "/answers?jwt=secret", Session(signIn));
        var mistyped = simulator.Handle("GET", "/auth/sso/?jwt=x");
        simulator.Reset();

        signIn.StatusCode.Should().Be(302);
        Text(page, "page").Should().Be("/answers?jwt=…");
        Text(mistyped, "no-such-sso-address").Should().StartWith("no such SSO address; this community has the tribe URL shape: /auth/sso?jwt=…");
        simulator.Community.Members.Should().BeEmpty();
    }

    [Test]
    public void Response_GetHeader_IgnoresCase_AndIsNullWhenAbsent()
    {
        var response = SignIn(_simulator, Issuers.Jane(), "/answers");

        response.GetHeader("location").Should().Be("/answers");
        response.GetHeader("X-Absent").Should().BeNull();
        response.Invoking(r => r.GetHeader(null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("name");
    }

    [Test]
    public void Response_ToString_WithoutALocation_IsTheStatus()
        => _simulator.Handle("GET", "/").ToString().Should().Be("200");

    [Test]
    public void Reset_Answers204_WithNoContentType()
    {
        var response = _simulator.Handle("DELETE", "/_simulator");

        response.StatusCode.Should().Be(204);
        response.Body.Should().BeEmpty();
        response.Headers.Select(h => h.Key + ": " + h.Value).Should().Equal("Cache-Control: no-store");
    }

    [Test]
    public void Reset_ForgetsTheSignInsAndTheSessions()
    {
        var session = Session(SignIn(_simulator, Issuers.Jane()));

        _simulator.Reset();

        _simulator.SignIns.Should().BeEmpty();
        _simulator.Community.Members.Should().BeEmpty();
        _simulator.Handle("GET", "/", session).Body.Should().Contain("id=\"signed-out\"");
    }

    [Test]
    public void Handle_WithoutMethodOrTarget_IsRefusedNamingTheParameter()
    {
        _simulator.Invoking(s => s.Handle(null!, "/")).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("method");
        _simulator.Invoking(s => s.Handle("GET", null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("pathAndQuery");
    }

    [Test]
    public void Simulator_WithoutAKey_IsRefused()
    {
        var act = () => new TribeCommunitySimulator(null!);

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("key");
    }

    [Test]
    public void Simulator_WithoutOptions_HasTheDefaults()
        => new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary)).Options.BasePath.Should().BeEmpty();

    [TestCase("https://localhost:5190/spaces", "/spaces")]
    [TestCase("http://127.0.0.1:5190?tab=new", "/?tab=new")]
    public void AbsoluteFormTarget_OfEitherScheme_ShowsItsPage(string target, string page)
        => Text(_simulator.Handle("GET", target), "page").Should().Be(page);

    [TestCase("127.9.9.9")]
    [TestCase("127.0.0.1:65535")]
    [TestCase("az-AZ09.localhost")]
    [TestCase("a.b.localhost:1")]
    [TestCase("[::1]:8080")]
    public void LoopbackHost_AtTheEdgesOfItsForm_IsServed(string host)
        => _simulator.Handle(new TribeCommunitySimulatorRequest("GET", "/") { Host = host }).StatusCode.Should().Be(200);

    [TestCase("127.0.0.1:")]
    [TestCase("127.0.0.1:123456")]
    [TestCase("127.0.0.1:-1")]
    [TestCase("[::1]:")]
    [TestCase("[::1]x")]
    [TestCase("[127.0.0.1]")]
    [TestCase("[::2]")]
    [TestCase("a..localhost")]
    [TestCase("a_b.localhost")]
    [TestCase(".localhost")]
    [TestCase(":5190")]
    [TestCase("0x7f.0.0.1")]
    [TestCase("10.0.0.1")]
    [TestCase("localhost:99a")]
    public void HostThatIsNotPlainlyLoopback_Is403(string host)
        => _simulator.Handle(new TribeCommunitySimulatorRequest("GET", "/") { Host = host }).StatusCode.Should().Be(403);

    private TribeCommunitySimulatorResponse SignIn(TribeCommunitySimulator simulator, TribeSsoUser user, string? redirect = null)
        => simulator.Handle("GET", _issuer.CreateLoginUrl(user, redirect).ToUri().PathAndQuery);

    private TribeCommunitySimulator Simulator(TribeCommunitySimulatorOptions options)
    {
        if (options.ReaderOptions.TimeProvider is null)
        {
            options.ReaderOptions.TimeProvider = _clock;
        }

        return new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), options);
    }
}
