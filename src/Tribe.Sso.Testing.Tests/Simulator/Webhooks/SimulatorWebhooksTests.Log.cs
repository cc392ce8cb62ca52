using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

namespace Tribe.Sso.Testing.Tests.Simulator.Webhooks;

/// <content><c>GET /_simulator/webhooks</c> and the options' rules.</content>
public partial class SimulatorWebhooksTests
{
    [Test]
    public async Task WebhooksLog_ListsEachDelivery_WithoutTheSecretTheBodyTheSignatureOrTheEmail()
    {
        _hooks.SignIn(Issuers.Jane());
        await _hooks.IdleAsync();

        var response = _hooks.Simulator.Handle("GET", "/_simulator/webhooks");

        response.StatusCode.Should().Be(200);
        response.GetHeader("Content-Type").Should().Be("application/json; charset=utf-8");
        var log = JsonDocument.Parse(response.Body).RootElement;
        log.EnumerateArray().Select(d => d.GetProperty("event").GetString()).Should().Equal("TEST", "member.created", "member.verified");
        log[0].GetProperty("eventId").ValueKind.Should().Be(JsonValueKind.Null);
        log[1].GetProperty("eventId").GetString().Should().Be(_hooks.Receiver.Events[0].Id);
        log[1].EnumerateObject().Select(p => p.Name).Should().Equal("event", "eventId", "attempts", "lastStatus", "lastError", "delivered", "pending");
        log.EnumerateArray().Should().OnlyContain(d => d.GetProperty("attempts").GetInt32() == 1 && d.GetProperty("lastStatus").GetInt32() == 200
            && d.GetProperty("lastError").ValueKind == JsonValueKind.Null && d.GetProperty("delivered").GetBoolean() && !d.GetProperty("pending").GetBoolean());
        response.Body.Should().NotContain(WebhookFixture.Secret).And.NotContain(GoldenVectors.JaneEmail).And.NotContain(GoldenVectors.JaneName)
            .And.NotContain(_hooks.Receiver.All[0].Data.GetProperty("challenge").GetString());
        foreach (var delivery in _hooks.Receiver.All)
        {
            response.Body.Should().NotContain(delivery.Signature);
        }
    }

    [Test]
    public void WebhooksLog_WithoutAWebhook_IsAnEmptyList()
    {
        var simulator = new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary));

        var response = simulator.Handle("GET", "/_simulator/webhooks");

        response.StatusCode.Should().Be(200);
        JsonDocument.Parse(response.Body).RootElement.GetArrayLength().Should().Be(0);
        simulator.WebhooksIdleAsync().IsCompletedSuccessfully.Should().BeTrue();
    }

    [Test]
    public async Task Reset_ForgetsTheDeliveriesListed_AndSendsNoSecondTestRequest()
    {
        _hooks.SignIn(Issuers.Jane());
        await _hooks.IdleAsync();

        _hooks.Simulator.Handle("DELETE", "/_simulator").StatusCode.Should().Be(204);
        _hooks.SignIn(Issuers.Jane());
        await _hooks.IdleAsync();

        var log = JsonDocument.Parse(_hooks.Simulator.Handle("GET", "/_simulator/webhooks").Body).RootElement;
        log.EnumerateArray().Select(d => d.GetProperty("event").GetString()).Should().Equal("member.created", "member.verified");
        _hooks.Receiver.All.Count(r => r.Type == "TEST").Should().Be(1);
    }

    [TestCase("POST")]
    [TestCase("DELETE")]
    public void WebhooksLog_OtherMethods_Are405(string method)
        => _hooks.Simulator.Handle(method, "/_simulator/webhooks").StatusCode.Should().Be(405);

    [TestCase("/community/webhooks")]
    [TestCase("ftp://partner.example/hooks")]
    [TestCase("https://user:pass@partner.example/hooks")]
    [TestCase("https://partner.example/hooks#x")]
    public void WebhookUrl_NotAnAbsoluteHttpUrl_IsRefused_SayingWhatIsExpected(string url)
    {
        var options = new TribeCommunitySimulatorOptions();

        var set = () => options.WebhookUrl = new Uri(url, UriKind.RelativeOrAbsolute);

        set.Should().Throw<ArgumentException>().WithMessage("WebhookUrl must be an absolute http or https URL without user info or a fragment, such as http://127.0.0.1:5080/community/webhooks.");
    }

    [TestCase(null)]
    [TestCase("")]
    public void WebhookUrl_WithoutASigningSecret_IsRefusedWhenTheSimulatorIsCreated_SayingTheFix(string? secret)
    {
        var options = new TribeCommunitySimulatorOptions { WebhookUrl = new Uri("http://127.0.0.1:5080/community/webhooks"), WebhookSigningSecret = secret };

        var create = () => new TribeCommunitySimulator(TribeSsoKey.FromString(TestKeys.Primary), options);

        create.Should().Throw<ArgumentException>().WithMessage(
            "WebhookSigningSecret is required when WebhookUrl is set: set it to the signing secret of the community app whose webhook the partner verifies (tribe-sso community reads it from TRIBE_WEBHOOK_SIGNING_SECRET).");
    }

    [Test]
    public void WebhookTimeoutAndMaxAttempts_OutOfRange_AreRefused()
    {
        var options = new TribeCommunitySimulatorOptions();

        ((Action)(() => options.WebhookTimeout = TimeSpan.Zero)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("WebhookTimeout must be positive and at most one hour, such as 5 seconds.*");
        ((Action)(() => options.WebhookTimeout = TimeSpan.FromDays(60))).Should().Throw<ArgumentOutOfRangeException>("a longer timeout is beyond what a timer can wait");
        ((Action)(() => options.WebhookMaxAttempts = 0)).Should().Throw<ArgumentOutOfRangeException>().WithMessage("WebhookMaxAttempts must be between 1 (the first attempt only) and 10.*");
        ((Action)(() => options.WebhookMaxAttempts = 12)).Should().Throw<ArgumentOutOfRangeException>("the twelfth retry would wait past what a timer can");
        options.WebhookTimeout.Should().Be(TimeSpan.FromSeconds(5));
        options.WebhookMaxAttempts.Should().Be(5);
        options.WebhookDuplicates.Should().BeFalse();
    }

    [Test]
    public void Options_ToString_NeverShowsTheSigningSecret()
        => new TribeCommunitySimulatorOptions { WebhookSigningSecret = WebhookFixture.Secret }.ToString().Should().NotContain(WebhookFixture.Secret);
}
