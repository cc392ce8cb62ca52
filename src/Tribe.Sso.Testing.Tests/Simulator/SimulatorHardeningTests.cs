using System;
using System.Linq;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using static Tribe.Sso.Testing.Tests.Simulator.SimulatorResponses;

namespace Tribe.Sso.Testing.Tests.Simulator;

/// <summary>What a hostile page or a long test run could do to the simulated community, and what it answers.</summary>
public class SimulatorHardeningTests
{
    private FakeTimeProvider _clock = null!;
    private TribeCommunitySimulator _simulator = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = TestClock.Create();
        _simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions { ReaderOptions = new TribeSsoTokenReaderOptions { TimeProvider = _clock } });
    }

    [Test]
    public void Sessions_KeepTheLast1000_LikeTheSignInLog()
    {
        var link = Issuers.WithClock(_clock).CreateLoginUrl(Issuers.Jane()).ToUri().PathAndQuery;
        var sessions = Enumerable.Range(0, 1002).Select(_ => Session(_simulator.Handle("GET", link))).ToList();

        var oldest = _simulator.Handle("GET", "/answers", sessions[0]);
        var secondOldest = _simulator.Handle("GET", "/answers", sessions[1]);
        var thirdOldest = _simulator.Handle("GET", "/answers", sessions[2]);
        var newest = _simulator.Handle("GET", "/answers", sessions[1001]);

        oldest.Body.Should().Contain("id=\"signed-out\"", "the oldest of 1,002 sessions is dropped");
        secondOldest.Body.Should().Contain("id=\"signed-out\"", "and then the next oldest, not the oldest again");
        Text(thirdOldest, "name").Should().Be("Jane Doe");
        Text(newest, "name").Should().Be("Jane Doe");
    }

    [Test]
    public void Sessions_ThatEnded_AreNotEvictedInsteadOfALiveOne()
    {
        var link = Issuers.WithClock(_clock).CreateLoginUrl(Issuers.Jane()).ToUri().PathAndQuery;
        _simulator.Handle("GET", "/auth/logout", Session(_simulator.Handle("GET", link)));

        var sessions = Enumerable.Range(0, 1001).Select(_ => Session(_simulator.Handle("GET", link))).ToList();

        _simulator.Handle("GET", "/answers", sessions[0]).Body.Should().Contain("id=\"signed-out\"", "1,001 live sessions: the oldest live one is dropped");
        Text(_simulator.Handle("GET", "/answers", sessions[1]), "name").Should().Be("Jane Doe");
    }

    [Test]
    public void Sessions_FromBeforeAReset_AreNotEvictedInsteadOfALiveOne()
    {
        var link = Issuers.WithClock(_clock).CreateLoginUrl(Issuers.Jane()).ToUri().PathAndQuery;
        Session(_simulator.Handle("GET", link)).Should().NotBeEmpty();
        _simulator.Reset();

        var sessions = Enumerable.Range(0, 1001).Select(_ => Session(_simulator.Handle("GET", link))).ToList();

        _simulator.Handle("GET", "/answers", sessions[0]).Body.Should().Contain("id=\"signed-out\"", "1,001 sessions since the reset: the oldest of them is dropped");
        Text(_simulator.Handle("GET", "/answers", sessions[1]), "name").Should().Be("Jane Doe");
    }

    [Test]
    public void Sessions_ThatEnded_DoNotCountTowardsTheCap()
    {
        var link = Issuers.WithClock(_clock).CreateLoginUrl(Issuers.Jane()).ToUri().PathAndQuery;
        var first = Session(_simulator.Handle("GET", link));
        for (var i = 0; i < 1000; i++)
        {
            _simulator.Handle("GET", "/auth/logout", Session(_simulator.Handle("GET", link)));
        }

        Text(_simulator.Handle("GET", "/answers", first), "name").Should().Be("Jane Doe");
    }

    [TestCase("//evil.example")]
    [TestCase("/a\r\nSet-Cookie: x=1")]
    [TestCase("/a\nb")]
    [TestCase("/a;b")]
    [TestCase("/café")]
    [TestCase("/a b")]
    [TestCase("/a\\b")]
    [TestCase("/a//b")]
    [TestCase("/a/../b")]
    [TestCase("/.")]
    [TestCase("/a%2Fb")]
    public void BasePath_ThatCouldLeadOffTheSimulatorOrBreakAHeader_IsRefused(string basePath)
    {
        var act = () => new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), new TribeCommunitySimulatorOptions { BasePath = basePath });

        act.Should().Throw<ArgumentException>().WithMessage("BasePath must be empty or a path without a trailing '/', such as /community-sim. Each segment is ASCII letters, digits, '-', '.', '_' or '~' (not . or ..)*");
    }

    [TestCase("http://127.0.0.1:5190/auth/sso?jwt={0}&redirect=%2Fanswers", "/answers")]
    [TestCase("HTTP://LOCALHOST:5190/auth/sso?jwt={0}", "/")]
    [TestCase("http://[::1]/auth/sso?jwt={0}&redirect=%2Fa%3Fb%3D1", "/a?b=1")]
    public void AbsoluteFormTarget_IsHandledAsItsPath(string target, string location)
    {
        var response = _simulator.Handle("GET", string.Format(System.Globalization.CultureInfo.InvariantCulture, target, Token()));

        response.StatusCode.Should().Be(302);
        response.GetHeader("Location").Should().Be(location);
    }

    [TestCase("http://127.0.0.1:5190", "/")]
    [TestCase("http://127.0.0.1:5190?x=1", "/?x=1")]
    [TestCase("http://localhost/spaces/general", "/spaces/general")]
    public void AbsoluteFormTarget_WithoutOrWithAPath_ShowsThatPage(string target, string page)
        => Text(_simulator.Handle("GET", target), "page").Should().Be(page);

    [TestCase("127.0.0.1:5190")]
    [TestCase("127.0.0.1")]
    [TestCase("127.1.2.3:80")]
    [TestCase("localhost:5190")]
    [TestCase("LocalHost")]
    [TestCase("partner.localhost:5080")]
    [TestCase("[::1]:5190")]
    [TestCase("[::1]")]
    [TestCase("")]
    public void LoopbackHost_IsServed(string host)
    {
        var response = _simulator.Handle(new TribeCommunitySimulatorRequest("GET", "/_simulator/members") { Host = host });

        response.StatusCode.Should().Be(200);
        response.Body.Should().Be("[]");
    }

    [TestCase("evil.example")]
    [TestCase("evil.example:5190")]
    [TestCase("127.0.0.1.evil.example")]
    [TestCase("localhost.evil.example")]
    [TestCase("localhost.")]
    [TestCase("192.168.1.20:5190")]
    [TestCase("[::1")]
    [TestCase("127.0.0.1:port")]
    [TestCase("127.0.0.1:5190:1")]
    [TestCase("[::ffff:10.0.0.1]:5190")]
    public void ForeignHost_Is403_WithoutTheMembers(string host)
    {
        _simulator.Community.AddMember("jane@example.com", "Jane Doe", "42");

        var response = _simulator.Handle(new TribeCommunitySimulatorRequest("GET", "/_simulator/members") { Host = host });

        response.StatusCode.Should().Be(403);
        response.Body.Should().NotContain("jane@example.com").And.NotContain("evil.example", "the refusal does not echo the host");
        Text(response, "host-refused").Should().Be("This simulated community answers only requests for a loopback name (localhost, 127.0.0.1, [::1]), so a page on another site cannot read it through DNS rebinding.");
    }

    [Test]
    public void AbsoluteFormTarget_WithAForeignAuthority_Is403()
    {
        _simulator.Community.AddMember("jane@example.com", "Jane Doe", "42");

        var response = _simulator.Handle("GET", "http://evil.example/_simulator/members");

        response.StatusCode.Should().Be(403);
        response.Body.Should().NotContain("jane@example.com");
    }

    [Test]
    public void Request_CarriesTheSessionAndBody_ToTheSamePages()
    {
        var session = Session(_simulator.Handle("GET", "/auth/sso?jwt=" + Token()));

        var page = _simulator.Handle(new TribeCommunitySimulatorRequest("GET", "/answers") { Host = "localhost", SessionCookie = session });
        var seeded = _simulator.Handle(new TribeCommunitySimulatorRequest("POST", "/_simulator/members") { Body = "{\"email\":\"sam@example.com\",\"name\":\"Sam\"}" });

        Text(page, "name").Should().Be("Jane Doe");
        seeded.StatusCode.Should().Be(201);
    }

    [Test]
    public void Request_WithoutMethodOrTarget_IsRefused()
    {
        new Func<object>(() => new TribeCommunitySimulatorRequest(null!, "/")).Should().Throw<ArgumentNullException>();
        new Func<object>(() => new TribeCommunitySimulatorRequest("GET", null!)).Should().Throw<ArgumentNullException>();
        _simulator.Invoking(s => s.Handle(null!)).Should().Throw<ArgumentNullException>();
    }

    [Test]
    public void AnyHostAndAbsoluteTarget_GetsAResponse_NeverAnException()
    {
        var text = Gen.String[Gen.Char, 0, 30];
        var hostPieces = Gen.OneOf(Gen.Const("localhost"), Gen.Const("127.0.0.1"), Gen.Const("["), Gen.Const("]"), Gen.Const("::1"), Gen.Const(":"), Gen.Const("."), Gen.Const("@"), Gen.Const("%"), Gen.Const("5190"), text);
        var host = hostPieces.Array[0, 5].Select(p => string.Concat(p));
        var targetPieces = Gen.OneOf(Gen.Const("http://"), Gen.Const("HTTPS://"), Gen.Const("/auth/sso?jwt="), Gen.Const("&redirect_uri="), Gen.Const("&redirect="), Gen.Const("/_simulator/members"), Gen.Const("?"), Gen.Const("#"), host);
        var target = targetPieces.Array[0, 6].Select(p => string.Concat(p));

        Fuzz.Run(Gen.Select(target, host.Null()), t =>
        {
            var response = _simulator.Handle(new TribeCommunitySimulatorRequest("GET", t.Item1) { Host = t.Item2 });
            response.StatusCode.Should().BeOneOf(200, 302, 401, 403, 404);
            response.Headers.Should().OnlyContain(h => h.Value.All(c => c >= 0x20 && c < 0x7F), "a header carries printable ASCII only");
        });
    }

    private string Token() => Issuers.WithClock(_clock).CreateToken(Issuers.Jane());
}
