using System;
using System.CommandLine;
using System.IO;
using Tribe.Sso.Members;

namespace Tribe.Sso.Cli;

/// <summary>
/// <c>tribe-sso webhooks test|trigger|verify</c>: play the community against a partner's webhook URL, and check a
/// captured delivery. The signing secret comes only from TRIBE_WEBHOOK_SIGNING_SECRET. See docs/cli.md#tribe-sso-webhooks.
/// Exit codes: 0 answered as the community expects (or valid), 1 not, 2 unusable input.
/// </summary>
internal static class WebhooksCommand
{
    /// <summary>The simulated community's network id (<c>tribe-sso community --network-id</c>), so the two agree by default.</summary>
    public const string DefaultNetworkId = "SimNetwork";

    public static Command Create(TextWriter stdout)
    {
        return new Command("webhooks", "Send the community's webhook test request or one of its events to your app's webhook URL, or verify a captured delivery. "
            + "The app's signing secret comes from " + WebhookSecretSource.EnvironmentVariable + "; no option takes it.")
        {
            Test(stdout),
            TriggerCommand.Create(stdout),
            Verify(stdout),
        };
    }

    /// <summary>The options every sending command has: the URL, the network, the timeout.</summary>
    internal sealed class Target
    {
        public readonly Option<string> Url = new("--url") { Description = "Your app's webhook URL (http or https). Redirects are not followed.", Required = true };

        public readonly Option<string?> NetworkId = new("--network-id") { Description = "The community's network id in the delivery. Default " + DefaultNetworkId + ", the simulated community's." };

        public readonly Option<int?> Timeout = WholeNumberOption.Int32("--timeout", "Seconds to wait for the answer, 1 to 300. Default 10.", "seconds, 1 to 300, such as 10");

        public void AddTo(Command command)
        {
            command.Options.Add(Url);
            command.Options.Add(NetworkId);
            command.Options.Add(Timeout);
        }

        /// <summary>Checks the input before anything is sent, the secret last, so a bad option is named first.</summary>
        public WebhookPoster Connect(ParseResult parse)
        {
            var url = WebhookPoster.ParseUrl(parse.GetValue(Url));
            var timeout = parse.GetValue(Timeout) ?? 10;
            if (timeout is < 1 or > 300)
            {
                throw new CliException("--timeout", "must be 1 to 300 seconds.");
            }

            NetworkIdOf(parse);
            return new WebhookPoster(url, WebhookSecretSource.Read(), timeout);
        }

        public string NetworkIdOf(ParseResult parse) => TriggerCommand.Checked(parse.GetValue(NetworkId) ?? DefaultNetworkId, "--network-id");
    }

    private static Command Test(TextWriter stdout)
    {
        var target = new Target();
        var command = new Command("test", "Send the community's test request, as when an app's webhook URL is saved, and check that the URL echoes the challenge.\n"
            + "Exit code: 0 echoed, 1 not (or no answer), 2 unusable input.\n\nExample:\n  tribe-sso webhooks test --url http://127.0.0.1:5080/community/webhooks");
        target.AddTo(command);
        command.SetAction(parse =>
        {
            using var poster = target.Connect(parse);
            var challenge = TestRequest.NewChallenge();
            var answer = poster.Post(TestRequest.Body(target.NetworkIdOf(parse), challenge));
            var problem = TestRequest.Problem(answer, challenge);
            stdout.Write(TerminalText.Escape(problem is null
                ? "ok: the URL answered the test request with 200 and echoed the challenge"
                : "failed: " + problem + ". The community would not save this URL.") + "\n");
            return problem is null ? 0 : 1;
        });
        return command;
    }

    private static Command Verify(TextWriter stdout)
    {
        var signature = new Option<string>("--signature") { Description = "The " + TribeWebhookHeaders.Signature + " header's value.", Required = true };
        var timestamp = new Option<string>("--timestamp") { Description = "The " + TribeWebhookHeaders.Timestamp + " header's value (milliseconds).", Required = true };
        var bodyFile = new Option<FileInfo?>("--body-file") { Description = "A file holding the body exactly as received. Default: the body is read from stdin." };
        var tolerance = WholeNumberOption.Int32("--tolerance", "Seconds the timestamp may be from now, 1 to 3600. Default 300, as the community's own apps.", "seconds, 1 to 3600, such as 300");
        var now = WholeNumberOption.Int64("--now", "Check the timestamp against this time, in milliseconds since the Unix epoch (default: now).", "milliseconds since the Unix epoch, such as 1767225600000");
        var ignoreTime = new Option<bool>("--ignore-time") { Description = "Check the signature only, at the delivery's own time: for a delivery captured long ago." };
        var command = new Command("verify", "Verify a captured delivery's signature and timestamp against its raw body, as a receiver does.\n"
            + "Exit code: 0 valid, 1 refused, 2 unusable input.\n\nExample:\n  tribe-sso webhooks verify --signature 5d41… --timestamp 1767225600000 --body-file body.json")
        {
            signature, timestamp, bodyFile, tolerance, now, ignoreTime,
        };
        command.SetAction(parse =>
        {
            var seconds = parse.GetValue(tolerance) ?? (int)TribeWebhookVerifier.DefaultTolerance.TotalSeconds;
            if (seconds is < 1 or > 3600)
            {
                throw new CliException("--tolerance", "must be 1 to 3600 seconds (the community's own apps allow 300, its docs at most 900).");
            }

            var sent = parse.GetValue(timestamp)!;
            var clock = CapturedDelivery.Clock(parse.GetValue(now), parse.GetValue(ignoreTime), sent);
            var body = CapturedDelivery.ReadBody(parse.GetValue(bodyFile));
            var verifier = new TribeWebhookVerifier(WebhookSecretSource.Read(), clock, TimeSpan.FromSeconds(seconds));
            return CapturedDelivery.Report(verifier.Verify(parse.GetValue(signature), sent, body), sent, body, parse.GetValue(ignoreTime), stdout);
        });
        return command;
    }
}
