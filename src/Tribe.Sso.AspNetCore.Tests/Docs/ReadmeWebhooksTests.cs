using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>The README's "Webhooks" snippets, compiled, started and sent a signed delivery.</summary>
public class ReadmeWebhooksTests
{
    [Test]
    public async Task WebhooksRegistration_ReceivesAMemberUpdate()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["TribeSso:Webhooks:SigningSecret"] = WebhooksApp.Secret });
        builder.Services.AddSingleton<AppDb>();

        #region WebhooksRegistration
        builder.Services.AddTribeSsoWebhooks(builder.Configuration.GetSection("TribeSso"))   // TribeSso:Webhooks:SigningSecret
            .AddHandler<MemberSync>();
        builder.Services.AddHealthChecks().AddTribeSsoWebhooks();
        var app = builder.Build();
        app.MapTribeSsoWebhooks("/community/webhooks");
        #endregion

        await app.StartAsync();
        try
        {
            using var client = PartnerApp.CreateClient(app);
            var body = System.Text.Encoding.UTF8.GetBytes(WebhooksApp.MemberEvent("e1", "member.updated", "jane@new.example.com", "jane@example.com"));
            var timestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var request = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, "/community/webhooks") { Content = new System.Net.Http.ByteArrayContent(body) };
            request.Headers.Add(TribeWebhookHeaders.Signature, WebhooksApp.Sign(WebhooksApp.Secret, timestamp, body));
            request.Headers.Add(TribeWebhookHeaders.Timestamp, timestamp);

            (await client.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.OK);

            app.Services.GetRequiredService<AppDb>().Emails["42"].Should().Be("jane@new.example.com");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    [TestCase("WebhooksRegistration")]
    [TestCase("WebhooksHandler")]
    public void Readme_ShowsTheSnippetVerbatim(string region)
    {
        var snippet = Snippets.Region(Path.Combine(Repository.Root, "src", "Tribe.Sso.AspNetCore.Tests", "Docs", "ReadmeWebhooksTests.cs"), region);

        Snippets.Readme().Should().Contain("```csharp\n" + snippet + "```");
    }

    internal sealed class AppDb
    {
        public ConcurrentDictionary<string, string?> Emails { get; } = new();

        public Task SetEmailAsync(string userId, string? email, CancellationToken ct)
        {
            Emails[userId] = email;
            return Task.CompletedTask;
        }

        public Task DeleteUserAsync(string userId, CancellationToken ct)
        {
            Emails.TryRemove(userId, out _);
            return Task.CompletedTask;
        }
    }

    #region WebhooksHandler
    // Resolved per delivery from the request's scope: a DbContext works. Each method must be safe to run twice.
    internal sealed class MemberSync(AppDb db) : TribeWebhookHandler
    {
        public override Task OnMemberUpdatedAsync(TribeMemberEvent e, CancellationToken ct)
            => e.Member.ExternalId is { } userId ? db.SetEmailAsync(userId, e.Member.Email, ct) : Task.CompletedTask;

        public override Task OnMemberDeletedAsync(TribeMemberEvent e, CancellationToken ct)
            => e.Member.ExternalId is { } userId ? db.DeleteUserAsync(userId, ct) : Task.CompletedTask;
    }
    #endregion
}
