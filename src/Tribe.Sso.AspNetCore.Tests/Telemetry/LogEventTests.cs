using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Tribe.Sso.AspNetCore.Tests;

/// <summary>The log events of the sign-in and logout endpoints keep the ids, names and categories docs/operations.md lists.</summary>
public class LogEventTests
{
    [TestCase("/community/sso?redirect=/answers", 1, "UserSentToCommunity", LogLevel.Information, "Tribe.Sso.AspNetCore.TribeSsoEndpoint")]
    [TestCase("/community/sso?redirect=//evil.example", 2, "RedirectRefused", LogLevel.Warning, "Tribe.Sso.AspNetCore.TribeSsoEndpoint")]
    [TestCase("/community/logout", 10, "SignedOut", LogLevel.Information, "Tribe.Sso.AspNetCore.TribeSsoLogoutEndpoint")]
    [TestCase("/community/logout?redirect=//evil.example", 11, "LogoutRedirectRefused", LogLevel.Warning, "Tribe.Sso.AspNetCore.TribeSsoLogoutEndpoint")]
    public async Task Endpoint_Request_LogsTheDocumentedEvent(string request, int id, string name, LogLevel level, string category)
    {
        await using var site = await PartnerApp.StartAsync(app => app.MapTribeSsoLogout("/community/logout"));
        (await site.Client.GetAsync(new Uri("/login?user=jane", UriKind.Relative))).Dispose();

        (await site.Client.GetAsync(new Uri(request, UriKind.Relative))).Dispose();

        site.Logs.GetSnapshot().Where(r => r.Category?.StartsWith("Tribe.Sso", StringComparison.Ordinal) == true)
            .Should().ContainSingle(r => r.Id.Id == id)
            .Which.Should().Match<Microsoft.Extensions.Logging.Testing.FakeLogRecord>(r => r.Id.Name == name && r.Level == level && r.Category == category);
    }

    [Test]
    public async Task UserNotMapped_WithoutEmail_IsEvent3()
    {
        await using var site = await PartnerApp.StartAsync();
        (await site.Client.GetAsync(new Uri("/login?user=noemail", UriKind.Relative))).Dispose();

        (await site.Client.GetAsync(new Uri("/community/sso", UriKind.Relative))).Dispose();

        site.Logs.GetSnapshot().Where(r => r.Category?.StartsWith("Tribe.Sso", StringComparison.Ordinal) == true)
            .Should().ContainSingle(r => r.Id.Id == 3)
            .Which.Id.Name.Should().Be("UserNotMapped");
    }
}
