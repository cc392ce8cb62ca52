using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Encodings.Web;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>The markup of &lt;tribe-sso-embed&gt;, rendered as Razor renders it.</summary>
public class TribeSsoEmbedTagHelperTests
{
    [Test]
    public void Path_BecomesAnIframeOnThePartnersEndpoint_WithAccessibleDefaults()
    {
        var html = Render(new TribeSsoEmbedTagHelper { Path = "/embed/space/whats-new?readonly=false&header=true", SsoEndpoint = "/community/sso" });

        html.Should().Be("<iframe src=\"/community/sso?redirect=/embed/space/whats-new%3Freadonly%3Dfalse%26header%3Dtrue\" title=\"Community\" width=\"100%\" height=\"600\"></iframe>");
    }

    [Test]
    public async Task TypedPage_AndTheAppsOnlySsoEndpoint()
    {
        await using var app = await TribeSsoEmbedTests.SingleEndpointAppAsync();

        var html = Render(new TribeSsoEmbedTagHelper { Page = TribeEmbed.Post("7YLkAXyezVhHloA").WithHeader(false) }, services: app.Services);

        html.Should().StartWith("<iframe src=\"/community/sso?redirect=/embed/post/7YLkAXyezVhHloA%3Fheader%3Dfalse\"");
    }

    [Test]
    public void OtherAttributes_AreKept_AndEncoded()
    {
        var attributes = new TagHelperAttributeList
        {
            { "title", "Jane's \"space\" <3" },
            { "class", "frame" },
            { "loading", "lazy" },
            { "height", "800" },
        };

        var html = Render(new TribeSsoEmbedTagHelper { Path = "/embed", SsoEndpoint = "/community/sso" }, attributes);

        html.Should().Be("<iframe title=\"Jane&#x27;s &quot;space&quot; &lt;3\" class=\"frame\" loading=\"lazy\" height=\"800\" src=\"/community/sso?redirect=/embed\" width=\"100%\"></iframe>");
    }

    [Test]
    public void MarkupInThePath_CannotBreakOutOfTheAttribute()
    {
        var html = Render(new TribeSsoEmbedTagHelper { Path = "/embed/search?q=\"><script>alert(1)</script>", SsoEndpoint = "/community/sso" });

        html.Should().Be("<iframe src=\"/community/sso?redirect=/embed/search%3Fq%3D%22%3E%3Cscript%3Ealert%281%29%3C/script%3E\" title=\"Community\" width=\"100%\" height=\"600\"></iframe>");
    }

    [TestCase("//evil.example")]
    [TestCase("https://evil.example/embed")]
    [TestCase("/%2F%2Fevil.example")]
    public void UnsafePath_IsRefused(string path)
    {
        var act = () => Render(new TribeSsoEmbedTagHelper { Path = path, SsoEndpoint = "/community/sso" });

        act.Should().Throw<TribeSsoRedirectException>();
    }

    [Test]
    public void NeitherPathNorPage_SaysWhatToSet()
    {
        var act = () => Render(new TribeSsoEmbedTagHelper { SsoEndpoint = "/community/sso" });

        act.Should().Throw<InvalidOperationException>().WithMessage("<tribe-sso-embed> needs exactly one of path=\"/embed/space/whats-new\" and page=\"TribeEmbed.Space(...)\".");
    }

    [Test]
    public void BothPathAndPage_AreRefused()
    {
        var act = () => Render(new TribeSsoEmbedTagHelper { Path = "/embed", Page = TribeEmbed.Community(), SsoEndpoint = "/community/sso" });

        act.Should().Throw<InvalidOperationException>();
    }

    [Test]
    public void TargetsItsElementWithoutAnEndTag()
    {
        var target = (HtmlTargetElementAttribute)Attribute.GetCustomAttribute(typeof(TribeSsoEmbedTagHelper), typeof(HtmlTargetElementAttribute))!;

        target.Tag.Should().Be("tribe-sso-embed");
        target.TagStructure.Should().Be(TagStructure.WithoutEndTag);
    }

    private static string Render(TribeSsoEmbedTagHelper helper, TagHelperAttributeList? attributes = null, IServiceProvider? services = null)
    {
        attributes ??= new TagHelperAttributeList();
        var http = new DefaultHttpContext();
        if (services is not null)
        {
            http.RequestServices = services;
        }

        helper.ViewContext = new ViewContext { HttpContext = http };
        var context = new TagHelperContext("tribe-sso-embed", new TagHelperAttributeList(attributes), new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput("tribe-sso-embed", attributes, (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent())) { TagMode = TagMode.SelfClosing };

        helper.Process(context, output);

        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
