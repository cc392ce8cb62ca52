using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tribe.Sso.AspNetCore;
using Tribe.Sso.Members;
using static Tribe.Sso.Cli.Tests.Webhooks.WebhooksTestCommandTests;

namespace Tribe.Sso.Cli.Tests.Webhooks;

/// <summary>What the commands send is what the SDK's own endpoint, <c>MapTribeSsoWebhooks</c>, accepts and hands to a handler.</summary>
public class WebhooksAgainstTheSdkEndpointTests
{
    [Test]
    public async Task TestAndTrigger_AgainstMapTribeSsoWebhooks_AreAnswered_AndAnUpdateReachesTheHandlerOnce()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["TribeSso:Webhooks:SigningSecret"] = Secret });
        builder.Services.AddSingleton<Updates>();
        builder.Services.AddTribeSsoWebhooks(builder.Configuration.GetSection("TribeSso")).AddHandler<MemberSync>();
        await using var app = builder.Build();
        app.MapTribeSsoWebhooks("/community/webhooks");
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single() + "/community/webhooks";

        var test = Cli.ExecuteWith(WithSecret, null, "webhooks", "test", "--url", url);
        var trigger = Cli.ExecuteWith(WithSecret, null, "webhooks", "trigger", "member.updated", "--url", url, "--external-id", "user-42", "--email", "ada@example.org", "--duplicate");

        test.ExitCode.Should().Be(0, test.All);
        trigger.ExitCode.Should().Be(0, trigger.All);
        var update = app.Services.GetRequiredService<Updates>().Seen.Should().ContainSingle("the endpoint runs an event once, however often it is delivered").Subject;
        (update.Member.ExternalId, update.Member.Email, update.OldMember!.Email).Should().Be(("user-42", "ada@example.org", "previous.ada@example.org"));
    }

    private sealed class Updates
    {
        public ConcurrentQueue<TribeMemberEvent> Seen { get; } = new();
    }

    private sealed class MemberSync(Updates updates) : TribeWebhookHandler
    {
        public override Task OnMemberUpdatedAsync(TribeMemberEvent e, CancellationToken cancellationToken)
        {
            updates.Seen.Enqueue(e);
            return Task.CompletedTask;
        }
    }
}
