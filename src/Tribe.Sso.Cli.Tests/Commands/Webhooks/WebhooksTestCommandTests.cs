using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Tribe.Sso.Cli.Tests.Webhooks;

/// <summary><c>tribe-sso webhooks test</c> against a receiver on 127.0.0.1 that checks the signature without the SDK.</summary>
public class WebhooksTestCommandTests
{
    internal const string Secret = "app-signing-secret-7f3a9c";

    internal static readonly Dictionary<string, string> WithSecret = new() { ["TRIBE_WEBHOOK_SIGNING_SECRET"] = Secret };

    [Test]
    public async Task Test_AReceiverThatEchoesTheChallenge_ExitsWithZero_AfterASignedTestRequest()
    {
        await using var receiver = WebhookReceiver.Start(Secret);

        var run = Cli.ExecuteWith(WithSecret, null, "webhooks", "test", "--url", receiver.Url, "--network-id", "net-1");

        run.ExitCode.Should().Be(0, run.All);
        run.Stdout.Should().Be("ok: the URL answered the test request with 200 and echoed the challenge\n");
        run.Stderr.Should().BeEmpty();
        receiver.Deliveries.Should().ContainSingle().Which.Verified.Should().BeTrue();
        receiver.Deliveries.TryPeek(out var delivery).Should().BeTrue();
        var body = delivery!.Json;
        body.GetProperty("networkId").GetString().Should().Be("net-1");
        body.GetProperty("context").GetString().Should().Be("NETWORK");
        body.GetProperty("entityId").GetString().Should().Be("net-1");
        body.GetProperty("currentSettings").GetArrayLength().Should().Be(0);
        body.GetProperty("type").GetString().Should().Be("TEST");
        body.GetProperty("data").GetProperty("challenge").GetString().Should().MatchRegex("^[0-9a-f]{32}$");
        run.All.Should().NotContain(Secret);
    }

    [Test]
    public async Task Test_TwoRuns_SendDifferentChallenges()
    {
        await using var receiver = WebhookReceiver.Start(Secret);

        Cli.ExecuteWith(WithSecret, null, "webhooks", "test", "--url", receiver.Url).ExitCode.Should().Be(0);
        Cli.ExecuteWith(WithSecret, null, "webhooks", "test", "--url", receiver.Url).ExitCode.Should().Be(0);

        receiver.Deliveries.Select(d => d.Json.GetProperty("data").GetProperty("challenge").GetString()).Should().OnlyHaveUniqueItems().And.HaveCount(2);
    }

    [Test]
    public async Task Test_AReceiverThatEchoesAnotherChallenge_ExitsWithOne_NamingTheField()
    {
        await using var receiver = WebhookReceiver.Start(Secret, WebhookReceiver.Behaviour.WrongChallenge);

        var run = Cli.ExecuteWith(WithSecret, null, "webhooks", "test", "--url", receiver.Url);

        run.ExitCode.Should().Be(1, run.All);
        run.Stdout.Should().MatchRegex("^failed: the URL answered 200, but \"data.challenge\" is 'wrong', not the challenge sent \\('[0-9a-f]{32}'\\)\\. The community would not save this URL\\.\n$");
        run.All.Should().NotContain(Secret);
    }

    [Test]
    public async Task Test_AReceiverThatAnswers500_ExitsWithOne_NamingTheStatus()
    {
        await using var receiver = WebhookReceiver.Start(Secret, WebhookReceiver.Behaviour.ServerError);

        var run = Cli.ExecuteWith(WithSecret, null, "webhooks", "test", "--url", receiver.Url);

        run.ExitCode.Should().Be(1, run.All);
        run.Stdout.Should().Be("failed: the URL answered 500 Internal Server Error, not 200, with 'boom'. The community would not save this URL.\n");
    }

    [Test]
    public async Task Test_AReceiverWithAnotherSecret_AnswersUnauthorized_ExitsWithOne()
    {
        await using var receiver = WebhookReceiver.Start("another-app-secret");

        var run = Cli.ExecuteWith(WithSecret, null, "webhooks", "test", "--url", receiver.Url);

        run.ExitCode.Should().Be(1, run.All);
        run.Stdout.Should().Be("failed: the URL answered 401 Unauthorized, not 200, with an empty body. The community would not save this URL.\n");
    }

    [Test]
    public async Task Test_ARedirect_IsNotFollowed_ExitsWithOne()
    {
        await using var receiver = WebhookReceiver.Start(Secret, WebhookReceiver.Behaviour.Redirect);

        var run = Cli.ExecuteWith(WithSecret, null, "webhooks", "test", "--url", receiver.Url);

        run.ExitCode.Should().Be(1, run.All);
        run.Stdout.Should().Be("failed: the URL answered 307 Temporary Redirect, a redirect to '/elsewhere', which is not followed: pass the URL that answers, not 200. The community would not save this URL.\n");
        receiver.Deliveries.Should().ContainSingle().Which.Signature.Should().NotBe("redirected");
    }

    [Test]
    public async Task Test_AReceiverThatDoesNotAnswerInTime_ExitsWithOne_NamingTheTimeout()
    {
        await using var receiver = WebhookReceiver.Start(Secret, WebhookReceiver.Behaviour.Stall);

        var run = Cli.ExecuteWith(WithSecret, null, "webhooks", "test", "--url", receiver.Url, "--timeout", "1");

        run.ExitCode.Should().Be(1, run.All);
        run.Stdout.Should().Be("failed: no answer from " + receiver.BaseUrl + " within 1 s (--timeout). The community would not save this URL.\n");
    }

    [Test]
    public void Test_NothingListening_ExitsWithOne_SayingThereWasNoAnswer()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var run = Cli.ExecuteWith(WithSecret, null, "webhooks", "test", "--url", "http://127.0.0.1:" + port + "/hooks");

        run.ExitCode.Should().Be(1, run.All);
        run.Stdout.Should().StartWith("failed: no answer from http://127.0.0.1:" + port + ": Connection refused");
    }

    [Test]
    public void Test_WithoutTheSecret_ExitsWithTwo_NamingTheVariable()
    {
        var run = Cli.ExecuteWith(new Dictionary<string, string>(), null, "webhooks", "test", "--url", "http://127.0.0.1:9/hooks");

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Be("tribe-sso webhooks test: TRIBE_WEBHOOK_SIGNING_SECRET: is not set. Set it to the app's signing secret, shown with the app's credentials in the community's developer portal.\n");
    }

    [Test]
    public void Test_ASecretWithSurroundingWhitespace_ExitsWithTwo_WithoutPrintingIt()
    {
        var run = Cli.ExecuteWith(new Dictionary<string, string> { ["TRIBE_WEBHOOK_SIGNING_SECRET"] = Secret + "\n" }, null, "webhooks", "test", "--url", "http://127.0.0.1:9/hooks");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Be("tribe-sso webhooks test: TRIBE_WEBHOOK_SIGNING_SECRET: The webhook signing secret starts or ends with whitespace: copy it again without the surrounding spaces or line break.\n");
        run.All.Should().NotContain(Secret);
    }

    [TestCase("--url", "ftp://127.0.0.1/hooks", "--url: is not an absolute http or https URL. Pass your app's webhook URL, such as http://127.0.0.1:5080/community/webhooks.")]
    [TestCase("--url", "/community/webhooks", "--url: is not an absolute http or https URL. Pass your app's webhook URL, such as http://127.0.0.1:5080/community/webhooks.")]
    [TestCase("--timeout", "0", "--timeout: must be 1 to 300 seconds.")]
    [TestCase("--network-id", "net\u0007", "--network-id: must be 1 to 256 characters without control characters.")]
    public void Test_UnusableInput_ExitsWithTwo_NamingTheOption(string option, string value, string message)
    {
        var args = new List<string> { "webhooks", "test", "--url", "http://127.0.0.1:9/hooks" };
        args.AddRange(option == "--url" ? new[] { "--url", value } : new[] { option, value });
        if (option == "--url")
        {
            args.RemoveRange(2, 2);
        }

        var run = Cli.ExecuteWith(WithSecret, null, args.ToArray());

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Be("tribe-sso webhooks test: " + message + "\n");
    }
}
