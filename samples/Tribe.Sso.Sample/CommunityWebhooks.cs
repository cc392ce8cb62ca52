using System.Collections.Concurrent;
using System.Security.Cryptography;
using Tribe.Sso.AspNetCore;
using Tribe.Sso.Members;
using Tribe.Sso.Testing;

namespace Tribe.Sso.Sample;

/// <summary>
/// The partner hears its community: the community app's webhooks arrive at <c>/community/webhooks</c>, a handler keeps
/// the site's own record of each member, and <c>/admin/community-events</c> shows what arrived ("Jane Doe's email changed
/// in the community", "Sam Shared was deleted"). With the simulated community, its app's webhook URL and signing secret
/// are set up here.
/// </summary>
internal static class CommunityWebhooks
{
    public const string Path = "/community/webhooks";

    /// <summary>Points the simulated community's app at this site's webhook endpoint, with a fresh random signing secret per run.</summary>
    public static TribeCommunitySimulatorOptions WithWebhooks(this TribeCommunitySimulatorOptions options, IConfiguration configuration, string siteUrl)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        configuration["TribeSso:Webhooks:SigningSecret"] = secret;
        options.WebhookUrl = new Uri(siteUrl + Path);
        options.WebhookSigningSecret = secret;
        return options;
    }

    /// <summary>Registers the webhooks when the community's section has a signing secret (always with the simulated community).</summary>
    public static void AddCommunityWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MemberRecords>();
        var community = builder.Configuration.GetSection("TribeSso");
        if (!string.IsNullOrEmpty(community["Webhooks:SigningSecret"]))
        {
            builder.Services.AddTribeSsoWebhooks(community).AddHandler<MemberSync>();
        }
    }

    /// <summary>Maps the webhook endpoint (when registered) and the admin page of what arrived.</summary>
    public static void MapCommunityWebhooks(this WebApplication app)
    {
        if (!string.IsNullOrEmpty(app.Configuration["TribeSso:Webhooks:SigningSecret"]))
        {
            app.MapTribeSsoWebhooks(Path);
        }

        app.MapGet("/admin/community-events", (MemberRecords records) =>
        {
            var lines = string.Concat(records.Lines.Reverse().Select(l => $"<li class=\"community-event\">{SiteHtml.E(l)}</li>"));
            return Results.Content(SiteHtml.Layout("What the community told us", $"""
                <p>Each line is a webhook the community sent: the site keeps its own record of each member from them.</p>
                {(lines.Length == 0 ? "<p id=\"no-events\">Nothing yet.</p>" : $"<ul id=\"community-events\">{lines}</ul>")}
                <p><a href="/">Back to your profile</a></p>
                """), "text/html");
        }).RequireAuthorization();
    }

    /// <summary>The site's own copy of each member, by the site's user id (the member's externalId), and what changed.</summary>
    internal sealed class MemberRecords
    {
        private readonly ConcurrentQueue<string> _lines = new();

        public ConcurrentDictionary<string, TribeMember> Members { get; } = new();

        public IEnumerable<string> Lines => _lines;

        public void Say(string line) => _lines.Enqueue(line);
    }

    /// <summary>
    /// The handler: each method sets the site's record to what the event says, so a repeated delivery changes nothing.
    /// A member the site does not know (no externalId: created in the community itself) is only reported.
    /// </summary>
    internal sealed class MemberSync(MemberRecords records) : TribeWebhookHandler
    {
        public override Task OnMemberCreatedAsync(TribeMemberEvent e, CancellationToken ct) => Keep(e, Name(e.Member) + " joined the community");

        public override Task OnMemberVerifiedAsync(TribeMemberEvent e, CancellationToken ct) => Keep(e, Name(e.Member) + "'s email was verified");

        public override Task OnMemberUpdatedAsync(TribeMemberEvent e, CancellationToken ct)
        {
            var before = e.OldMember;
            var what = before is null ? Name(e.Member) + " changed in the community"
                : !string.Equals(before.Email, e.Member.Email, StringComparison.Ordinal) ? Name(e.Member) + "'s email changed in the community"
                : !string.Equals(before.Name, e.Member.Name, StringComparison.Ordinal) ? Name(before) + " is now called " + Name(e.Member) + " in the community"
                : Name(e.Member) + "'s profile changed in the community";
            return Keep(e, what);
        }

        public override Task OnMemberDeletedAsync(TribeMemberEvent e, CancellationToken ct)
        {
            if (e.Member.ExternalId is { } userId)
            {
                records.Members.TryRemove(userId, out _);
            }

            records.Say(Name(e.Member) + " was deleted");
            return Task.CompletedTask;
        }

        public override Task OnSpaceMembershipCreatedAsync(TribeSpaceMembershipEvent e, CancellationToken ct) => Say(NameOf(e.MemberId) + " joined the space " + e.SpaceId);

        public override Task OnSpaceMembershipDeletedAsync(TribeSpaceMembershipEvent e, CancellationToken ct) => Say(NameOf(e.MemberId) + " left the space " + e.SpaceId);

        private static string Name(TribeMember member) => member.Name ?? "Member " + member.Id;

        /// <summary>A space event names the member by the community's id: the site's record says who that is.</summary>
        private string NameOf(string memberId) => records.Members.Values.FirstOrDefault(m => m.Id == memberId) is { } member ? Name(member) : "Member " + memberId;

        private Task Keep(TribeMemberEvent e, string line)
        {
            if (e.Member.ExternalId is { } userId)
            {
                records.Members[userId] = e.Member;
            }

            return Say(line);
        }

        private Task Say(string line)
        {
            records.Say(line);
            return Task.CompletedTask;
        }
    }
}
