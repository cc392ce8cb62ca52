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
public class SettingsAndLogoutBrowserTests : SampleInBrowser
{
    [Test]
    public void EditProfile_Save_ReturnsToTheCommunityPage_WithTheNewName()
    {
        SignInAs("jane");
        Page.ClickAndWaitForNavigation(By.Id("visit-community"));
        Page.Text("name").Should().Be("Jane Doe");

        Page.ClickAndWaitForNavigation(By.Id("edit-profile"));
        Page.Heading().Should().Be("Edit profile");
        Page.FindElement(By.Id("name")).Clear();
        Page.FindElement(By.Id("name")).SendKeys("Jane Q. Renamed");
        Page.ClickAndWaitForNavigation(By.Id("save"));

        Page.Url.Should().Be(Sample.BaseUrl + "/community-sim/spaces/general", "Save returned through the Authorization URL to the page she came from");
        Page.Text("name").Should().Be("Jane Q. Renamed");
        Page.Text("outcome").Should().Be("Updated");
    }

    [Test]
    public void ImageOnAnotherSite_DoesNotSignOut_TheCommunitysLogOutDoes()
    {
        SignInAs("jane");
        var logout = Sample.BaseUrl + "/community/logout";
        var done = "document.body.insertAdjacentHTML('beforeend','<p id=&quot;done&quot;>loaded</p>')";
        Page.GoTo("data:text/html,<h1>Another site</h1><img src=\"" + logout + "\" onload=\"" + done + "\" onerror=\"" + done + "\">");
        Page.Text("done").Should().Be("loaded");

        Page.GoTo(Sample.BaseUrl + "/");
        Page.Heading().Should().Be("Your profile", "the cross-site image did not sign Jane out");

        Page.ClickAndWaitForNavigation(By.Id("visit-community"));
        Page.ClickAndWaitForNavigation(By.Id("log-out"));
        Page.Heading().Should().Be("Sign in to the partner site", "the community's Log out signed her out with no extra click");
    }
}
