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
public class SampleBrowserTests
{
    private SampleProcess _sample = null!;
    private ChromeDriver _browser = null!;
    private string _profile = null!;

    [SetUp]
    public void Start()
    {
        _sample = SampleProcess.Start();
        _profile = Directory.CreateTempSubdirectory("tribe-sso-chromium-").FullName;
        _browser = Browser.Start(_profile);
    }

    [TearDown]
    public void Stop()
    {
        _browser?.Quit();
        _browser?.Dispose();
        _sample?.Dispose();
        if (_profile is not null)
        {
            Directory.Delete(_profile, recursive: true);
        }
    }

    [Test]
    public void Jane_SignsIn_VisitsTheCommunity_AndTheSimulatedCommunityShowsHer()
    {
        _browser.GoTo(_sample.BaseUrl + "/");
        _browser.Click(By.Id("user-jane"));
        _browser.ClickAndWaitForNavigation(By.Id("sign-in"));
        _browser.Heading().Should().Be("Your profile");

        _browser.ClickAndWaitForNavigation(By.Id("visit-community"));

        _browser.Text("outcome").Should().Be("Created");
        _browser.Url.Should().Be(_sample.BaseUrl + "/community-sim/spaces/general", "the community signed Jane in and opened the page she asked for, and the token left the address bar");
        _browser.Text("page").Should().Be("/spaces/general");
        _browser.Text("name").Should().Be("Jane Doe");
        _browser.Text("external-id").Should().Be("42");
        _browser.Text("email").Should().Be("jane@example.com");
        _browser.Text("role").Should().Be("moderator");
        _browser.Text("groups").Should().Be("announcements (member, joined), product-team (member, joined)");
        _browser.Text("member-id").Should().MatchRegex("^[0-9a-f]{24}$");
        Screenshot("jane-simulated-community");

        _browser.GoTo(_sample.BaseUrl + "/");
        _browser.ClickAndWaitForNavigation(By.Id("visit-community"));

        _browser.Text("outcome").Should().Be("Updated", "the second visit finds Jane by externalId");
        _browser.Text("external-id").Should().Be("42");
    }

    [Test]
    public void SignInAndVisit_TheSampleOutputHoldsNoTokenOrLink()
    {
        SignInAs("jane");
        _browser.ClickAndWaitForNavigation(By.Id("visit-community"));
        _browser.Text("outcome").Should().Be("Created");

        // The endpoint's own line comes after the request diagnostics of the same request: once it is there, they are too.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!_sample.Output.Contains("Tribe SSO: sending user 42 to the community", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            System.Threading.Thread.Sleep(100);
        }

        var output = _sample.Output;
        output.Should().Contain("Tribe SSO: sending user 42 to the community", "the sample logs at Information, so a token would show if any category logged URLs");
        output.Should().NotContain("eyJ").And.NotContain("jwt=");
    }

    [Test]
    public void TwoPartnerUsersSharingAnEmail_TheSecondIsAConflict()
    {
        SignInAs("sam");
        _browser.ClickAndWaitForNavigation(By.Id("visit-community"));
        _browser.Text("outcome").Should().Be("Created");

        SignInAs("robin");
        _browser.ClickAndWaitForNavigation(By.Id("visit-community"));

        _browser.Text("outcome").Should().Be("Conflict");
        _browser.Text("conflict-reason").Should().Contain("already has a different externalId");
        _browser.Has(By.Id("external-id")).Should().BeFalse("nobody is signed in on a conflict");
        Screenshot("robin-conflict");
    }

    [Test]
    public void AnonymousVisitToTheSsoEndpoint_GoesThroughSignInAndBack()
    {
        _browser.GoTo(_sample.BaseUrl + "/community/sso?redirect=/answers");
        _browser.Heading().Should().Be("Sign in to the partner site");

        _browser.Click(By.Id("user-jane"));
        _browser.ClickAndWaitForNavigation(By.Id("sign-in"));

        _browser.Text("outcome").Should().Be("Created");
        _browser.Text("page").Should().Be("/answers");
    }

    [Test]
    public void AnonymousVisitor_ClicksLogInInTheCommunity_SignsInOnThePartnerSite_AndLandsOnThePageTheyWanted()
    {
        _browser.GoTo(_sample.BaseUrl + "/community-sim/spaces/general?tab=new");
        _browser.Text("signed-out").Should().StartWith("You are not signed in.");
        _browser.Attribute(By.Id("log-in"), "href").Should().Be(_sample.BaseUrl + "/community/sso?redirect=%2Fspaces%2Fgeneral%3Ftab%3Dnew", "the community's Authorization URL is the partner's MapTribeSso endpoint");

        _browser.ClickAndWaitForNavigation(By.Id("log-in"));
        _browser.Heading().Should().Be("Sign in to the partner site");
        _browser.Click(By.Id("user-jane"));
        _browser.ClickAndWaitForNavigation(By.Id("sign-in"));

        _browser.Text("name").Should().Be("Jane Doe");
        _browser.Url.Should().Be(_sample.BaseUrl + "/community-sim/spaces/general?tab=new");
        _browser.Text("page").Should().Be("/spaces/general?tab=new");
        Screenshot("community-log-in-round-trip");
    }

    [Test]
    public void AnonymousVisitor_ClicksSignUpInTheCommunity_CreatesAnAccount_AndLandsOnThePageTheyWanted()
    {
        _browser.GoTo(_sample.BaseUrl + "/community-sim/spaces/welcome");

        _browser.ClickAndWaitForNavigation(By.Id("sign-up"));
        _browser.Heading().Should().Be("Create your partner account");
        _browser.Click(By.Id("user-sam"));
        _browser.ClickAndWaitForNavigation(By.Id("sign-in"));

        _browser.Text("name").Should().Be("Sam Shared");
        _browser.Text("page").Should().Be("/spaces/welcome");
    }

    [Test]
    public void EmbeddedPage_ShowsTheMemberInsideTheIframe_AndItsHtmlHoldsNoToken()
    {
        _browser.GoTo(_sample.BaseUrl + "/embedded");
        _browser.Heading().Should().Be("Sign in to the partner site", "the page is for signed-in users");
        _browser.Click(By.Id("user-jane"));
        _browser.ClickAndWaitForNavigation(By.Id("sign-in"));

        _browser.Heading().Should().Be("Community inside this site");
        var html = _browser.PageSource;
        _browser.Attribute(By.Id("community-frame"), "src").Should().Be(_sample.BaseUrl + "/community/sso?redirect=/embed/space/whats-new%3Freadonly%3Dfalse%26header%3Dtrue%26composer%3Dtrue%26about%3Dtrue");
        _browser.SwitchToFrameAndWaitFor(By.Id("community-frame"), By.Id("embed-name"));

        _browser.Text("embed-name").Should().Be("Jane Doe");
        _browser.Text("embed-email").Should().Be("jane@example.com");
        _browser.Text("embed-page").Should().Be("space whats-new");
        _browser.Text("embed-options").Should().Be("readonly=false, header=true, composer=true, about=true");
        _browser.SwitchTo().DefaultContent();
        html.Should().NotContain("jwt").And.NotContain("eyJ", "the token is minted when the iframe loads, never written into the page");
        _browser.PageSource.Should().NotContain("eyJ");
        Screenshot("embedded-community");
    }

    [Test]
    public void MemberLogsOutInTheCommunity_AndIsSignedOutOfThePartnerSite()
    {
        SignInAs("jane");
        _browser.ClickAndWaitForNavigation(By.Id("visit-community"));
        _browser.Text("name").Should().Be("Jane Doe");

        _browser.ClickAndWaitForNavigation(By.Id("log-out"));

        _browser.Heading().Should().Be("Sign in to the partner site", "the community sent the browser to the Logout URL, which signed Jane out and landed her on /");
        _browser.Url.Should().Be(_sample.BaseUrl + "/");
        _browser.GoTo(_sample.BaseUrl + "/community/sso?redirect=/answers");
        _browser.Heading().Should().Be("Sign in to the partner site", "the Authorization URL no longer signs her straight back in");
        _browser.GoTo(_sample.BaseUrl + "/community-sim/answers");
        _browser.Text("signed-out").Should().StartWith("You are not signed in.");
        Screenshot("community-logged-out");
    }

    private void SignInAs(string login)
    {
        _browser.GoTo(_sample.BaseUrl + "/logout");
        _browser.Click(By.Id("user-" + login));
        _browser.ClickAndWaitForNavigation(By.Id("sign-in"));
    }

    private void Screenshot(string name)
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".png");
        _browser.GetScreenshot().SaveAsFile(path);
        TestContext.AddTestAttachment(path, name);
        new FileInfo(path).Length.Should().BeGreaterThan(5_000, "the screenshot shows a rendered page");
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
