using System;
using System.IO;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Tribe.Sso.Sample.Tests;

/// <summary>
/// The community's Settings URL ("Edit profile" → the partner's settings page → Save → back in the community with the
/// change) and a Logout URL that another site cannot trigger, in a real headless browser.
/// </summary>
[NonParallelizable]
public class SettingsAndLogoutBrowserTests
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
    public void EditProfile_Save_ReturnsToTheCommunityPage_WithTheNewName()
    {
        SignInAsJane();
        _browser.ClickAndWaitForNavigation(By.Id("visit-community"));
        _browser.Text("name").Should().Be("Jane Doe");

        _browser.ClickAndWaitForNavigation(By.Id("edit-profile"));
        _browser.Heading().Should().Be("Edit profile");
        _browser.FindElement(By.Id("name")).Clear();
        _browser.FindElement(By.Id("name")).SendKeys("Jane Q. Renamed");
        _browser.ClickAndWaitForNavigation(By.Id("save"));

        _browser.Url.Should().Be(_sample.BaseUrl + "/community-sim/spaces/general", "Save returned through the Authorization URL to the page she came from");
        _browser.Text("name").Should().Be("Jane Q. Renamed");
        _browser.Text("outcome").Should().Be("Updated");
    }

    [Test]
    public void ImageOnAnotherSite_DoesNotSignOut_TheCommunitysLogOutDoes()
    {
        SignInAsJane();
        var logout = _sample.BaseUrl + "/community/logout";
        var done = "document.body.insertAdjacentHTML('beforeend','<p id=&quot;done&quot;>loaded</p>')";
        _browser.GoTo("data:text/html,<h1>Another site</h1><img src=\"" + logout + "\" onload=\"" + done + "\" onerror=\"" + done + "\">");
        _browser.Text("done").Should().Be("loaded");

        _browser.GoTo(_sample.BaseUrl + "/");
        _browser.Heading().Should().Be("Your profile", "the cross-site image did not sign Jane out");

        _browser.ClickAndWaitForNavigation(By.Id("visit-community"));
        _browser.ClickAndWaitForNavigation(By.Id("log-out"));
        _browser.Heading().Should().Be("Sign in to the partner site", "the community's Log out signed her out with no extra click");
    }

    private void SignInAsJane()
    {
        _browser.GoTo(_sample.BaseUrl + "/");
        _browser.Click(By.Id("user-jane"));
        _browser.ClickAndWaitForNavigation(By.Id("sign-in"));
        _browser.Heading().Should().Be("Your profile");
    }
}
