using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Tribe.Sso.Sample.Tests;

/// <summary>
/// The sample pointed at <c>tribe-sso community</c> instead of its in-process simulator, as a partner's end-to-end suite
/// would run it: the community in its own process, the site configured with its URL and key, a real browser between.
/// </summary>
[NonParallelizable]
public class CommunityCommandBrowserTests
{
    private static readonly string CliAssembly = typeof(CommunityCommandBrowserTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "CliAssembly").Value!;

    [Test]
    public void SiteAgainstTheCommunityCommand_LogInFromTheCommunity_ThenLogOutThroughThePartnersLogoutUrl()
    {
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var site = SampleProcess.NewBaseUrl();
        using var community = CommunitySimulatorProcess.Start(CliAssembly, key, "--authorization-url", site + "/community/sso", "--logout-url", site + "/community/logout");
        using var sample = SampleProcess.Start(site, community.Url, key);
        var profile = Directory.CreateTempSubdirectory("tribe-sso-chromium-").FullName;
        using var browser = Browser.Start(profile);
        try
        {
            browser.GoTo(new Uri(community.Url, "/spaces/general").AbsoluteUri);
            browser.Text("signed-out").Should().StartWith("You are not signed in.");
            browser.ClickAndWaitForNavigation(By.Id("log-in"));
            browser.Heading().Should().Be("Sign in to the partner site");
            browser.Click(By.Id("user-jane"));
            browser.ClickAndWaitForNavigation(By.Id("sign-in"));

            browser.Text("name").Should().Be("Jane Doe");
            browser.Url.Should().Be(new Uri(community.Url, "/spaces/general").AbsoluteUri, "the partner signed Jane in and sent her back to the page she wanted");
            var signIns = Api(community, "/_simulator/sign-ins");
            signIns.GetArrayLength().Should().Be(1);
            signIns[0].GetProperty("outcome").GetString().Should().Be("created");
            Api(community, "/_simulator/members")[0].GetProperty("externalId").GetString().Should().Be("42");

            browser.ClickAndWaitForNavigation(By.Id("log-out"));

            browser.Url.Should().Be(site + "/", "the community sent the browser to the partner's Logout URL, which signed Jane out");
            browser.Heading().Should().Be("Sign in to the partner site");
            browser.GoTo(new Uri(community.Url, "/answers").AbsoluteUri);
            browser.Text("signed-out").Should().StartWith("You are not signed in.");
        }
        finally
        {
            browser.Quit();
            Directory.Delete(profile, recursive: true);
        }

        community.Stop().Should().Be(0);
        (community.Stdout + community.Stderr + sample.Output).Should().NotContain(key, "neither process prints the key");
    }

    private static JsonElement Api(CommunitySimulatorProcess community, string path)
    {
        var (status, body, _) = community.GetAsync(path).GetAwaiter().GetResult();
        status.Should().Be(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}
