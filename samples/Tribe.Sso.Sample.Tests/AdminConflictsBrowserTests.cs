using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Tribe.Sso.Sample.Tests;

/// <summary>
/// The partner's admin page fixing a conflict through the community's API, in a real headless browser: a member seeded
/// with Jane's email under another externalId makes her sign-in a 409, the admin page's Fix relinks that member with
/// ResolveConflictAsync (the members client registered beside the issuer, against the simulated community's gateway),
/// and her next visit signs her in.
/// </summary>
[NonParallelizable]
public class AdminConflictsBrowserTests
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
    public void SeededConflict_AnswersConflict_FixOnTheAdminPage_ThenTheSignInSucceeds()
    {
        SeedMember("jane@example.com", "Jane (old account)", "legacy-42");
        _browser.GoTo(_sample.BaseUrl + "/");
        _browser.Click(By.Id("user-jane"));
        _browser.ClickAndWaitForNavigation(By.Id("sign-in"));

        _browser.ClickAndWaitForNavigation(By.Id("visit-community"));

        _browser.Text("outcome").Should().Be("Conflict");
        NavigationStatus().Should().Be(409, "the community answers a conflict with 409");
        _browser.Text("conflict-reason").Should().Contain("already has a different externalId");

        _browser.GoTo(_sample.BaseUrl + "/admin/conflicts");
        _browser.Heading().Should().Be("Community conflicts");
        _browser.Text(By.Id("conflict-42")).Should().Contain("Jane Doe");
        _browser.ClickAndWaitForNavigation(By.Id("fix-42"));

        _browser.Text("fix-result").Should().StartWith("Relinked: LinkedToAnotherId").And.EndWith("was linked to legacy-42)");
        _browser.Text("no-conflicts").Should().Be("No open conflicts.", "the member is linked to Jane now");

        _browser.GoTo(_sample.BaseUrl + "/");
        _browser.ClickAndWaitForNavigation(By.Id("visit-community"));

        _browser.Url.Should().Be(_sample.BaseUrl + "/community-sim/spaces/general", "the community accepted the token and redirected Jane to the page she asked for");
        NavigationStatus().Should().Be(200);
        _browser.Text("external-id").Should().Be("42");
        _browser.Text("email").Should().Be("jane@example.com");
        _browser.Text("outcome").Should().BeOneOf("Updated", "Linked");
        _sample.Output.Should().NotContain("ClientSecret =", "the sample prints no members client settings");
    }

    /// <summary>The HTTP status of the document the browser shows (its final response, after any redirects).</summary>
    private long NavigationStatus() =>
        (long)((IJavaScriptExecutor)_browser).ExecuteScript("return performance.getEntriesByType('navigation')[0].responseStatus;")!;

    /// <summary>An existing member, as a migration leaves one: the simulated community's JSON API for tests.</summary>
    private void SeedMember(string email, string name, string externalId)
    {
        using var http = new HttpClient();
        var body = $$"""{"email":"{{email}}","name":"{{name}}","externalId":"{{externalId}}"}""";
        using var response = http.PostAsync(_sample.BaseUrl + "/community-sim/_simulator/members", new StringContent(body, Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
        response.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.Created);
    }
}
