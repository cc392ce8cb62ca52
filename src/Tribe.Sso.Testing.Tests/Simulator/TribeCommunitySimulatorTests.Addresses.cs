using System;

namespace Tribe.Sso.Testing.Tests.Simulator;

// Where pages are served: the base path, mistyped SSO addresses and methods other than GET.
public partial class TribeCommunitySimulatorTests
{
    [Test]
    public void BasePath_PrefixesRedirectsLinksAndTheCookie_AndOtherAddressesAre404()
    {
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions { BasePath = "/community-sim", ReaderOptions = new TribeSsoTokenReaderOptions { TimeProvider = _clock } });
        var link = Issuers.WithClock(_clock, Options("http://127.0.0.1:5080/community-sim")).CreateLoginUrl(Issuers.Jane(), "/answers");

        var response = simulator.Handle("GET", link.ToUri().PathAndQuery);

        response.GetHeader("Location").Should().Be("/community-sim/answers");
        response.GetHeader("Set-Cookie").Should().Contain("; Path=/community-sim;");
        simulator.Handle("GET", "/community-sim", Session(response)).Body.Should().Contain("<a id=\"log-out\" href=\"/community-sim/auth/logout\">");
        simulator.Handle("GET", "/answers").StatusCode.Should().Be(404);
        simulator.Handle("GET", "/community-simulator").StatusCode.Should().Be(404);
    }

    [TestCase("/auth/sso/?jwt=")]
    [TestCase("/Auth/SSO?jwt=")]
    [TestCase("/API/AUTH/SSO?jwt=")]
    [TestCase("/api/auth/sso/?redirect_uri=%2Fanswers&jwt=")]
    [TestCase("/auth/ssox?jwt=")]
    [TestCase("/auth/Logout?jwt=")]
    [TestCase("/auth%2Fsso?jwt=")]
    [TestCase("/api?jwt=")]
    public void MistypedSsoAddress_Is404_WithoutEchoingTheToken(string address)
    {
        var token = _issuer.CreateToken(Issuers.Jane());

        var response = _simulator.Handle("GET", address + token);

        response.StatusCode.Should().Be(404);
        Text(response, "no-such-sso-address").Should().Be("no such SSO address; the community serves /auth/sso and /api/auth/sso");
        response.Body.Should().NotContain(token.Split('.')[2]).And.NotContain("eyJ");
        _simulator.SignIns.Should().BeEmpty();
    }

    [TestCase("POST", "/")]
    [TestCase("PUT", "/auth/sso")]
    [TestCase("DELETE", "/spaces/general")]
    public void OtherMethodsOnPages_Are405(string method, string path)
        => _simulator.Handle(method, path).StatusCode.Should().Be(405);

    [TestCase("/community-sim/")]
    [TestCase("community")]
    [TestCase("/community?x")]
    [TestCase("/community#x")]
    public void BadBasePath_IsRefused(string basePath)
    {
        var act = () => new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions { BasePath = basePath });

        act.Should().Throw<ArgumentException>().WithMessage("BasePath must be empty or a path without a trailing '/', such as /community-sim.*");
    }

    [TestCase("", "/spaces/general")]
    [TestCase("/community-sim", "/community-sim/spaces/general")]
    [TestCase("/a/b", "/a/b/spaces/general")]
    public void GoodBasePath_ServesPagesUnderIt(string basePath, string address)
    {
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions { BasePath = basePath });

        var page = simulator.Handle("GET", address);

        page.StatusCode.Should().Be(200);
        Text(page, "page").Should().Be("/spaces/general");
    }

    private static TribeSsoOptions Options(string community)
    {
        var options = Issuers.Options();
        options.CommunityUrl = new Uri(community);
        return options;
    }
}
