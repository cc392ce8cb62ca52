using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Tribe.Sso.Members;
using static Tribe.Sso.Cli.Tests.Webhooks.WebhooksTestCommandTests;

namespace Tribe.Sso.Cli.Tests.Webhooks;

/// <summary><c>tribe-sso webhooks trigger</c>: one signed event that the receiver verifies and the SDK reads as the typed event.</summary>
public class WebhooksTriggerCommandTests
{
    private static readonly string[] Member = { "--external-id", "user-42", "--email", "ada@example.org", "--name", "Ada Lovelace", "--member-id", "m-7", "--network-id", "net-1" };

    [TestCase("member.created", "MEMBER", "CREATED", TribeMemberStatus.Unverified)]
    [TestCase("member.verified", "MEMBER", "VERIFIED", TribeMemberStatus.Verified)]
    [TestCase("member.updated", "MEMBER", "UPDATED", TribeMemberStatus.Verified)]
    [TestCase("member.deleted", "MEMBER", "DELETED", TribeMemberStatus.Verified)]
    public async Task Trigger_AMemberEvent_SendsADeliveryTheReceiverVerifies_ThatReadsAsTheMemberEvent(string name, string noun, string verb, TribeMemberStatus status)
    {
        await using var receiver = WebhookReceiver.Start(Secret);

        var run = Cli.ExecuteWith(WithSecret, null, new[] { "webhooks", "trigger", name, "--url", receiver.Url }.Concat(Member).ToArray());

        run.ExitCode.Should().Be(0, run.All);
        var id = Regex.Match(run.Stdout, "^" + Regex.Escape(name) + " ([0-9a-f]{24}): 200 OK\n$").Groups[1].Value;
        id.Should().NotBeEmpty(run.Stdout);
        run.All.Should().NotContain("ada@example.org").And.NotContain(Secret);
        var delivery = receiver.Deliveries.Should().ContainSingle().Subject;
        delivery.Verified.Should().BeTrue();

        var parsed = TribeWebhookDelivery.Parse(delivery.Body);
        parsed.Type.Should().Be(TribeWebhookDeliveryType.Subscription);
        parsed.NetworkId.Should().Be("net-1");
        parsed.Context.Should().Be("NETWORK");
        var e = parsed.Event.Should().BeOfType<TribeMemberEvent>().Subject;
        (e.Id, e.Name, e.Noun, e.Verb).Should().Be((id, name, noun, verb));
        e.Time.Should().BeCloseTo(System.DateTimeOffset.UtcNow, System.TimeSpan.FromMinutes(1));
        (e.Actor.Id, e.Actor.RoleType, e.Target.NetworkId, e.Target.MemberId).Should().Be(("m-7", "member", "net-1", "m-7"));
        (e.Member.Id, e.Member.ExternalId, e.Member.Email, e.Member.Name, e.Member.Status).Should().Be(("m-7", "user-42", "ada@example.org", "Ada Lovelace", status));
        if (name == "member.updated")
        {
            e.OldMember.Should().NotBeNull();
            (e.OldMember!.ExternalId, e.OldMember.Email, e.OldMember.Name).Should().Be(("user-42", "previous.ada@example.org", "Ada Lovelace (before)"));
        }
        else
        {
            e.OldMember.Should().BeNull();
        }

        delivery.Json.GetProperty("data").GetProperty("time").GetString().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$");
    }

    [TestCase("space_membership.created", "CREATED")]
    [TestCase("space_membership.deleted", "DELETED")]
    public async Task Trigger_ASpaceMembershipEvent_ReadsAsTheSpaceMembershipEvent(string name, string verb)
    {
        await using var receiver = WebhookReceiver.Start(Secret);

        var run = Cli.ExecuteWith(WithSecret, null, new[] { "webhooks", "trigger", name, "--url", receiver.Url, "--space-id", "space-9" }.Concat(Member).ToArray());

        run.ExitCode.Should().Be(0, run.All);
        run.Stdout.Should().MatchRegex("^" + Regex.Escape(name) + " [0-9a-f]{24}: 200 OK\n$");
        var delivery = receiver.Deliveries.Should().ContainSingle().Subject;
        delivery.Verified.Should().BeTrue();
        var e = TribeWebhookDelivery.Parse(delivery.Body).Event.Should().BeOfType<TribeSpaceMembershipEvent>().Subject;
        (e.Name, e.Noun, e.Verb, e.MemberId, e.SpaceId, e.Target.SpaceId).Should().Be((name, "SPACE_MEMBERSHIP", verb, "m-7", "space-9", "space-9"));
        e.RawObject.GetProperty("id").GetString().Should().Be("space-9");
    }

    [Test]
    public async Task Trigger_WithoutOptions_SendsJaneOfTheSimulatedCommunity()
    {
        await using var receiver = WebhookReceiver.Start(Secret);

        var run = Cli.ExecuteWith(WithSecret, null, "webhooks", "trigger", "member.verified", "--url", receiver.Url);

        run.ExitCode.Should().Be(0, run.All);
        var e = (TribeMemberEvent)TribeWebhookDelivery.Parse(receiver.Deliveries.Single().Body).Event!;
        (e.NetworkId, e.Member.Id, e.Member.ExternalId, e.Member.Email, e.Member.Name).Should().Be(("SimNetwork", "000000000000000000000001", "42", "jane@example.com", "Jane Doe"));
    }

    [Test]
    public async Task Trigger_Duplicate_DeliversTheSameEventIdTwice_EachSigned()
    {
        await using var receiver = WebhookReceiver.Start(Secret);

        var run = Cli.ExecuteWith(WithSecret, null, "webhooks", "trigger", "member.updated", "--url", receiver.Url, "--duplicate");

        run.ExitCode.Should().Be(0, run.All);
        run.Stdout.Should().MatchRegex("^member.updated ([0-9a-f]{24}): 200 OK\nmember.updated \\1 \\(again\\): 200 OK\n$");
        receiver.Deliveries.Should().HaveCount(2).And.OnlyContain(d => d.Verified);
        receiver.Deliveries.Select(d => TribeWebhookDelivery.Parse(d.Body).Event!.Id).Distinct().Should().ContainSingle();
    }

    [Test]
    public async Task Trigger_AReceiverThatAnswers500_ExitsWithOne()
    {
        await using var receiver = WebhookReceiver.Start(Secret, WebhookReceiver.Behaviour.ServerError);

        var run = Cli.ExecuteWith(WithSecret, null, "webhooks", "trigger", "member.deleted", "--url", receiver.Url);

        run.ExitCode.Should().Be(1, run.All);
        run.Stdout.Should().MatchRegex("^member.deleted [0-9a-f]{24}: 500 Internal Server Error\n$");
    }

    [Test]
    public void Trigger_AnEventItDoesNotSend_ExitsWithTwo_ListingTheEvents()
    {
        var run = Cli.ExecuteWith(WithSecret, null, "webhooks", "trigger", "space.created", "--url", "http://127.0.0.1:9/hooks");

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Be("tribe-sso webhooks trigger: EVENT: 'space.created' is not an event tribe-sso sends. Pass one of member.created, member.verified, member.updated, member.deleted, space_membership.created, space_membership.deleted.\n");
    }

    [Test]
    public void Trigger_WithoutTheSecret_ExitsWithTwo_NamingTheVariable()
    {
        var run = Cli.ExecuteWith(new Dictionary<string, string>(), null, "webhooks", "trigger", "member.created", "--url", "http://127.0.0.1:9/hooks");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Be("tribe-sso webhooks trigger: TRIBE_WEBHOOK_SIGNING_SECRET: is not set. Set it to the app's signing secret, shown with the app's credentials in the community's developer portal.\n");
    }

    [TestCase("--email", "ada@example.org\r\nX-Injected: 1")]
    [TestCase("--external-id", "")]
    [TestCase("--name", "\u001b[2J")]
    public void Trigger_AValueADeliveryCannotCarry_ExitsWithTwo_WithoutEchoingIt(string option, string value)
    {
        var run = Cli.ExecuteWith(WithSecret, null, "webhooks", "trigger", "member.updated", "--url", "http://127.0.0.1:9/hooks", option, value);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Be("tribe-sso webhooks trigger: " + option + ": must be 1 to 256 characters without control characters.\n");
    }
}
