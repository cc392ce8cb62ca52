using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>How an embed finds, or is told, the SSO endpoint its iframe loads: never another community's, never a target lost.</summary>
public class EmbedEndpointDiscoveryTests
{
    [Test]
    public async Task FrameSource_DefaultEndpointOnlyUnderAGroupWithParameters_IsAnErrorNotTheNamedCommunitysEndpoint()
    {
        await using var app = TwoCommunities();
        app.MapGroup("/{tenant}").MapTribeSso("/community/sso");
        app.MapTribeSso("/acme/sso").ForCommunity("acme");
        await app.StartAsync();
        var context = new DefaultHttpContext { RequestServices = app.Services };

        var act = () => TribeSsoEmbed.FrameSource(context, TribeEmbed.Community());

        act.Should().Throw<InvalidOperationException>().WithMessage(
            "An embed loads the app's MapTribeSso endpoint, and the default community's has route parameters (/{tenant}/community/sso), so its address is not known. Name the endpoint the embed loads: sso-endpoint=\"/community/sso\" on <tribe-sso-embed>, or TribeSsoEmbedOptions.SsoEndpoint.");
        TribeSsoEmbed.FrameSource(context, TribeEmbed.Community(), "/t1/community/sso").Should().Be("/t1/community/sso?redirect=/embed");
    }

    [Test]
    public async Task FrameSource_OnlyANamedCommunityMapped_IsThatCommunitysEndpoint()
    {
        await using var app = TwoCommunities();
        app.MapTribeSso("/acme/sso").ForCommunity("acme");
        await app.StartAsync();
        var context = new DefaultHttpContext { RequestServices = app.Services };

        TribeSsoEmbed.FrameSource(context, TribeEmbed.Community()).Should().Be("/acme/sso?redirect=/embed");
    }

    [TestCase("/community/sso#x")]
    [TestCase("/community/sso?redirect=/admin")]
    [TestCase("/community/sso?redirect_uri=/admin")]
    [TestCase("/community/sso?Redirect=/admin")]
    [TestCase("/community/sso?tenant=a&redirec%74=/admin")]
    public void FrameSource_NamedEndpointWithAFragmentOrARedirectOfItsOwn_IsRefused(string endpoint)
    {
        var context = new DefaultHttpContext();

        var act = () => TribeSsoEmbed.FrameSource(context, TribeEmbed.Community(), endpoint);

        act.Should().Throw<ArgumentException>().WithMessage("The SSO endpoint of an embed must be*");
    }

    [Test]
    public void FrameSource_NamedEndpointWithAnotherQueryParameter_KeepsItAndAddsTheTarget()
    {
        var context = new DefaultHttpContext();

        TribeSsoEmbed.FrameSource(context, TribeEmbed.Community(), "/community/sso?tenant=a").Should().Be("/community/sso?tenant=a&redirect=/embed");
    }

    [Test]
    public async Task FrameSource_SeveralDefaultEndpointsWithParameters_AreAllNamed()
    {
        await using var app = TwoCommunities();
        app.MapGroup("/{tenant}").MapTribeSso("/community/sso");
        app.MapGroup("/{region}").MapTribeSso("/sso");
        await app.StartAsync();
        var context = new DefaultHttpContext { RequestServices = app.Services };

        var act = () => TribeSsoEmbed.FrameSource(context, TribeEmbed.Community());

        act.Should().Throw<InvalidOperationException>().WithMessage("*route parameters (/{tenant}/community/sso, /{region}/sso), so its address is not known.*");
    }

    [Test]
    public async Task FrameSource_EndpointUnderAGroupBuiltFromSegments_IsFoundByItsPath()
    {
        await using var app = TwoCommunities();
        app.MapGroup(Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Pattern(
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.Segment(Microsoft.AspNetCore.Routing.Patterns.RoutePatternFactory.LiteralPart("t1")))).MapTribeSso("/community/sso");
        await app.StartAsync();
        var context = new DefaultHttpContext { RequestServices = app.Services };

        TribeSsoEmbed.FrameSource(context, TribeEmbed.Community()).Should().Be("/t1/community/sso?redirect=/embed");
    }

    [Test]
    public void TagHelper_OutsideARazorView_SaysWhereItRenders()
    {
        var helper = new TribeSsoEmbedTagHelper { Path = "/embed" };
        var output = new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperOutput("tribe-sso-embed", new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperAttributeList(), (_, _) => Task.FromResult<Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContent>(new Microsoft.AspNetCore.Razor.TagHelpers.DefaultTagHelperContent()));
        var context = new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContext(new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperAttributeList(), new System.Collections.Generic.Dictionary<object, object>(), "id");

        var act = () => helper.Process(context, output);

        act.Should().Throw<InvalidOperationException>().WithMessage("<tribe-sso-embed> renders only inside a Razor view or page.");
    }

    private static WebApplication TwoCommunities()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddAuthentication().AddCookie();
        builder.Services.AddTribeSso(o => { o.CommunityUrl = new Uri("https://community.example.com"); o.PrivateKey = TestKeys.Primary; });
        builder.Services.AddTribeSso("acme", o => { o.CommunityUrl = new Uri("https://acme.example.com"); o.PrivateKey = TestKeys.Other; });
        return builder.Build();
    }
}
