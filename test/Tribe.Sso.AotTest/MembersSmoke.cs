using System;
using System.Net.Http;
using System.Threading.Tasks;
using Tribe.Sso.Members;
using Tribe.Sso.Testing;

namespace Tribe.Sso.AotTest;

/// <summary>
/// The members client under Native AOT (its JSON is source-generated): a conflict at the simulated community's
/// <c>/auth/sso</c> is fixed with <see cref="TribeMembersClient.ResolveConflictAsync"/> and the next sign-in succeeds.
/// </summary>
internal static class MembersSmoke
{
    public static async Task<string?> RunAsync(TribeSsoIssuer issuer, TribeSsoKey key)
    {
        const string clientId = "aot-app";
        var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        var simulator = new TribeCommunitySimulator(key, new TribeCommunitySimulatorOptions
        {
            ApiClientId = clientId,
            ApiClientSecret = TribeApiClientSecret.FromString(secret),
        });
        var seeded = simulator.Handle(new TribeCommunitySimulatorRequest("POST", "/_simulator/members")
        {
            Body = "{\"email\":\"lee@example.com\",\"name\":\"Lee Poe\",\"externalId\":\"old-7\"}",
        });
        var user = TribeSsoUser.Create("7", "Lee Poe", "lee@example.com").Build();
        var link = issuer.CreateLoginUrl(user, "/").ToUri().PathAndQuery;
        var conflict = simulator.Handle("GET", link);
        if (seeded.StatusCode != 201 || conflict.StatusCode != 409)
        {
            return $"a member seeded under another externalId gives a conflict (seed {seeded.StatusCode}, sign-in {conflict.StatusCode})";
        }

        using var http = new HttpClient(new SimulatorHandler(simulator));
        using var members = new TribeMembersClient(
            new TribeMembersClientOptions { ApiUrl = new Uri("http://127.0.0.1/api/gateway"), NetworkId = simulator.Options.NetworkId, ClientId = clientId, ClientSecret = secret },
            http);
        var fix = await members.ResolveConflictAsync(user);
        var found = await members.FindByExternalIdAsync("7");
        var after = simulator.Handle("GET", link);
        if (fix.Outcome != TribeConflictOutcome.Relinked || found?.Email != "lee@example.com" || after.StatusCode != 302)
        {
            return $"ResolveConflictAsync relinks the member and the next sign-in succeeds ({fix.Outcome}, found {found is not null}, sign-in {after.StatusCode})";
        }

        await members.DeleteAsync(found.Id);
        return await members.FindByExternalIdAsync("7") is null ? null : "DeleteAsync deletes the member";
    }
}
