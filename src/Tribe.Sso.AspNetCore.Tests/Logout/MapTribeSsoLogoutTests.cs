using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>MapTribeSsoLogout, the community's Logout URL, through real HTTP, for navigations from the site itself (<c>Sec-Fetch-Site: same-origin</c>).</summary>
public class MapTribeSsoLogoutTests
{
    private PartnerApp _app = null!;

    [SetUp]
    public async Task SetUp() => _app = await PartnerApp.StartAsync(app =>
    {
        app.MapTribeSsoLogout("/community/logout");
        app.MapTribeSsoLogout("/community/logout-goodbye", o => o.DefaultRedirectPath = "/goodbye?from=community");
    });

    [TearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [Test]
    public async Task SignedInUser_IsSignedOut_AndLandsOnTheHomePage()
    {
        await SignInAsJane();

        var response = await _app.Client.GetAsync("/community/logout");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith(".AspNetCore.Cookies=;", StringComparison.Ordinal), "the session cookie is deleted");
        (await _app.Client.GetAsync("/community/sso")).Headers.Location!.OriginalString.Should().StartWith("http://127.0.0.1").And.Contain("/login?ReturnUrl=", "the Authorization URL no longer signs the member straight back in");
    }

    [Test]
    public async Task AnonymousVisitor_LandsOnTheHomePage()
    {
        var response = await _app.Client.GetAsync("/community/logout");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
    }

    [TestCase("redirect", "/goodbye")]
    [TestCase("redirect_uri", "/help/faq?tab=sso#logout")]
    [TestCase("redirect", "/caf%C3%A9")]
    public async Task SafeLocalTarget_IsWhereTheUserLands(string parameter, string target)
    {
        await SignInAsJane();

        var response = await _app.Client.GetAsync("/community/logout?" + parameter + "=" + Uri.EscapeDataString(target));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be(target);
    }

    [Test]
    public async Task NonAsciiTarget_IsPercentEncodedInTheLocationHeader()
    {
        var response = await _app.Client.GetAsync("/community/logout?redirect=" + Uri.EscapeDataString("/café?q=thé"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/caf%C3%A9?q=th%C3%A9");
    }

    [TestCase("/community/logout?redirect=")]
    [TestCase("/community/logout?redirect_uri=")]
    public async Task EmptyTarget_LandsOnTheDefaultPage(string url)
    {
        var response = await _app.Client.GetAsync(url);

        response.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Test]
    public async Task ConfiguredDefaultPage_IsUsedWhenNoTargetIsGiven()
    {
        var response = await _app.Client.GetAsync("/community/logout-goodbye");

        response.Headers.Location!.OriginalString.Should().Be("/goodbye?from=community");
    }

    [TestCase("//evil.example")]
    [TestCase("/\\evil.example")]
    [TestCase("\\\\evil.example")]
    [TestCase("https://evil.example/")]
    [TestCase("http:evil.example")]
    [TestCase("javascript:alert(document.cookie)")]
    [TestCase("/%2Fevil.example")]
    [TestCase("/%2fevil.example")]
    [TestCase("/%5Cevil.example")]
    [TestCase("/%252Fevil.example")]
    [TestCase("/%25252F%25252Fevil.example")]
    [TestCase("/a%0d%0aLocation:%20https://evil.example")]
    [TestCase("/a\r\nLocation: https://evil.example")]
    [TestCase("/a\tb")]
    [TestCase("/\u0000evil")]
    [TestCase("evil.example")]
    [TestCase(" //evil.example")]
    public async Task UnsafeTarget_IsAnswered400_TheUserIsSignedOutAllTheSame_AndNeverLeavesTheSite(string target)
    {
        await SignInAsJane();

        var response = await _app.Client.GetAsync("/community/logout?redirect=" + Uri.EscapeDataString(target));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Location.Should().BeNull();
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Title.Should().Be("Signed out; the page to return to was refused");
        problem.Detail.Should().StartWith("You are signed out. The redirect target ").And.EndWith(". Pass a path on this site that starts with a single '/', such as /.");
        response.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith(".AspNetCore.Cookies=;", StringComparison.Ordinal));
    }

    [TestCase("/a/..//evil.example", "")]
    [TestCase("/a/%2E%2E//evil.example", " (percent-encoded)")]
    public async Task DotSegmentTarget_IsAnswered400_BecauseTheBrowserWouldLandOnAnotherHost(string target, string how)
    {
        await SignInAsJane();

        var response = await _app.Client.GetAsync("/community/logout?redirect=" + Uri.EscapeDataString(target));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Headers.Location.Should().BeNull();
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be(
            "You are signed out. The redirect target has a '.' or '..' segment" + how + ", which browsers resolve and could turn into another host. Pass a path on this site that starts with a single '/', such as /.");
    }

    [TestCase("redirect=/a&redirect_uri=/b")]
    [TestCase("redirect=/a&redirect=/a")]
    public async Task TargetGivenTwice_IsAnswered400(string query)
    {
        var response = await _app.Client.GetAsync("/community/logout?" + query);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().StartWith("You are signed out. The redirect target was given");
    }

    [TestCase("redirect=/a&redirect_uri=/b", "The redirect target was given twice, in redirect and in redirect_uri. Pass it once, in one of them.")]
    [TestCase("redirect=/a&redirect=/b&redirect_uri=/c", "The redirect target was given more than once. Pass it once, in redirect or redirect_uri.")]
    [TestCase("redirect_uri=/a&redirect_uri=/b&redirect=/c", "The redirect target was given more than once. Pass it once, in redirect or redirect_uri.")]
    public async Task TargetGivenTwice_SaysWhere(string query, string problem)
    {
        var response = await _app.Client.GetAsync("/community/logout?" + query);

        (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.Should().Be("You are signed out. " + problem);
    }

    [Test]
    public async Task SignOut_IsLoggedWithTheUserId_NeverTheTarget()
    {
        await SignInAsJane();

        await _app.Client.GetAsync("/community/logout?redirect=/bye");
        await _app.Client.GetAsync("/community/logout?redirect=//evil.example");

        var ours = _app.Logs.GetSnapshot().Where(e => e.Category?.StartsWith("Tribe.Sso", StringComparison.Ordinal) == true).Select(e => e.Message).ToList();
        ours.Should().Contain("Tribe SSO: the community's Logout URL signed user 42 out");
        ours.Should().Contain(t => t.StartsWith("Tribe SSO: Logout URL: redirect target refused: The redirect target starts with '//'", StringComparison.Ordinal));
        string.Join("\n", ours).Should().NotContain("evil.example").And.NotContain("/bye");
    }

    [Test]
    public async Task OnlyGetAndPostAreMapped()
    {
        var response = await _app.Client.PutAsync("/community/logout", new StringContent(string.Empty));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    [TestCase("//evil.example")]
    [TestCase("https://evil.example")]
    [TestCase("")]
    public void UnsafeDefaultPage_IsRefusedWhenMapped(string path)
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var act = () => app.MapTribeSsoLogout("/community/logout", o => o.DefaultRedirectPath = path);

        act.Should().Throw<ArgumentException>().WithMessage("DefaultRedirectPath * Pass a path on this site that starts with a single '/', such as /.*");
    }

    [Test]
    public void ReturnsAConventionBuilder_ForAuthorizationOrNamesLikeAnyEndpoint()
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var builder = app.MapTribeSsoLogout("/community/logout").WithName("community-logout");

        builder.Should().NotBeNull();
        ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).Should().ContainSingle(e => e.DisplayName == "Tribe SSO: community Logout URL");
    }

    [Test]
    public async Task ForCommunity_KeepsTheLogoutEndpointsOwnName()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddTribeSso("acme", s => { });
        await using var app = builder.Build();

        app.MapTribeSsoLogout("/acme/logout").ForCommunity("acme");

        ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).Should().ContainSingle().Which.DisplayName.Should().Be("Tribe SSO: community Logout URL");
    }

    [Test]
    public async Task NameGivenByTheApplication_IsKept()
    {
        await using var app = WebApplication.CreateSlimBuilder().Build();

        app.MapTribeSsoLogout("/community/logout").WithDisplayName("Sign out of the site");

        ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).Should().ContainSingle().Which.DisplayName.Should().Be("Sign out of the site");
    }

    private async Task SignInAsJane() => (await _app.Client.GetAsync("/login?user=jane")).StatusCode.Should().Be(HttpStatusCode.Redirect);
}
