using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Testing;
using Tribe.Sso.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>Every behaviour of MapTribeSso, through real HTTP.</summary>
public class MapTribeSsoTests
{
    private PartnerApp _app = null!;

    [SetUp]
    public async Task SetUp() => _app = await PartnerApp.StartAsync(app =>
    {
        app.MapTribeSso("/community/sso-async", async (principal, context) =>
        {
            await Task.Yield();
            return TribeSsoUser.Create("async-" + principal.FindFirstValue(ClaimTypes.NameIdentifier), "Async", "async@example.com").Build();
        });
        app.MapTribeSso("/community/sso-broken", _ => null!);
    });

    [TearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [Test]
    public async Task AnonymousVisitor_IsChallenged_SignsIn_AndLandsSignedInOnTheCommunity()
    {
        var community = new InMemoryTribeCommunity(TribeSsoKey.FromString(TestKeys.Primary), _app.Clock);

        var challenge = await _app.Client.GetAsync("/community/sso?redirect=/answers");
        challenge.StatusCode.Should().Be(HttpStatusCode.Redirect);
        challenge.Headers.Location!.OriginalString.Should().Contain("/login?ReturnUrl=%2Fcommunity%2Fsso%3Fredirect%3D%2Fanswers");

        var login = await _app.Client.GetAsync(challenge.Headers.Location!.PathAndQuery + "&user=jane");
        login.StatusCode.Should().Be(HttpStatusCode.Redirect);
        login.Headers.Location!.OriginalString.Should().Be("/community/sso?redirect=/answers");

        var back = await _app.Client.GetAsync(login.Headers.Location!.OriginalString);
        back.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var signIn = community.SignIn(back.Headers.Location!);

        signIn.Outcome.Should().Be(TribeSsoSignInOutcome.Created);
        signIn.Member!.ExternalId.Should().Be("42");
        signIn.Member.Email.Should().Be("jane@example.com");
        signIn.Member.Name.Should().Be("Jane Doe");
        signIn.RedirectPath.Should().Be("/answers");
    }

    [Test]
    public async Task SignedInUser_Gets302ToTheCommunity_WithNoStoreAndNoReferrer()
    {
        await SignInAsJane();

        var response = await _app.Client.GetAsync("/community/sso");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsoluteUri.Should().StartWith("https://community.example.com/auth/sso?jwt=eyJ");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        response.Headers.Pragma.Should().ContainSingle().Which.Name.Should().Be("no-cache", "HTTP/1.0 caches read Pragma");
        var read = new TribeSsoTokenReader(TribeSsoKey.FromString(TestKeys.Primary), new TribeSsoTokenReaderOptions { TimeProvider = _app.Clock }).Read(response.Headers.Location!);
        read.IsAccepted.Should().BeTrue();
        read.Claims!.IssuedAt.Should().Be(TestClock.Instant, "the issuer uses the application's TimeProvider");
        read.RedirectPath.Should().BeNull();
    }

    [Test]
    public async Task CustomMapping_SetsRoleAndGroups_InTheCommunity()
    {
        var community = new InMemoryTribeCommunity(TribeSsoKey.FromString(TestKeys.Primary), _app.Clock);
        await SignInAsJane();

        var response = await _app.Client.GetAsync("/community/sso-with-groups?redirect=/spaces/x");
        var signIn = community.SignIn(response.Headers.Location!);

        signIn.Member!.Role.Should().Be(TribeRole.Moderator);
        signIn.Member.Groups.Should().ContainSingle(g => g.GroupId == "group-x");
        signIn.RedirectPath.Should().Be("/spaces/x");
    }

    [Test]
    public async Task AsyncMapping_IsAwaited()
    {
        await SignInAsJane();

        var response = await _app.Client.GetAsync("/community/sso-async");

        Jwt.Payload(Token(response)).GetProperty("sub").GetString().Should().Be("async-42");
    }

    [TestCase("//evil.example")]
    [TestCase("/%2Fevil.example")]
    [TestCase("https://evil.example/")]
    [TestCase("/\\evil.example")]
    [TestCase("/a%0d%0aSet-Cookie=x")]
    public async Task UnsafeRedirect_IsAnswered400WithProblemDetails(string target)
    {
        await SignInAsJane();

        var response = await _app.Client.GetAsync("/community/sso?redirect=" + Uri.EscapeDataString(target));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Title.Should().Be("Redirect target refused");
        problem.Detail.Should().StartWith("The redirect target ").And.EndWith("such as /answers.");
        _app.Logs.GetSnapshot().Should().Contain(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Warning && e.Message.StartsWith("Tribe SSO: redirect target refused", StringComparison.Ordinal));
    }

    [Test]
    public async Task RepeatedRedirectParameter_IsAnswered400()
    {
        await SignInAsJane();

        var response = await _app.Client.GetAsync("/community/sso?redirect=/a&redirect=/b");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task UserWithoutEmailClaim_IsAnswered403WithTheReason_AndLogged()
    {
        await _app.Client.GetAsync("/login?user=noemail");

        var response = await _app.Client.GetAsync("/community/sso");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        problem!.Title.Should().Be("This account cannot be signed into the community");
        problem.Detail.Should().Be("Claim 'email' has no source: the signed-in user has no 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress' or 'email' claim. Add it when you sign the user in, or pass a mapping to MapTribeSso.");
        _app.Logs.GetSnapshot().Should().Contain(e => e.Message.Contains("cannot be signed into the community: Claim 'email' has no source", StringComparison.Ordinal));
    }

    [Test]
    public async Task MappingThatReturnsNull_IsAnswered403NotAnExceptionPage()
    {
        await SignInAsJane();

        var response = await _app.Client.GetAsync("/community/sso-broken");

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Test]
    public async Task TokensAndLinks_AreNeverLogged()
    {
        await SignInAsJane();
        var responses = new[]
        {
            await _app.Client.GetAsync("/community/sso?redirect=/answers"),
            await _app.Client.GetAsync("/community/sso-with-groups"),
            await _app.Client.GetAsync("/community/sso?redirect=//evil"),
        };
        var token = Token(responses[0]);

        var logs = _app.Logs.AllText();

        logs.Should().Contain("Tribe SSO: sending user 42 to the community");
        logs.Should().NotContain(token).And.NotContain(Jwt.Segments(token)[2]).And.NotContain("jwt=").And.NotContain("eyJhbGci").And.NotContain(TestKeys.Primary);
    }

    [Test]
    public async Task OnlyGetIsMapped()
    {
        await SignInAsJane();

        var response = await _app.Client.PostAsync("/community/sso", new StringContent(string.Empty));

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    private static string Token(HttpResponseMessage response)
        => response.Headers.Location!.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("jwt=", StringComparison.Ordinal))[4..];

    private async Task SignInAsJane() => (await _app.Client.GetAsync("/login?user=jane")).StatusCode.Should().Be(HttpStatusCode.Redirect);
}
