using System;
using System.IO;
using OpenQA.Selenium.Chrome;

namespace Tribe.Sso.Sample.Tests;

/// <summary>Headless Debian Chromium driven by Debian's chromedriver: nothing is downloaded.</summary>
internal static class Browser
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriverDirectory = "/usr/bin";

    public static ChromeDriver Start(string profileDirectory)
    {
        if (!File.Exists(Chromium) || !File.Exists(Path.Combine(ChromeDriverDirectory, "chromedriver")))
        {
            Assert.Fail("The browser test needs Debian's Chromium and ChromeDriver: apt-get update && apt-get install -y chromium chromium-driver (bash eng/test.sh installs them).");
        }

        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1000,1100",
            "--user-data-dir=" + profileDirectory);
        var service = ChromeDriverService.CreateDefaultService(ChromeDriverDirectory, "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));

        // A click on a submit button or link can return before the next page has loaded: wait for elements to appear.
        driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(15);
        return driver;
    }
}
