using System;
using System.Net;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Tribe.Sso.Testing;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>MapTribeSso as the community's Sign-up URL: anonymous visitors go to the app's sign-up page and come back.</summary>
public class WithSignUpPageTests
{
    private PartnerApp _app = null!;

    [SetUp]
    public async Task SetUp() => _app = await PartnerApp.StartAsync(app =>
    {
        app.MapTribeSso("/community/sign-up").WithSignUpPage("/register");
        app.MapTribeSso("/community/join").WithSignUpPage("/account?step=new", "next");
    });

    [TearDown]
    public async Task TearDown() => await _app.DisposeAsync();

    [Test]
    public async Task AnonymousVisitor_IsSentToTheSignUpPage_AndAfterSigningUpEntersTheCommunityPageTheyWanted()
    {
        var signUp = await _app.Client.GetAsync("/community/sign-up?redirect_uri=%2Fspaces%2Fgeneral");

        signUp.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signUp.Headers.Location!.OriginalString.Should().Be("/register?ReturnUrl=%2Fcommunity%2Fsign-up%3Fredirect_uri%3D%252Fspaces%252Fgeneral");

        // The app's sign-up page creates the account, signs it in and returns to the local ReturnUrl.
        var returnUrl = Uri.UnescapeDataString(signUp.Headers.Location!.OriginalString["/register?ReturnUrl=".Length..]);
        var registered = await _app.Client.GetAsync("/login?user=jane&returnUrl=" + Uri.EscapeDataString(returnUrl));
        var back = await _app.Client.GetAsync(registered.Headers.Location!.OriginalString);

        back.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var signIn = new InMemoryTribeCommunity(TribeSsoKey.FromString(TestKeys.Primary), _app.Clock).SignIn(back.Headers.Location!);
        signIn.Outcome.Should().Be(TribeSsoSignInOutcome.Created);
        signIn.RedirectPath.Should().Be("/spaces/general");
    }

    [Test]
    public async Task SignUpPageWithAQuery_AndItsOwnReturnParameter()
    {
        var signUp = await _app.Client.GetAsync("/community/join");

        signUp.Headers.Location!.OriginalString.Should().Be("/account?step=new&next=%2Fcommunity%2Fjoin");
    }

    [Test]
    public async Task SignedInUser_GoesStraightToTheCommunity()
    {
        await _app.Client.GetAsync("/login?user=jane");

        var response = await _app.Client.GetAsync("/community/sign-up?redirect=/welcome");

        response.Headers.Location!.AbsoluteUri.Should().StartWith("https://community.example.com/auth/sso?jwt=").And.EndWith("&redirect=/welcome");
    }

    [Test]
    public async Task TheOtherEndpoints_StillUseTheSignInChallenge()
    {
        var response = await _app.Client.GetAsync("/community/sso");

        response.Headers.Location!.OriginalString.Should().Contain("/login?ReturnUrl=");
    }

    [TestCase("//evil.example/register")]
    [TestCase("https://evil.example/register")]
    [TestCase("register")]
    public void OffSiteSignUpPage_IsRefusedWhenMapped(string path)
    {
        var app = WebApplication.CreateSlimBuilder().Build();

        var act = () => app.MapTribeSso("/community/sign-up").WithSignUpPage(path);

        act.Should().Throw<ArgumentException>().WithMessage("The sign-up page * Pass a path on this site, such as /account/register.*");
    }
}
