using System.IO;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Tribe.Sso.Sample.Tests;

/// <summary>
/// The fixture of every browser test of the sample: each test starts its own sample process and headless Chromium with a
/// fresh profile, so no test depends on another's cookies or members; both are stopped and the profile deleted after it.
/// </summary>
[NonParallelizable]
public abstract class SampleInBrowser
{
    private string? _profile;

    /// <summary>Gets the sample process of this test, with its simulated community.</summary>
    private protected SampleProcess Sample { get; private set; } = null!;

    /// <summary>Gets the browser of this test.</summary>
    private protected ChromeDriver Page { get; private set; } = null!;

    [SetUp]
    public void StartSampleAndBrowser()
    {
        Sample = SampleProcess.Start();
        _profile = Directory.CreateTempSubdirectory("tribe-sso-chromium-").FullName;
        Page = Browser.Start(_profile);
    }

    [TearDown]
    public void StopSampleAndBrowser()
    {
        Page?.Quit();
        Page?.Dispose();
        Sample?.Dispose();
        if (_profile is not null)
        {
            Directory.Delete(_profile, recursive: true);
        }
    }

    /// <summary>Signs in on the partner site as one of its users (<c>jane</c>, <c>sam</c>...) and waits for the profile page.</summary>
    private protected void SignInAs(string login)
    {
        Page.GoTo(Sample.BaseUrl + "/logout");
        Page.Click(By.Id("user-" + login));
        Page.ClickAndWaitForNavigation(By.Id("sign-in"));
        Page.Heading().Should().Be("Your profile");
    }

    /// <summary>Saves a screenshot as a test attachment, and checks that it shows a rendered page.</summary>
    private protected void Screenshot(string name)
    {
        var directory = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".png");
        Page.GetScreenshot().SaveAsFile(path);
        TestContext.AddTestAttachment(path, name);
        new FileInfo(path).Length.Should().BeGreaterThan(5_000, "the screenshot shows a rendered page");
    }
}
