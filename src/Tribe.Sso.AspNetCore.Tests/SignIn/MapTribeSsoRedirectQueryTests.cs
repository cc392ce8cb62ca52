using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Mvc;
using Tribe.Sso.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>MapTribeSso as the community's Authorization URL: the page to open comes in redirect or redirect_uri.</summary>
public class MapTribeSsoRedirectQueryTests
{
    private PartnerApp _app = null!;

    [SetUp]
    public async Task SetUp() => _app = await PartnerApp.StartAsync();

    [TearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [TestCase("redirect")]
    [TestCase("redirect_uri")]
    public async Task EitherParameter_OpensThatCommunityPage(string parameter)
    {
        await SignInAsJane();

        var response = await _app.Client.GetAsync("/community/sso?" + parameter + "=" + Uri.EscapeDataString("/embed/space/whats-new?readonly=false&header=true"));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsoluteUri.Should().EndWith("&redirect=/embed/space/whats-new%3Freadonly%3Dfalse%26header%3Dtrue", "the community's own parameter carries the target");
        Community().SignIn(response.Headers.Location!).RedirectPath.Should().Be("/embed/space/whats-new?readonly=false&header=true");
    }

    [TestCase("/community/sso?redirect=")]
    [TestCase("/community/sso?redirect_uri=")]
    [TestCase("/community/sso?redirect")]
    public async Task EmptyValue_MeansNoRedirect_TheCommunityHomePage(string url)
    {
        await SignInAsJane();

        var response = await _app.Client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsoluteUri.Should().NotContain("&redirect");
        var signIn = Community().SignIn(response.Headers.Location!);
        signIn.Outcome.Should().Be(TribeSsoSignInOutcome.Created);
        signIn.RedirectPath.Should().Be("/");
    }

    [TestCase("redirect=/a&redirect_uri=/b", "The redirect target was given twice, in redirect and in redirect_uri. Pass it once, in one of them.")]
    [TestCase("redirect_uri=/a&redirect=/a", "The redirect target was given twice, in redirect and in redirect_uri. Pass it once, in one of them.")]
    [TestCase("redirect=/a&redirect=/b", "The redirect target was given more than once. Pass it once, in redirect or redirect_uri.")]
    [TestCase("redirect_uri=/a&redirect_uri=/a", "The redirect target was given more than once. Pass it once, in redirect or redirect_uri.")]
    [TestCase("redirect=/a&Redirect=/b", "The redirect target was given more than once. Pass it once, in redirect or redirect_uri.")]
    [TestCase("redirect=&redirect_uri=/b", "The redirect target was given twice, in redirect and in redirect_uri. Pass it once, in one of them.")]
    public async Task TargetGivenTwice_IsAnswered400WithProblemDetails(string query, string detail)
    {
        await SignInAsJane();

        var response = await _app.Client.GetAsync("/community/sso?" + query);

        await ShouldBeRefused(response, detail);
    }

    [TestCase("//evil.example")]
    [TestCase("/\\evil.example")]
    [TestCase("https://evil.example/")]
    [TestCase("javascript:alert(1)")]
    [TestCase("/%2Fevil.example")]
    [TestCase("/%252Fevil.example")]
    [TestCase("/%5Cevil.example")]
    [TestCase("/a%0d%0aSet-Cookie:x=1")]
    [TestCase("/a\tb")]
    [TestCase("/a\nb")]
    [TestCase(" /answers")]
    [TestCase("answers")]
    public async Task UnsafeTargetInRedirectUri_IsAnswered400(string target)
    {
        await SignInAsJane();

        var response = await _app.Client.GetAsync("/community/sso?redirect_uri=" + Uri.EscapeDataString(target));

        await ShouldBeRefused(response, "The redirect target *. Pass a path on the community that starts with a single '/', such as /answers.");
    }

    [Test]
    public async Task UnsafeTarget_IsRefusedBeforeTheSignInChallenge()
    {
        var response = await _app.Client.GetAsync("/community/sso?redirect=//evil.example");

        await ShouldBeRefused(response, "The redirect target starts with '//', which browsers read as another host. Pass a path on the community that starts with a single '/', such as /answers.");
    }

    [Test]
    public async Task AnonymousVisitorFromTheCommunitysLogIn_ComesBackToTheRedirectUriPage()
    {
        var challenge = await _app.Client.GetAsync("/community/sso?redirect_uri=%2Fspaces%2Fgeneral");
        challenge.Headers.Location!.OriginalString.Should().Contain("ReturnUrl=%2Fcommunity%2Fsso%3Fredirect_uri%3D%252Fspaces%252Fgeneral");

        var login = await _app.Client.GetAsync(challenge.Headers.Location!.PathAndQuery + "&user=jane");
        var back = await _app.Client.GetAsync(login.Headers.Location!.OriginalString);

        Community().SignIn(back.Headers.Location!).RedirectPath.Should().Be("/spaces/general");
    }

    [Test]
    public async Task RefusedTargets_AreLoggedWithoutTheTarget()
    {
        await SignInAsJane();

        await _app.Client.GetAsync("/community/sso?redirect_uri=//evil.example%2Fsteal");

        var ours = string.Join("\n", _app.Logs.Entries.Where(e => e.Category.StartsWith("Tribe.Sso", StringComparison.Ordinal)).Select(e => e.Text));
        ours.Should().Contain("Tribe SSO: redirect target refused: The redirect target starts with '//'").And.NotContain("evil.example", "ASP.NET Core's own request log has the URL; the SDK's lines never repeat a target");
    }

    private static async Task ShouldBeRefused(HttpResponseMessage response, string detail)
    {
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Title.Should().Be("Redirect target refused");
        problem.Detail.Should().Match(detail);
    }

    private InMemoryTribeCommunity Community() => new(TribeSsoKey.FromString(TestKeys.Primary), _app.Clock);

    private async Task SignInAsJane() => (await _app.Client.GetAsync("/login?user=jane")).StatusCode.Should().Be(HttpStatusCode.Redirect);
}
