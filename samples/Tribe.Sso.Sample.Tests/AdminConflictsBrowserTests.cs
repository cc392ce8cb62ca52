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
public class AdminConflictsBrowserTests : SampleInBrowser
{
    [Test]
    public void SeededConflict_AnswersConflict_FixOnTheAdminPage_ThenTheSignInSucceeds()
    {
        SeedMember("jane@example.com", "Jane (old account)", "legacy-42");
        Page.GoTo(Sample.BaseUrl + "/");
        Page.Click(By.Id("user-jane"));
        Page.ClickAndWaitForNavigation(By.Id("sign-in"));

        Page.ClickAndWaitForNavigation(By.Id("visit-community"));

        Page.Text("outcome").Should().Be("Conflict");
        NavigationStatus().Should().Be(409, "the community answers a conflict with 409");
        Page.Text("conflict-reason").Should().Contain("already has a different externalId");

        Page.GoTo(Sample.BaseUrl + "/admin/conflicts");
        Page.Heading().Should().Be("Community conflicts");
        Page.Text(By.Id("conflict-42")).Should().Contain("Jane Doe");
        Page.ClickAndWaitForNavigation(By.Id("fix-42"));

        Page.Text("fix-result").Should().StartWith("Relinked: LinkedToAnotherId").And.EndWith("was linked to legacy-42)");
        Page.Text("no-conflicts").Should().Be("No open conflicts.", "the member is linked to Jane now");

        Page.GoTo(Sample.BaseUrl + "/");
        Page.ClickAndWaitForNavigation(By.Id("visit-community"));

        Page.Url.Should().Be(Sample.BaseUrl + "/community-sim/spaces/general", "the community accepted the token and redirected Jane to the page she asked for");
        NavigationStatus().Should().Be(200);
        Page.Text("external-id").Should().Be("42");
        Page.Text("email").Should().Be("jane@example.com");
        Page.Text("outcome").Should().BeOneOf("Updated", "Linked");
        Sample.Output.Should().NotContain("ClientSecret =", "the sample prints no members client settings");
    }

    /// <summary>The HTTP status of the document the browser shows (its final response, after any redirects).</summary>
    private long NavigationStatus() =>
        (long)((IJavaScriptExecutor)Page).ExecuteScript("return performance.getEntriesByType('navigation')[0].responseStatus;")!;

    /// <summary>An existing member, as a migration leaves one: the simulated community's JSON API for tests.</summary>
    private void SeedMember(string email, string name, string externalId)
    {
        using var http = new HttpClient();
        var body = $$"""{"email":"{{email}}","name":"{{name}}","externalId":"{{externalId}}"}""";
        using var response = http.PostAsync(Sample.BaseUrl + "/community-sim/_simulator/members", new StringContent(body, Encoding.UTF8, "application/json")).GetAwaiter().GetResult();
        response.StatusCode.Should().BeOneOf(HttpStatusCode.OK, HttpStatusCode.Created);
    }
}
