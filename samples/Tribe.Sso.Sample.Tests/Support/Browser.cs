using System;
using System.IO;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Tribe.Sso.Sample.Tests;

/// <summary>
/// Headless Debian Chromium driven by Debian's chromedriver (nothing is downloaded), and the only ways the browser tests
/// read a page: every read waits explicitly and finds its element afresh, and every click that leaves a page waits until
/// that page is gone and the next one has loaded.
/// </summary>
/// <remarks>
/// The implicit wait is zero on purpose: an implicit wait waits for an element to <em>exist</em>, not for a navigation, so
/// after a click it happily returns the heading of the page being left, which then goes stale. Mixing it with explicit
/// waits also makes their timing unpredictable.
/// </remarks>
internal static class Browser
{
    /// <summary>How long a read or a navigation may take on a busy CI machine before the test fails with a message.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriverDirectory = "/usr/bin";

    public static ChromeDriver Start(string profileDirectory)
    {
        if (!File.Exists(Chromium) || !File.Exists(Path.Combine(ChromeDriverDirectory, "chromedriver")))
        {
            Assert.Fail("The browser test needs Debian's Chromium and ChromeDriver: apt-get update && apt-get install -y chromium chromium-driver (bash eng/test.sh installs them).");
        }

        var options = new ChromeOptions { BinaryLocation = Chromium, PageLoadStrategy = PageLoadStrategy.Normal };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1000,1100",
            "--user-data-dir=" + profileDirectory);
        var service = ChromeDriverService.CreateDefaultService(ChromeDriverDirectory, "chromedriver");
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().ImplicitWait = TimeSpan.Zero;
        return driver;
    }

    /// <summary>Opens <paramref name="url"/> and waits until its document has loaded.</summary>
    public static void GoTo(this IWebDriver driver, string url)
    {
        driver.Navigate().GoToUrl(url);
        WaitForLoadedDocument(driver, "after opening " + url);
    }

    /// <summary>Clicks something that stays on the page (a radio button, a checkbox), once it can be clicked.</summary>
    public static void Click(this IWebDriver driver, By by) =>
        Wait(driver, "to click " + by, d =>
        {
            var element = d.FindElement(by);
            if (!element.Displayed || !element.Enabled)
            {
                return false;
            }

            element.Click();
            return true;
        });

    /// <summary>
    /// Clicks a link or submit button and waits until the page it was on is gone (its root element is stale) and the next
    /// document has loaded, through any redirects. Reads after this see only the new page.
    /// </summary>
    public static void ClickAndWaitForNavigation(this IWebDriver driver, By by)
    {
        var leaving = Wait(driver, "for the page holding " + by, d => d.FindElement(By.TagName("html")));
        var from = driver.Url;
        Click(driver, by);
        Wait(driver, $"for the click on {by} to leave {from}", _ => IsStale(leaving));
        WaitForLoadedDocument(driver, $"after the click on {by} (from {from})");
    }

    /// <summary>
    /// Switches into the iframe <paramref name="frame"/> and waits until its loaded document holds <paramref name="content"/>
    /// (found afresh inside the frame, so never the frame's initial blank document).
    /// </summary>
    public static void SwitchToFrameAndWaitFor(this IWebDriver driver, By frame, By content)
    {
        var element = Wait(driver, "for the iframe " + frame, d => d.FindElement(frame));
        driver.SwitchTo().Frame(element);
        Wait(driver, $"for {content} inside the iframe {frame}", d => IsLoaded(d) && d.FindElements(content).Count > 0);
    }

    /// <summary>The text of the element <paramref name="by"/> on the current page, found afresh (retried if it goes stale).</summary>
    public static string Text(this IWebDriver driver, By by) => Wait(driver, "for " + by, d => d.FindElement(by).Text);

    /// <summary>The text of the element with this id.</summary>
    public static string Text(this IWebDriver driver, string id) => Text(driver, By.Id(id));

    /// <summary>The page's heading.</summary>
    public static string Heading(this IWebDriver driver) => Text(driver, By.TagName("h1"));

    /// <summary>An attribute of the element <paramref name="by"/>, found afresh.</summary>
    public static string? Attribute(this IWebDriver driver, By by, string name) =>
        Wait(driver, $"for {by}", d => new Box(d.FindElement(by).GetAttribute(name))).Value;

    /// <summary>Whether the loaded page holds <paramref name="by"/> right now (no waiting for it to appear).</summary>
    public static bool Has(this IWebDriver driver, By by)
    {
        WaitForLoadedDocument(driver, "before looking for " + by);
        return driver.FindElements(by).Count > 0;
    }

    private static void WaitForLoadedDocument(IWebDriver driver, string when) =>
        Wait(driver, "for the document to load " + when, IsLoaded);

    private static bool IsLoaded(IWebDriver driver) =>
        ((IJavaScriptExecutor)driver).ExecuteScript("return document.readyState") as string == "complete";

    private static bool IsStale(IWebElement element)
    {
        try
        {
            _ = element.Enabled;
            return false;
        }
        catch (StaleElementReferenceException)
        {
            return true;
        }
        catch (UnknownErrorException e) when (e.Message.Contains("does not belong to the document", StringComparison.Ordinal))
        {
            // Chromium's answer when the element's document is being replaced at that moment (mid-navigation): the
            // same fact as a stale reference, reported by DevTools instead of WebDriver. Any other unknown error fails.
            return true;
        }
    }

    private static T Wait<T>(IWebDriver driver, string what, Func<IWebDriver, T> condition)
    {
        var wait = new WebDriverWait(driver, Timeout) { Message = $"Waited {Timeout.TotalSeconds} s {what}; the wait began on {SafeUrl(driver)}" };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException), typeof(ElementNotInteractableException));
        return wait.Until(condition);
    }

    private static string SafeUrl(IWebDriver driver)
    {
        try
        {
            return driver.Url;
        }
        catch (WebDriverException)
        {
            return "(unknown)";
        }
    }

    /// <summary>A null attribute is an answer, not "keep waiting".</summary>
    private sealed record Box(string? Value);
}
