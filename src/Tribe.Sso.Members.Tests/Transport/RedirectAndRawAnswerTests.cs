using System;
using System.Net.Http;
using System.Threading.Tasks;
using Tribe.Sso.Members.Tests.Support;

namespace Tribe.Sso.Members.Tests.Transport;

/// <summary>
/// The client pins the community's origin: a redirect is an error naming the status and <c>ApiUrl</c>, never a request
/// re-sent elsewhere; and an answer that is not HTTP leaves nothing of itself (the token or the email it reflects) in the exception.
/// </summary>
public class RedirectAndRawAnswerTests
{
    private const string Email = "jane.searched@example.com";

    private static readonly string MemberPage = "{\"data\":{\"members\":{\"edges\":[{\"node\":{\"id\":\"evil\",\"externalId\":\"x\",\"email\":\"" + Email + "\",\"name\":\"Eve\",\"username\":\"eve\",\"status\":\"VERIFIED\",\"createdAt\":\"2026-01-02T03:04:05.000Z\"}}],\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":null}}}}";

    [TestCase(301)]
    [TestCase(302)]
    [TestCase(307)]
    [TestCase(308)]
    public async Task DefaultHttpClient_ApiRedirectsToAnotherHost_IsRefusedNamingTheStatusAndApiUrl_AndSendsNothingThere(int status)
    {
        using var elsewhere = new RawHttpServer(_ => Ok(MemberPage));
        using var api = new RawHttpServer(_ => RawHttpServer.Redirect(status, elsewhere.Url));
        using var members = new TribeMembersClient(new TribeMembersClientOptions { ApiUrl = api.Url, AccessToken = Clients.GivenAccessToken, MaxAttempts = 1 });

        var call = () => members.FindByEmailAsync(Email);

        var refused = (await call.Should().ThrowAsync<TribeMembersResponseException>()).Which;
        refused.Message.Should().Be("The community answered members with HTTP " + status + ", a redirect, which the client does not follow: the request carries the app's credentials and the member's data. Set TribeMembersClientOptions.ApiUrl to the community's GraphQL endpoint itself.");
        refused.StatusCode.Should().Be(status);
        api.Received.Should().HaveCount(1, "a redirect is not retried");
        elsewhere.Received.Should().BeEmpty("the body, email included, is never sent to the other host");
    }

    [Test]
    public async Task CallersHttpClientThatFollowsRedirects_AnswerFromAnotherOrigin_IsNotTrusted()
    {
        using var elsewhere = new RawHttpServer(_ => Ok(MemberPage));
        using var api = new RawHttpServer(_ => RawHttpServer.Redirect(307, elsewhere.Url));
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = true });
        using var members = new TribeMembersClient(new TribeMembersClientOptions { ApiUrl = api.Url, AccessToken = Clients.GivenAccessToken, MaxAttempts = 1 }, http);

        var call = () => members.FindByEmailAsync(Email);

        (await call.Should().ThrowAsync<TribeMembersResponseException>()).Which.Message.Should().Be(
            "The answer to members came from another origin than TribeMembersClientOptions.ApiUrl: the HttpClient followed a redirect, so the answer is not trusted. Turn off AllowAutoRedirect on the HttpClient's handler, and set ApiUrl to the community's GraphQL endpoint itself.");
        elsewhere.Received.Should().HaveCount(1, "the caller's handler followed the redirect: only the answer can be refused");
    }

    [Test]
    public async Task AnswerWithAMalformedHeaderLineReflectingTheRequest_KeepsNoInnerException_NorTheTokenOrEmail()
    {
        // A server that reflects the request into a header line with no colon: .NET's HttpRequestException quotes that line.
        using var reflecting = new RawHttpServer(request => "HTTP/1.1 200 OK\r\nechoed " + request.Replace("\r\n", " ", StringComparison.Ordinal).Replace(":", " ", StringComparison.Ordinal) + "\r\nContent-Length: 0\r\n\r\n");
        using (var plain = new HttpClient())
        {
            var raw = () => plain.PostAsync(reflecting.Url, new StringContent(Email));
            (await raw.Should().ThrowAsync<HttpRequestException>()).Which.ToString().Should().Contain(Email, "the premise: the transport's message quotes the answer");
        }

        using var members = new TribeMembersClient(new TribeMembersClientOptions { ApiUrl = reflecting.Url, AccessToken = Clients.GivenAccessToken, MaxAttempts = 1 });

        var call = () => members.FindByEmailAsync(Email);

        var failed = (await call.Should().ThrowAsync<TribeMembersResponseException>()).Which;
        failed.ToString().Should().NotContain(Clients.GivenAccessToken).And.NotContain(Email);
        failed.InnerException.Should().BeNull();
        failed.Message.Should().Be("The community did not answer members (1 attempt: connection failed, the answer was not valid HTTP). Check TribeMembersClientOptions.ApiUrl and the network.");
    }

    private static string Ok(string json)
        => "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + System.Text.Encoding.UTF8.GetByteCount(json) + "\r\nConnection: close\r\n\r\n" + json;
}
