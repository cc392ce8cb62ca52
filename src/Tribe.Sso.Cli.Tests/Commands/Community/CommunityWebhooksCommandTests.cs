using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Tribe.Sso.Cli.Tests.Community;

/// <summary><c>tribe-sso community --webhook-url</c>: the simulated community's signed webhooks, received by a real endpoint over HTTP.</summary>
public class CommunityWebhooksCommandTests
{
    private const string Key = TestKeys.Primary;
    private const string Secret = "whsec-cli-test-3b9f";

    private static readonly Dictionary<string, string> SigningSecret = new() { ["TRIBE_WEBHOOK_SIGNING_SECRET"] = Secret };

    [Test]
    public async Task WebhookUrl_ASignInSendsTheTestRequestThenCreatedAndVerified_SignedAsTheCommunitysAppsCheck_AndNodeAgrees()
    {
        using var endpoint = new WebhookListener(Secret);
        using var simulator = CommunitySimulatorProcess.Start(Cli.Assembly, Key, SigningSecret, "--webhook-url", endpoint.Url, "--network-id", "CAx1mZ7I7a");

        (await simulator.GetAsync("/auth/sso?jwt=" + Token("42", "jane@example.com"))).Status.Should().Be(HttpStatusCode.Found);
        var received = endpoint.WaitFor(3);

        received.Select(r => r.Name).Should().Equal("TEST", "member.created", "member.verified");
        received.Should().OnlyContain(r => r.SignatureValid && r.Method == "POST" && r.ContentType == "application/json");
        received.Should().OnlyContain(r => r.Json.GetProperty("networkId").GetString() == "CAx1mZ7I7a");
        received[1].Data.GetProperty("object").GetProperty("externalId").GetString().Should().Be("42");
        NodeInterop.VerifyWebhooks(Secret, received.Select(r => (r.Signature, r.Timestamp, r.Body)).ToArray()).Should().Equal(true, true, true);
        NodeInterop.VerifyWebhooks(Secret + "x", (received[1].Signature, received[1].Timestamp, received[1].Body)).Should().Equal(false);
        var log = await Json(simulator, "/_simulator/webhooks");
        log.EnumerateArray().Select(d => d.GetProperty("event").GetString() + " " + d.GetProperty("delivered").GetBoolean()).Should().Equal("TEST True", "member.created True", "member.verified True");
        var (_, logBody, _) = await simulator.GetAsync("/_simulator/webhooks");
        logBody.Should().NotContain(Secret).And.NotContain("jane@example.com").And.NotContain(received[1].Signature);
        simulator.Stop().Should().Be(0);
        (simulator.Stdout + simulator.Stderr).Should().NotContain(Secret);
    }

    [Test]
    public async Task WebhookDuplicates_DeliversEachEventTwice_WithTheSameId()
    {
        using var endpoint = new WebhookListener(Secret);
        using var simulator = CommunitySimulatorProcess.Start(Cli.Assembly, Key, SigningSecret, "--webhook-url", endpoint.Url, "--webhook-duplicates");

        await simulator.GetAsync("/auth/sso?jwt=" + Token("7", "sam@example.com"));
        var received = endpoint.WaitFor(5);

        received.Select(r => r.Name).Should().Equal("TEST", "member.created", "member.created", "member.verified", "member.verified");
        received[2].Data.GetProperty("id").GetString().Should().Be(received[1].Data.GetProperty("id").GetString());
        received[4].Data.GetProperty("id").GetString().Should().Be(received[3].Data.GetProperty("id").GetString());
        received.Should().OnlyContain(r => r.SignatureValid);
    }

    [Test]
    public void WebhookUrl_WithoutTheSigningSecretInTheEnvironment_ExitsWithTwoNamingTheVariable()
    {
        var run = Cli.Execute(Key, "community", "--urls", "http://127.0.0.1:0", "--webhook-url", "http://127.0.0.1:5080/community/webhooks");

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Be("tribe-sso community: --webhook-url: needs the app's signing secret in TRIBE_WEBHOOK_SIGNING_SECRET (never an option, so it stays out of shell history), the one your endpoint verifies with: TRIBE_WEBHOOK_SIGNING_SECRET=... tribe-sso community --webhook-url http://127.0.0.1:5080/community/webhooks.\n");
    }

    [TestCase("/community/webhooks")]
    [TestCase("ftp://127.0.0.1/hooks")]
    [TestCase("http://user:pw@127.0.0.1/hooks")]
    [TestCase("http://127.0.0.1/hooks#x")]
    public void WebhookUrl_NotAnAbsoluteHttpUrl_ExitsWithTwo(string url)
    {
        var run = Cli.ExecuteWith(SigningSecret, Key, "community", "--urls", "http://127.0.0.1:0", "--webhook-url", url);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Be("tribe-sso community: --webhook-url: must be an absolute http or https URL without user info or a fragment: your site's webhook endpoint, such as http://127.0.0.1:5080/community/webhooks.\n");
    }

    [Test]
    public void WebhookDuplicates_WithoutAWebhookUrl_ExitsWithTwo()
    {
        var run = Cli.ExecuteWith(SigningSecret, Key, "community", "--urls", "http://127.0.0.1:0", "--webhook-duplicates");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Be("tribe-sso community: --webhook-duplicates: needs --webhook-url: it doubles the webhook deliveries, and without a URL none are sent.\n");
    }

    private static string Token(string sub, string email)
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        return NodeInterop.Sign(Key, new JsonObject { ["iat"] = now, ["exp"] = now + 60, ["email"] = email, ["sub"] = sub, ["name"] = "Jane Doe" })[0];
    }

    private static async Task<JsonElement> Json(CommunitySimulatorProcess simulator, string path)
    {
        var (status, body, _) = await simulator.GetAsync(path);
        status.Should().Be(HttpStatusCode.OK);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
