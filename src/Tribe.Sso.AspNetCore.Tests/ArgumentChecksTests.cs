using System;
using System.Collections.Generic;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>
/// Every public entry point names the argument it refuses, checked in parameter order: passing every argument null
/// names the first, so each check is seen doing its own work, not left to a later one or to the framework.
/// </summary>
public class ArgumentChecksTests
{
    [Test]
    public void AddTribeSso_WithASection_NamesServicesThenSection()
    {
        Check(() => TribeSsoServiceCollectionExtensions.AddTribeSso(null!, (IConfiguration)null!), "services");
        Check(() => new ServiceCollection().AddTribeSso((IConfiguration)null!), "section");
    }

    [Test]
    public void AddTribeSso_WithADelegate_NamesServicesThenConfigure()
    {
        Check(() => TribeSsoServiceCollectionExtensions.AddTribeSso(null!, (Action<TribeSsoCommunityOptions>)null!), "services");
        Check(() => new ServiceCollection().AddTribeSso((Action<TribeSsoCommunityOptions>)null!), "configure");
    }

    [Test]
    public void AddTribeSso_NamedWithASection_NamesServicesThenNameThenSection()
    {
        Check(() => TribeSsoServiceCollectionExtensions.AddTribeSso(null!, null!, (IConfiguration)null!), "services");
        Check(() => new ServiceCollection().AddTribeSso(null!, (IConfiguration)null!), "name");
        Check(() => new ServiceCollection().AddTribeSso("acme", (IConfiguration)null!), "section");
    }

    [Test]
    public void AddTribeSso_NamedWithADelegate_NamesServicesThenNameThenConfigure()
    {
        Check(() => TribeSsoServiceCollectionExtensions.AddTribeSso(null!, null!, (Action<TribeSsoCommunityOptions>)null!), "services");
        Check(() => new ServiceCollection().AddTribeSso(null!, (Action<TribeSsoCommunityOptions>)null!), "name");
        Check(() => new ServiceCollection().AddTribeSso("acme", (Action<TribeSsoCommunityOptions>)null!), "configure");
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("acme corp")]
    public void AddTribeSso_NamedWithAnInvalidName_IsRefusedBeforeAnythingIsRegistered(string community)
    {
        var services = new ServiceCollection();

        var act = () => services.AddTribeSso(community, _ => { });

        act.Should().ThrowExactly<ArgumentException>().WithParameterName("name");
        services.Should().BeEmpty();
    }

    [Test]
    public void AddTribeSsoMembers_NamesServicesThenTheCommunitySection()
    {
        Check(() => TribeSsoMembersServiceCollectionExtensions.AddTribeSsoMembers(null!, null!), "services");
        Check(() => new ServiceCollection().AddTribeSsoMembers(null!), "communitySection");
        Check(() => TribeSsoMembersServiceCollectionExtensions.AddTribeSsoMembers(null!, null!, null!), "services");
        Check(() => new ServiceCollection().AddTribeSsoMembers(null!, null!), "name");
        Check(() => new ServiceCollection().AddTribeSsoMembers("acme", null!), "communitySection");
    }

    [Test]
    public void HealthChecks_NameTheBuilder()
    {
        Check(() => TribeSsoHealthChecksBuilderExtensions.AddTribeSso(null!), "builder");
        Check(() => TribeSsoHealthChecksBuilderExtensions.AddTribeSsoWebhooks(null!), "builder");
    }

    [Test]
    public void MapTribeSso_NamesEndpointsThenPatternThenMapUser()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        Check(() => TribeSsoEndpointRouteBuilderExtensions.MapTribeSso(null!, null!, (Func<ClaimsPrincipal, HttpContext, ValueTask<TribeSsoUser>>)null!), "endpoints");
        Check(() => app.MapTribeSso(null!, (Func<ClaimsPrincipal, HttpContext, ValueTask<TribeSsoUser>>)null!), "pattern");
        Check(() => app.MapTribeSso("/community/sso", (Func<ClaimsPrincipal, HttpContext, ValueTask<TribeSsoUser>>)null!), "mapUser");
        Check(() => app.MapTribeSso("/community/sso", (Func<ClaimsPrincipal, TribeSsoUser>)null!), "mapUser");
    }

    [Test]
    public void MapTribeSsoLink_NamesEndpointsThenPatternThenMapUser()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        Check(() => TribeSsoLinkEndpointRouteBuilderExtensions.MapTribeSsoLink(null!, null!, (Func<ClaimsPrincipal, HttpContext, ValueTask<TribeSsoUser>>)null!), "endpoints");
        Check(() => app.MapTribeSsoLink(null!, (Func<ClaimsPrincipal, HttpContext, ValueTask<TribeSsoUser>>)null!), "pattern");
        Check(() => app.MapTribeSsoLink("/community/link", (Func<ClaimsPrincipal, HttpContext, ValueTask<TribeSsoUser>>)null!), "mapUser");
        Check(() => app.MapTribeSsoLink("/community/link", (Func<ClaimsPrincipal, TribeSsoUser>)null!), "mapUser");
    }

    [Test]
    public void MapTribeSsoLogout_ChecksItsArgumentsBeforeRunningTheDelegate()
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        var configured = 0;
        Action<TribeSsoLogoutOptions> configure = _ => configured++;

        Check(() => TribeSsoLogoutEndpointRouteBuilderExtensions.MapTribeSsoLogout(null!, "/community/logout", configure), "endpoints");
        Check(() => app.MapTribeSsoLogout(null!, configure), "pattern");
        Check(() => app.MapTribeSsoLogout("/community/logout", null!), "configure");

        configured.Should().Be(0);
    }

    [Test]
    public void MapTribeSsoLogout_WithoutADefaultPage_NamesTheDelegate()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        Check(() => app.MapTribeSsoLogout("/community/logout", o => o.DefaultRedirectPath = null!), "configure");
    }

    [Test]
    public void WithSignUpPage_NamesBuilderThenPathThenParameter()
    {
        var app = WebApplication.CreateSlimBuilder().Build();
        var endpoint = app.MapGet("/x", () => "x");

        Check(() => TribeSsoSignUpEndpointExtensions.WithSignUpPage<IEndpointConventionBuilder>(null!, null!, null!), "builder");
        Check(() => endpoint.WithSignUpPage(null!, null!), "signUpPath");
        Check(() => endpoint.WithSignUpPage("/account/register", null!), "returnUrlParameter");
    }

    [Test]
    public void ForCommunity_NamesTheName()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        Check(() => app.MapTribeSso("/community/sso").ForCommunity(null!), "name");
        var act = () => app.MapTribeSso("/community/sso2").ForCommunity(" ");
        act.Should().ThrowExactly<ArgumentException>().WithParameterName("name");
    }

    [Test]
    public void ClaimsMapping_NamesThePrincipal()
        => Check(() => TribeSsoClaimsMapping.FromStandardClaims(null!), "principal");

    [Test]
    public void Embed_NamesContextThenPage()
    {
        var context = new DefaultHttpContext();

        Check(() => TribeSsoEmbed.Iframe(null!, null!), "context");
        Check(() => TribeSsoEmbed.Iframe(context, null!), "page");
        Check(() => TribeSsoEmbed.FrameSource(context, null!), "page");
        Check(() => TribeSsoEmbed.FrameSource(null!, TribeEmbed.Community(), "/community/sso"), "context");
    }

    [Test]
    public void EmbedTagHelper_NamesTheOutput()
    {
        var helper = new TribeSsoEmbedTagHelper { ViewContext = new ViewContext { HttpContext = new DefaultHttpContext() } };
        var context = new TagHelperContext(new TagHelperAttributeList(), new Dictionary<object, object>(), "id");

        Check(() => helper.Process(context, null!), "output");
    }

    private static void Check(Action act, string parameter)
        => act.Should().ThrowExactly<ArgumentNullException>().WithParameterName(parameter);
}
