using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using OpenQA.Selenium;

namespace Tribe.Sso.Sample.Tests;

/// <summary>
/// The partner hears its community, in a real headless browser: Jane's first visit creates her member, and an admin
/// script changes her email and deletes Sam through the community's API; the simulated community sends its signed
/// webhooks to the sample's /community/webhooks, and the partner's /admin/community-events page shows what arrived.
/// </summary>
[NonParallelizable]
public class CommunityWebhooksBrowserTests : SampleInBrowser
{
    [Test]
    public void MembersChangedThroughTheCommunitysApi_AppearOnThePartnersPage()
    {
        SignInAs("sam");
        Page.ClickAndWaitForNavigation(By.Id("visit-community"));
        Page.Text("outcome").Should().Be("Created");
        SignInAs("jane");
        Page.ClickAndWaitForNavigation(By.Id("visit-community"));
        Page.Text("outcome").Should().Be("Created");
        WaitForEvent("Jane Doe joined the community");
        WaitForEvent("Jane Doe joined the space announcements");
        Page.FindElements(By.ClassName("community-event")).Should().Contain(e => e.Text == "Jane Doe's email was verified");

        using var api = new CommunityApi(Sample.BaseUrl);
        api.Run("mutation($id: ID!) { updateMember(id: $id, input: { email: \"jane.doe@new.example.com\" }) { id } }", api.MemberIdOf("42"));
        api.Run("mutation($id: ID!) { deleteMember(id: $id) { status } }", api.MemberIdOf("7"));

        WaitForEvent("Jane Doe's email changed in the community");
        WaitForEvent("Sam Shared was deleted");
        Page.PageSource.Should().NotContain("jane.doe@new.example.com", "the page says what changed, not the address");
        Screenshot("community-events");
    }

    /// <summary>Reloads the partner's page until the line is there: webhooks leave the community on a background queue.</summary>
    private void WaitForEvent(string line)
    {
        var deadline = DateTime.UtcNow + Browser.Timeout;
        while (true)
        {
            Page.GoTo(Sample.BaseUrl + "/admin/community-events");
            if (Page.FindElements(By.ClassName("community-event")).Any(e => e.Text == line))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The partner's page never showed \"{line}\". It shows:\n{Page.FindElement(By.TagName("body")).Text}\nSample output:\n{Sample.Output}");
            }

            Thread.Sleep(250);
        }
    }

    /// <summary>The community's GraphQL API, called as an admin script would: an app token from limitedToken, then the operation.</summary>
    private sealed class CommunityApi : IDisposable
    {
        private readonly HttpClient _http = new();
        private readonly string _gateway;
        private readonly string _token;

        public CommunityApi(string baseUrl)
        {
            _gateway = baseUrl + "/community-sim/api/gateway";
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes("sample-admin-app:" + SampleProcess.ApiClientSecret));
            _token = Post("query { limitedToken(context: NETWORK, networkId: \"SampleNetwork\", entityId: \"SampleNetwork\") { accessToken } }", null, new AuthenticationHeaderValue("Basic", basic))
                .GetProperty("limitedToken").GetProperty("accessToken").GetString()!;
        }

        public string MemberIdOf(string externalId)
            => Post("query($e: String) { member(externalId: $e) { id } }", new { e = externalId }, Bearer).GetProperty("member").GetProperty("id").GetString()!;

        public void Run(string mutation, string id) => Post(mutation, new { id }, Bearer);

        public void Dispose() => _http.Dispose();

        private AuthenticationHeaderValue Bearer => new("Bearer", _token);

        private JsonElement Post(string query, object? variables, AuthenticationHeaderValue authorization)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, _gateway) { Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json") };
            request.Headers.Authorization = authorization;
            using var response = _http.Send(request);
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            response.IsSuccessStatusCode.Should().BeTrue(body);
            using var json = JsonDocument.Parse(body);
            json.RootElement.TryGetProperty("errors", out _).Should().BeFalse(body);
            return json.RootElement.GetProperty("data").Clone();
        }
    }
}
