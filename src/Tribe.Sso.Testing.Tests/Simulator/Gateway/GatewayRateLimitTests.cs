using System;
using System.Linq;

namespace Tribe.Sso.Testing.Tests.Simulator.Gateway;

/// <summary>The burst limit: N requests in any 10 seconds, then HTTP 429 with <c>Retry-After</c> and code 104 until the window moves on.</summary>
public class GatewayRateLimitTests
{
    private const string Query = "{ __typename }";

    [Test]
    public void RequestBeyondTheLimit_Answers429_WithRetryAfterAndCode104()
    {
        var gateway = GatewayFixture.Create(rateLimit: 3);

        var answers = Enumerable.Range(0, 4).Select(_ => gateway.Post(Query)).ToList();

        answers.Take(3).Select(a => a.StatusCode).Should().Equal(200, 200, 200);
        answers[3].StatusCode.Should().Be(429);
        answers[3].GetHeader("Retry-After").Should().Be("10");
        var error = GatewayFixture.Error(answers[3]);
        error.GetProperty("code").GetString().Should().Be("104");
        error.GetProperty("message").GetString().Should().Be("Too many requests: the community takes 3 requests in 10 seconds; retry after 10 s.");
        GatewayFixture.Json(answers[3]).GetProperty("data").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Test]
    public void Window_Slides_SoEachRequestFreesItsPlaceTenSecondsLater()
    {
        var gateway = GatewayFixture.Create(rateLimit: 2);
        gateway.Post(Query);
        gateway.Clock.Advance(TimeSpan.FromSeconds(4));
        gateway.Post(Query);

        gateway.Clock.Advance(TimeSpan.FromSeconds(3));
        var refused = gateway.Post(Query);
        gateway.Clock.Advance(TimeSpan.FromSeconds(3));
        var first = gateway.Post(Query);
        var second = gateway.Post(Query);

        refused.StatusCode.Should().Be(429);
        refused.GetHeader("Retry-After").Should().Be("3");
        first.StatusCode.Should().Be(200);
        second.StatusCode.Should().Be(429);
        second.GetHeader("Retry-After").Should().Be("4");
    }

    [Test]
    public void RefusedRequests_AreNotCounted_AndTheLimitRecoversAfterTheWindow()
    {
        var gateway = GatewayFixture.Create(rateLimit: 5);
        for (var i = 0; i < 50; i++)
        {
            gateway.Post(Query);
        }

        gateway.Clock.Advance(TimeSpan.FromSeconds(10));

        Enumerable.Range(0, 6).Select(_ => gateway.Post(Query).StatusCode).Should().Equal(200, 200, 200, 200, 200, 429);
    }

    [Test]
    public void LimitedToken_CountsToo()
    {
        var gateway = GatewayFixture.Create(rateLimit: 1);
        gateway.Token();

        var response = gateway.Post(GatewayFixture.LimitedTokenQuery, GatewayFixture.TokenVariables(), GatewayFixture.Basic());

        GatewayFixture.Error(response).GetProperty("code").GetString().Should().Be("104");
        response.Body.Should().NotContain(GatewayFixture.ClientSecret);
    }

    [Test]
    public void NonPost_CountsToo_AndIsAnswered429_OnceTheLimitIsReached()
    {
        var gateway = GatewayFixture.Create(rateLimit: 1);

        var get = gateway.Simulator.Handle("GET", "/api/gateway");
        var post = gateway.Post(Query);
        var secondGet = gateway.Simulator.Handle("GET", "/api/gateway");

        get.StatusCode.Should().Be(405);
        GatewayAnswers.Only(post, 429, "104").Should().Be("- Too many requests: the community takes 1 requests in 10 seconds; retry after 10 s.");
        secondGet.StatusCode.Should().Be(429);
    }

    [Test]
    public void OldestRequest_LeavesTheWindow_ExactlyTenSecondsLater()
    {
        var gateway = GatewayFixture.Create(rateLimit: 1);
        gateway.Post(Query);

        gateway.Clock.Advance(TimeSpan.FromSeconds(10) - TimeSpan.FromMilliseconds(1));
        var justBefore = gateway.Post(Query);
        gateway.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var atTenSeconds = gateway.Post(Query);

        justBefore.StatusCode.Should().Be(429);
        justBefore.GetHeader("Retry-After").Should().Be("1");
        atTenSeconds.StatusCode.Should().Be(200);
    }

    [Test]
    public void RetryAfter_RoundsAPartSecondUp()
    {
        var gateway = GatewayFixture.Create(rateLimit: 1);
        gateway.Post(Query);
        gateway.Clock.Advance(TimeSpan.FromMilliseconds(2500));

        var refused = gateway.Post(Query);

        refused.GetHeader("Retry-After").Should().Be("8");
        GatewayAnswers.Only(refused, 429, "104").Should().Be("- Too many requests: the community takes 1 requests in 10 seconds; retry after 8 s.");
    }

    [Test]
    public void LimitLowered_AtRunTime_WaitsForTheNewestRequestsItStillCounts()
    {
        var gateway = GatewayFixture.Create(rateLimit: 3);
        gateway.Post(Query);
        gateway.Clock.Advance(TimeSpan.FromSeconds(2));
        gateway.Post(Query);
        gateway.Clock.Advance(TimeSpan.FromSeconds(2));
        gateway.Post(Query);
        gateway.Clock.Advance(TimeSpan.FromSeconds(1));

        gateway.Simulator.Options.ApiRateLimit = 1;
        var refused = gateway.Post(Query);
        gateway.Clock.Advance(TimeSpan.FromSeconds(9));
        var after = gateway.Post(Query);

        refused.GetHeader("Retry-After").Should().Be("9");
        after.StatusCode.Should().Be(200);
    }

    [Test]
    public void ApiRateLimit_BelowOne_IsRefused()
    {
        FluentActions.Invoking(() => new TribeCommunitySimulatorOptions { ApiRateLimit = 0 }).Should().Throw<ArgumentOutOfRangeException>()
            .Which.Message.Should().StartWith("ApiRateLimit must be at least 1 request per 10 seconds, or null for no limit.");
    }
}
