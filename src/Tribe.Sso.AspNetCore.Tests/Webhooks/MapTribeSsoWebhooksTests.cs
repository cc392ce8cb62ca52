using System;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>MapTribeSsoWebhooks accepts every delivery signed as the community signs, and refuses every other one before any handler runs.</summary>
public class MapTribeSsoWebhooksTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private WebhooksApp _app = null!;

    [SetUp]
    public async Task StartAsync() => _app = await WebhooksApp.StartAsync();

    [TearDown]
    public async Task StopAsync() => await _app.DisposeAsync();

    [TestCase("c4a1f3")]
    [TestCase("a challenge with \"quotes\", a \\ backslash, é and 😀")]
    public async Task TheTestRequest_IsAnsweredWithTheChallengeEchoed(string challenge)
    {
        var body = "{\"networkId\":\"net1\",\"context\":\"NETWORK\",\"currentSettings\":[],\"type\":\"TEST\",\"data\":{\"challenge\":" + JsonSerializer.Serialize(challenge) + "}}";

        var response = await _app.SendAsync(body);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        answer.RootElement.GetProperty("type").GetString().Should().Be("TEST");
        answer.RootElement.GetProperty("status").GetString().Should().Be("SUCCEEDED");
        answer.RootElement.GetProperty("data").GetProperty("challenge").GetString().Should().Be(challenge);
        _app.Handled.Calls.Should().BeEmpty();
    }

    [Test]
    public async Task AMemberUpdate_RunsTheHandlersMethod_WithTheMemberBeforeAndAfter()
    {
        var response = await _app.SendAsync(WebhooksApp.MemberEvent("e1", "member.updated", "jane@new.example.com", oldEmail: "jane@example.com"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("{\"type\":\"SUBSCRIPTION\",\"status\":\"SUCCEEDED\",\"data\":{}}");
        var (method, webhookEvent, _) = _app.Handled.Calls.Should().ContainSingle().Subject;
        method.Should().Be("updated");
        var update = webhookEvent.Should().BeOfType<TribeMemberEvent>().Subject;
        update.Member.Email.Should().Be("jane@new.example.com");
        update.OldMember!.Email.Should().Be("jane@example.com");
        update.Member.ExternalId.Should().Be("42");
        update.NetworkId.Should().Be("net1");
    }

    [TestCase("member.created", "created")]
    [TestCase("member.verified", "verified")]
    [TestCase("member.deleted", "deleted")]
    public async Task EachMemberEvent_RunsItsOwnMethod(string name, string method)
    {
        (await _app.SendAsync(WebhooksApp.MemberEvent("e-" + name, name))).StatusCode.Should().Be(HttpStatusCode.OK);

        _app.Handled.Calls.Should().ContainSingle().Which.Method.Should().Be(method);
    }

    [Test]
    public async Task AnEventTheHandlerDoesNotOverride_IsAnswered200_SoTheCommunityDoesNotRetryIt()
    {
        var body = "{\"networkId\":\"net1\",\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e9\",\"name\":\"space.created\",\"object\":{\"id\":\"s1\"},\"target\":{\"networkId\":\"net1\",\"spaceId\":\"s1\"}}}";

        var response = await _app.SendAsync(body);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _app.Handled.Calls.Should().BeEmpty();
    }

    [Test]
    public async Task LegacyTribeHeaders_AreAccepted()
    {
        var response = await _app.SendAsync(WebhooksApp.MemberEvent("e2", "member.deleted"), legacy: true);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        _app.Handled.Calls.Should().ContainSingle();
    }

    [TestCase("stale")]
    [TestCase("future")]
    [TestCase("seconds")]
    [TestCase("wrong secret")]
    [TestCase("tampered body")]
    [TestCase("re-serialised body")]
    [TestCase("no headers")]
    [TestCase("uppercase hex")]
    public async Task AnUnverifiableDelivery_Is401_AndRunsNothing(string fault)
    {
        var body = WebhooksApp.MemberEvent("e3", "member.deleted");
        var bytes = Encoding.UTF8.GetBytes(body);
        var now = _app.Clock.GetUtcNow();
        var request = new HttpRequestMessage(HttpMethod.Post, WebhooksApp.Path) { Content = new ByteArrayContent(bytes) };
        var timestamp = fault switch
        {
            "stale" => now.AddMinutes(-5).AddMilliseconds(-1).ToUnixTimeMilliseconds(),
            "future" => now.AddMinutes(5).AddMilliseconds(1).ToUnixTimeMilliseconds(),
            "seconds" => now.ToUnixTimeSeconds(),
            _ => now.ToUnixTimeMilliseconds(),
        };
        var text = timestamp.ToString(CultureInfo.InvariantCulture);
        var signature = WebhooksApp.Sign(fault == "wrong secret" ? "another-apps-secret-0123456789" : WebhooksApp.Secret, text, bytes);
        if (fault == "tampered body")
        {
            request.Content = new StringContent(body.Replace("m1", "m2", StringComparison.Ordinal), Encoding.UTF8, "application/json");
        }
        else if (fault == "re-serialised body")
        {
            request.Content = new StringContent(JsonSerializer.Serialize(JsonDocument.Parse(body).RootElement, Indented), Encoding.UTF8, "application/json");
        }

        if (fault != "no headers")
        {
            request.Headers.Add(TribeWebhookHeaders.Signature, fault == "uppercase hex" ? signature.ToUpperInvariant() : signature);
            request.Headers.Add(TribeWebhookHeaders.Timestamp, text);
        }

        var response = await _app.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        _app.Handled.Calls.Should().BeEmpty();
    }

    [Test]
    public async Task JustInsideTheWindow_EitherWay_IsAccepted()
    {
        var now = _app.Clock.GetUtcNow();
        (await _app.SendAsync(WebhooksApp.MemberEvent("past", "member.deleted"), timestamp: now.AddMinutes(-5).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _app.SendAsync(WebhooksApp.MemberEvent("ahead", "member.deleted"), timestamp: now.AddMinutes(5).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Test]
    public async Task BothHeaderFamiliesMixed_IsRefused_NeverPieced()
    {
        var body = Encoding.UTF8.GetBytes(WebhooksApp.MemberEvent("mix", "member.deleted"));
        var request = new HttpRequestMessage(HttpMethod.Post, WebhooksApp.Path) { Content = new ByteArrayContent(body) };
        request.Headers.Add(TribeWebhookHeaders.Signature, WebhooksApp.Sign(WebhooksApp.Secret, _app.Now(), body));
        request.Headers.Add(TribeWebhookHeaders.LegacyTimestamp, _app.Now());

        (await _app.Client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Test]
    public async Task AHeaderSentTwice_IsRefused()
    {
        var body = Encoding.UTF8.GetBytes(WebhooksApp.MemberEvent("twice", "member.deleted"));
        var request = new HttpRequestMessage(HttpMethod.Post, WebhooksApp.Path) { Content = new ByteArrayContent(body) };
        var signature = WebhooksApp.Sign(WebhooksApp.Secret, _app.Now(), body);
        request.Headers.Add(TribeWebhookHeaders.Signature, [signature, signature]);
        request.Headers.Add(TribeWebhookHeaders.Timestamp, _app.Now());

        (await _app.Client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        _app.Handled.Calls.Should().BeEmpty();
    }

    [TestCase("{\"type\":\"SUBSCRIPTION\"")]
    [TestCase("not json")]
    [TestCase("{\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"e\",\"name\":\"member.updated\"}}")]
    [TestCase("{\"type\":\"TEST\",\"type\":\"SUBSCRIPTION\",\"data\":{\"challenge\":\"x\"}}")]
    [TestCase("[1,2,3]")]
    public async Task AVerifiedBodyThatIsNotADelivery_Is400_Never500(string body)
    {
        var response = await _app.SendAsync(body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        _app.Handled.Calls.Should().BeEmpty();
    }

    [Test]
    public async Task ABodyOverTheLimit_Is413_FromItsContentLength_BeforeItIsRead()
    {
        var response = await _app.SendBytesAsync(new byte[(1024 * 1024) + 1]);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task AChunkedBodyOverTheLimit_Is413_Too()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, WebhooksApp.Path) { Content = new StreamContent(new System.IO.MemoryStream(new byte[(2 * 1024 * 1024) + 5])) };
        request.Headers.TransferEncodingChunked = true;
        request.Headers.Add(TribeWebhookHeaders.Signature, new string('0', 64));
        request.Headers.Add(TribeWebhookHeaders.Timestamp, _app.Now());

        var response = await _app.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Test]
    public async Task ARefusal_IsProblemDetails_NamingWhyWithoutTheSignature()
    {
        var response = await _app.SendAsync(WebhooksApp.MemberEvent("pd", "member.deleted"), secret: "another-apps-secret-0123456789");

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await response.Content.ReadAsStringAsync()).Should().Be(
            "{\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.2\",\"title\":\"The webhook delivery is not signed by the community.\",\"status\":401,"
            + "\"detail\":\"The signature does not match: another app\\u0027s signing secret, or a body changed on the way (verify the raw bytes as received, never re-serialised JSON).\"}");
    }

    [Test]
    public async Task OnlyPost_IsMapped()
    {
        (await _app.Client.GetAsync(WebhooksApp.Path)).StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }
}
