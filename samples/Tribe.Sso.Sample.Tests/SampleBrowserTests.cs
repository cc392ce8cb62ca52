using System;
using System.IO;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;


namespace Tribe.Sso.Sample.Tests;

/// <summary>A newcomer's path through the sample, in a real headless browser: sign in, visit the community, see the result.</summary>
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
        _browser.Navigate().GoToUrl(_sample.BaseUrl + "/");
        _browser.FindElement(By.Id("user-jane")).Click();
        _browser.FindElement(By.Id("sign-in")).Click();
        var visit = _browser.FindElement(By.Id("visit-community"));
        _browser.FindElement(By.TagName("h1")).Text.Should().Be("Your profile");

        visit.Click();

        Text("outcome").Should().Be("Created");
        _browser.Url.Should().StartWith(_sample.BaseUrl + "/community-sim/auth/sso?jwt=", "the outcome is on the community page, so the browser has arrived");
        Text("external-id").Should().Be("42");
        Text("email").Should().Be("jane@example.com");
        Text("name").Should().Be("Jane Doe");
        Text("role").Should().Be("moderator");
        Text("groups").Should().Be("announcements (member, joined), product-team (member, joined)");
        Text("redirect").Should().Be("/spaces/general");
        Text("member-id").Should().MatchRegex("^[0-9a-f]{24}$");
        Screenshot("jane-simulated-community");

        _browser.Navigate().GoToUrl(_sample.BaseUrl + "/");
        _browser.FindElement(By.Id("visit-community")).Click();

        Text("outcome").Should().Be("Updated", "the second visit finds Jane by externalId");
        Text("external-id").Should().Be("42");
    }

    [Test]
    public void TwoPartnerUsersSharingAnEmail_TheSecondIsAConflict()
    {
        SignInAs("sam");
        _browser.FindElement(By.Id("visit-community")).Click();
        Text("outcome").Should().Be("Created");

        SignInAs("robin");
        _browser.FindElement(By.Id("visit-community")).Click();

        Text("outcome").Should().Be("Conflict");
        Text("conflict-reason").Should().Contain("already has a different externalId");
        _browser.Manage().Timeouts().ImplicitWait = TimeSpan.Zero;
        _browser.FindElements(By.Id("external-id")).Should().BeEmpty("nobody is signed in on a conflict");
        Screenshot("robin-conflict");
    }

    [Test]
    public void AnonymousVisitToTheSsoEndpoint_GoesThroughSignInAndBack()
    {
        _browser.Navigate().GoToUrl(_sample.BaseUrl + "/community/sso?redirect=/answers");
        _browser.FindElement(By.TagName("h1")).Text.Should().Be("Sign in to the partner site");

        _browser.FindElement(By.Id("user-jane")).Click();
        _browser.FindElement(By.Id("sign-in")).Click();

        Text("outcome").Should().Be("Created");
        Text("redirect").Should().Be("/answers");
    }

    private void SignInAs(string login)
    {
        _browser.Navigate().GoToUrl(_sample.BaseUrl + "/logout");
        _browser.FindElement(By.Id("user-" + login)).Click();
        _browser.FindElement(By.Id("sign-in")).Click();
    }

    private string Text(string id) => _browser.FindElement(By.Id(id)).Text;

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
