using System;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Http;
using Tribe.Sso.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>TribeSsoEmbed: one call renders a signed-in embed whose token is minted when the iframe loads.</summary>
public class TribeSsoEmbedTests
{
    private PartnerApp _app = null!;

    [SetUp]
    public async Task SetUp() => _app = await PartnerApp.StartAsync(app =>
    {
        app.MapGet("/embedded", (HttpContext context) => Results.Content(
            "<!doctype html><h1>What's new</h1>" + TribeSsoEmbed.Iframe(context, TribeEmbed.Space("whats-new").WithReadOnly(false).WithHeader(true).WithComposer(true).WithAbout(true), new TribeSsoEmbedOptions { SsoEndpoint = "/community/sso" }),
            "text/html"));
        app.MapGet("/embedded-named", (HttpContext context) => Results.Content(
            TribeSsoEmbed.Iframe(context, TribeEmbed.Post("7YLkAXyezVhHloA"), new TribeSsoEmbedOptions { SsoEndpoint = "/community/sso-with-groups", Title = "Jane's \"post\" <3", Width = null, Height = "400", CssClass = "community frame" }).ToString(),
            "text/html"));
    });

    [TearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [Test]
    public async Task EmbeddedPage_PointsTheIframeAtThePartnersOwnEndpoint_AndHoldsNoToken()
    {
        await SignInAsJane();

        var page = await _app.Client.GetStringAsync("/embedded");

        page.Should().Contain("<iframe src=\"/community/sso?redirect=/embed/space/whats-new%3Freadonly%3Dfalse%26header%3Dtrue%26composer%3Dtrue%26about%3Dtrue\" title=\"Community\" width=\"100%\" height=\"600\"></iframe>");
        page.Should().NotContain("jwt").And.NotContain("eyJ").And.NotContain("community.example.com");
    }

    [Test]
    public async Task LoadingTheIframe_MintsTheToken_AndOpensTheEmbedPageSignedIn()
    {
        await SignInAsJane();
        var page = await _app.Client.GetStringAsync("/embedded");
        var src = WebUtility.HtmlDecode(Regex.Match(page, "<iframe src=\"([^\"]+)\"").Groups[1].Value);

        var frame = await _app.Client.GetAsync(src);

        frame.StatusCode.Should().Be(HttpStatusCode.Redirect);
        frame.Headers.CacheControl!.NoStore.Should().BeTrue();
        var signIn = new InMemoryTribeCommunity(TribeSsoKey.FromString(TestKeys.Primary), _app.Clock).SignIn(frame.Headers.Location!);
        signIn.Outcome.Should().Be(TribeSsoSignInOutcome.Created);
        signIn.RedirectPath.Should().Be("/embed/space/whats-new?readonly=false&header=true&composer=true&about=true");
    }

    [Test]
    public async Task Options_AreHtmlEncoded_AndANullSizeIsLeftOut()
    {
        var page = await _app.Client.GetStringAsync("/embedded-named");

        page.Should().Be("<iframe src=\"/community/sso-with-groups?redirect=/embed/post/7YLkAXyezVhHloA\" title=\"Jane&#x27;s &quot;post&quot; &lt;3\" height=\"400\" class=\"community frame\"></iframe>");
    }

    [Test]
    public void SeveralSsoEndpoints_WithoutANamedOne_SaySoAndHowToFixIt()
    {
        var context = new DefaultHttpContext { RequestServices = _app.App.Services };

        var act = () => TribeSsoEmbed.Iframe(context, TribeEmbed.Community());

        act.Should().Throw<InvalidOperationException>().WithMessage("An embed loads the app's MapTribeSso endpoint, and 2 are mapped (/community/sso, /community/sso-with-groups). Name the endpoint the embed loads: sso-endpoint=\"/community/sso\" on <tribe-sso-embed>, or TribeSsoEmbedOptions.SsoEndpoint.");
    }

    [Test]
    public async Task OneSsoEndpoint_IsFound_UnderThePathBase()
    {
        await using var app = await SingleEndpointAppAsync();
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Request.PathBase = "/partner";

        TribeSsoEmbed.FrameSource(context, TribeEmbed.Community()).Should().Be("/partner/community/sso?redirect=/embed");
    }

    [Test]
    public async Task NoSsoEndpoint_SaysHowToMapOne()
    {
        await using var app = Slim();
        app.MapTribeSso("/community/sign-up").WithSignUpPage("/register");
        await app.StartAsync();
        var context = new DefaultHttpContext { RequestServices = app.Services };

        var act = () => TribeSsoEmbed.FrameSource(context, TribeEmbed.Community());

        act.Should().Throw<InvalidOperationException>().WithMessage("*none is mapped*app.MapTribeSso(\"/community/sso\")*");
    }

    [Test]
    public async Task NamedCommunityEndpoints_DoNotHideTheDefaultOne()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuthentication().AddCookie();
        builder.Services.AddTribeSso(o => { o.CommunityUrl = new Uri("https://community.example.com"); o.PrivateKey = TestKeys.Primary; });
        builder.Services.AddTribeSso("acme", o => { o.CommunityUrl = new Uri("https://acme.example.com"); o.PrivateKey = TestKeys.Other; });
        await using var app = builder.Build();
        app.MapTribeSso("/acme/sso").ForCommunity("acme");
        app.MapTribeSso("/community/sso");
        await app.StartAsync();
        var context = new DefaultHttpContext { RequestServices = app.Services };

        TribeSsoEmbed.FrameSource(context, TribeEmbed.Community()).Should().Be("/community/sso?redirect=/embed");
        TribeSsoEmbed.FrameSource(context, TribeEmbed.Community(), "/acme/sso").Should().Be("/acme/sso?redirect=/embed");
    }

    [TestCase("community/sso")]
    [TestCase("//evil.example/sso")]
    [TestCase("https://evil.example/sso")]
    public void NamedSsoEndpoint_MustBeALocalPath(string endpoint)
    {
        var context = new DefaultHttpContext();

        var act = () => TribeSsoEmbed.FrameSource(context, TribeEmbed.Community(), endpoint);

        act.Should().Throw<ArgumentException>().WithMessage("The SSO endpoint of an embed must be a path of this app*");
    }

    /// <summary>An app with one plain MapTribeSso endpoint among others, started (endpoints are routable from then on).</summary>
    internal static async Task<WebApplication> SingleEndpointAppAsync()
    {
        var app = Slim();
        app.MapTribeSso("/community/sso");
        app.MapTribeSso("/community/sign-up").WithSignUpPage("/register");
        app.MapTribeSso("/{tenant}/sso");
        await app.StartAsync();
        return app;
    }

    private static WebApplication Slim()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuthentication().AddCookie();
        builder.Services.AddTribeSso(o => { o.CommunityUrl = new Uri("https://community.example.com"); o.PrivateKey = TestKeys.Primary; });
        return builder.Build();
    }

    private async Task SignInAsJane() => (await _app.Client.GetAsync("/login?user=jane")).StatusCode.Should().Be(HttpStatusCode.Redirect);
}
