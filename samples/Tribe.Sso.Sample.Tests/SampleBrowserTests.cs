using System;
using System.IO;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Tribe.Sso.Sample.Tests;

/// <summary>
/// A newcomer's path through the sample, in a real headless browser: "Visit community", the community's "Log in", "Sign
/// up" and "Log out" (its Authorization, Sign-up and Logout URLs), and a community page embedded in the partner's page.
/// </summary>
/// <remarks>Each test starts its own sample process and browser, so no test depends on another.</remarks>
[NonParallelizable]
public class SampleBrowserTests : SampleInBrowser
{
    [Test]
    public void Jane_SignsIn_VisitsTheCommunity_AndTheSimulatedCommunityShowsHer()
    {
        Page.GoTo(Sample.BaseUrl + "/");
        Page.Click(By.Id("user-jane"));
        Page.ClickAndWaitForNavigation(By.Id("sign-in"));
        Page.Heading().Should().Be("Your profile");

        Page.ClickAndWaitForNavigation(By.Id("visit-community"));

        Page.Text("outcome").Should().Be("Created");
        Page.Url.Should().Be(Sample.BaseUrl + "/community-sim/spaces/general", "the community signed Jane in and opened the page she asked for, and the token left the address bar");
        Page.Text("page").Should().Be("/spaces/general");
        Page.Text("name").Should().Be("Jane Doe");
        Page.Text("external-id").Should().Be("42");
        Page.Text("email").Should().Be("jane@example.com");
        Page.Text("role").Should().Be("moderator");
        Page.Text("groups").Should().Be("announcements (member, joined), product-team (member, joined)");
        Page.Text("member-id").Should().MatchRegex("^[0-9a-f]{24}$");
        Screenshot("jane-simulated-community");

        Page.GoTo(Sample.BaseUrl + "/");
        Page.ClickAndWaitForNavigation(By.Id("visit-community"));

        Page.Text("outcome").Should().Be("Updated", "the second visit finds Jane by externalId");
        Page.Text("external-id").Should().Be("42");
    }

    [Test]
    public void SignInAndVisit_TheSampleOutputHoldsNoTokenOrLink()
    {
        SignInAs("jane");
        Page.ClickAndWaitForNavigation(By.Id("visit-community"));
        Page.Text("outcome").Should().Be("Created");

        // The endpoint's own line comes after the request diagnostics of the same request: once it is there, they are too.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!Sample.Output.Contains("Tribe SSO: sending user 42 to the community", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            System.Threading.Thread.Sleep(100);
        }

        var output = Sample.Output;
        output.Should().Contain("Tribe SSO: sending user 42 to the community", "the sample logs at Information, so a token would show if any category logged URLs");
        output.Should().NotContain("eyJ").And.NotContain("jwt=");
    }

    [Test]
    public void TwoPartnerUsersSharingAnEmail_TheSecondIsAConflict()
    {
        SignInAs("sam");
        Page.ClickAndWaitForNavigation(By.Id("visit-community"));
        Page.Text("outcome").Should().Be("Created");

        SignInAs("robin");
        Page.ClickAndWaitForNavigation(By.Id("visit-community"));

        Page.Text("outcome").Should().Be("Conflict");
        Page.Text("conflict-reason").Should().Contain("already has a different externalId");
        Page.Has(By.Id("external-id")).Should().BeFalse("nobody is signed in on a conflict");
        Screenshot("robin-conflict");
    }

    [Test]
    public void AnonymousVisitToTheSsoEndpoint_GoesThroughSignInAndBack()
    {
        Page.GoTo(Sample.BaseUrl + "/community/sso?redirect=/answers");
        Page.Heading().Should().Be("Sign in to the partner site");

        Page.Click(By.Id("user-jane"));
        Page.ClickAndWaitForNavigation(By.Id("sign-in"));

        Page.Text("outcome").Should().Be("Created");
        Page.Text("page").Should().Be("/answers");
    }

    [Test]
    public void AnonymousVisitor_ClicksLogInInTheCommunity_SignsInOnThePartnerSite_AndLandsOnThePageTheyWanted()
    {
        Page.GoTo(Sample.BaseUrl + "/community-sim/spaces/general?tab=new");
        Page.Text("signed-out").Should().StartWith("You are not signed in.");
        Page.Attribute(By.Id("log-in"), "href").Should().Be(Sample.BaseUrl + "/community/sso?redirect=%2Fspaces%2Fgeneral%3Ftab%3Dnew", "the community's Authorization URL is the partner's MapTribeSso endpoint");

        Page.ClickAndWaitForNavigation(By.Id("log-in"));
        Page.Heading().Should().Be("Sign in to the partner site");
        Page.Click(By.Id("user-jane"));
        Page.ClickAndWaitForNavigation(By.Id("sign-in"));

        Page.Text("name").Should().Be("Jane Doe");
        Page.Url.Should().Be(Sample.BaseUrl + "/community-sim/spaces/general?tab=new");
        Page.Text("page").Should().Be("/spaces/general?tab=new");
        Screenshot("community-log-in-round-trip");
    }

    [Test]
    public void AnonymousVisitor_ClicksSignUpInTheCommunity_CreatesAnAccount_AndLandsOnThePageTheyWanted()
    {
        Page.GoTo(Sample.BaseUrl + "/community-sim/spaces/welcome");

        Page.ClickAndWaitForNavigation(By.Id("sign-up"));
        Page.Heading().Should().Be("Create your partner account");
        Page.Click(By.Id("user-sam"));
        Page.ClickAndWaitForNavigation(By.Id("sign-in"));

        Page.Text("name").Should().Be("Sam Shared");
        Page.Text("page").Should().Be("/spaces/welcome");
    }

    [Test]
    public void EmbeddedPage_ShowsTheMemberInsideTheIframe_AndItsHtmlHoldsNoToken()
    {
        Page.GoTo(Sample.BaseUrl + "/embedded");
        Page.Heading().Should().Be("Sign in to the partner site", "the page is for signed-in users");
        Page.Click(By.Id("user-jane"));
        Page.ClickAndWaitForNavigation(By.Id("sign-in"));

        Page.Heading().Should().Be("Community inside this site");
        var html = Page.PageSource;
        Page.Attribute(By.Id("community-frame"), "src").Should().Be(Sample.BaseUrl + "/community/sso?redirect=/embed/space/whats-new%3Freadonly%3Dfalse%26header%3Dtrue%26composer%3Dtrue%26about%3Dtrue");
        Page.SwitchToFrameAndWaitFor(By.Id("community-frame"), By.Id("embed-name"));

        Page.Text("embed-name").Should().Be("Jane Doe");
        Page.Text("embed-email").Should().Be("jane@example.com");
        Page.Text("embed-page").Should().Be("space whats-new");
        Page.Text("embed-options").Should().Be("readonly=false, header=true, composer=true, about=true");
        Page.SwitchTo().DefaultContent();
        html.Should().NotContain("jwt").And.NotContain("eyJ", "the token is minted when the iframe loads, never written into the page");
        Page.PageSource.Should().NotContain("eyJ");
        Screenshot("embedded-community");
    }

    [Test]
    public void MemberLogsOutInTheCommunity_AndIsSignedOutOfThePartnerSite()
    {
        SignInAs("jane");
        Page.ClickAndWaitForNavigation(By.Id("visit-community"));
        Page.Text("name").Should().Be("Jane Doe");

        Page.ClickAndWaitForNavigation(By.Id("log-out"));

        Page.Heading().Should().Be("Sign in to the partner site", "the community sent the browser to the Logout URL, which signed Jane out and landed her on /");
        Page.Url.Should().Be(Sample.BaseUrl + "/");
        Page.GoTo(Sample.BaseUrl + "/community/sso?redirect=/answers");
        Page.Heading().Should().Be("Sign in to the partner site", "the Authorization URL no longer signs her straight back in");
        Page.GoTo(Sample.BaseUrl + "/community-sim/answers");
        Page.Text("signed-out").Should().StartWith("You are not signed in.");
        Screenshot("community-logged-out");
    }
}

/// <summary>README promises a newcomer the sample first.</summary>
public class SampleReadmeTests
{
    [Test]
    public void Readme_StartsWithTheSampleAndTheTests()
    {
        var readme = Snippets.Readme();
        var sample = readme.IndexOf("dotnet run --project samples/Tribe.Sso.Sample\n", StringComparison.Ordinal);
        var firstCommandBlock = readme.IndexOf("```bash\n", StringComparison.Ordinal);

        sample.Should().BeGreaterThan(firstCommandBlock).And.BeLessThan(readme.IndexOf("bash eng/test.sh\n", StringComparison.Ordinal));
        readme.IndexOf("```", StringComparison.Ordinal).Should().Be(firstCommandBlock, "the first code block a newcomer sees is the one that runs the sample and the tests");
    }
}
