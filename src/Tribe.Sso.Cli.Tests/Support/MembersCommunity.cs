using System;
using System.Collections.Generic;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Cli.Tests;

/// <summary>A <c>tribe-sso community</c> process with an app installed, and <c>tribe-sso members</c> runs against it with the app's credentials in the environment.</summary>
internal sealed class MembersCommunity : IDisposable
{
    public const string ClientId = "cli-members-app";
    public const string Secret = "cli-members-secret-4e81b0";
    public const string NetworkId = "CAx1mZ7I7a";

    private MembersCommunity(CommunitySimulatorProcess process) => Process = process;

    public CommunitySimulatorProcess Process { get; }

    public string ApiUrl => new Uri(Process.Url, "/api/gateway").AbsoluteUri;

    public static Dictionary<string, string> Credentials(string secret = Secret) => new()
    {
        ["TRIBE_API_CLIENT_ID"] = ClientId,
        ["TRIBE_API_CLIENT_SECRET"] = secret,
        ["TRIBE_API_NETWORK_ID"] = NetworkId,
    };

    public static MembersCommunity Start(params string[] args)
    {
        var all = new List<string> { "--network-id", NetworkId, "--api-client-id", ClientId };
        all.AddRange(args);
        return new MembersCommunity(CommunitySimulatorProcess.Start(Cli.Assembly, TestKeys.Primary, new Dictionary<string, string> { ["TRIBE_API_CLIENT_SECRET"] = Secret }, all.ToArray()));
    }

    public void Seed(string email, string externalId, string name = "Seeded Member")
    {
        var body = new JsonObject { ["email"] = email, ["name"] = name, ["externalId"] = externalId }.ToJsonString();
        Process.PostAsync("/_simulator/members", body).GetAwaiter().GetResult().Status.Should().Be(HttpStatusCode.Created);
    }

    /// <summary>The community's members as its own API lists them: externalId by email.</summary>
    public Dictionary<string, string?> ExternalIds()
    {
        var (_, body, _) = Process.GetAsync("/_simulator/members").GetAwaiter().GetResult();
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var root = JsonDocument.Parse(body).RootElement;
        foreach (var member in root.ValueKind == JsonValueKind.Array ? root.EnumerateArray() : root.GetProperty("members").EnumerateArray())
        {
            result[member.GetProperty("email").GetString()!] = member.TryGetProperty("externalId", out var id) ? id.GetString() : null;
        }

        return result;
    }

    /// <summary>Runs <c>tribe-sso members ...</c> against this community; the output never holds the secret.</summary>
    public Cli.Run Members(params string[] args) => MembersWith(Credentials(), args);

    public Cli.Run MembersWith(Dictionary<string, string> environment, params string[] args)
    {
        var all = new List<string> { "members" };
        all.AddRange(args);
        all.Add("--api-url");
        all.Add(ApiUrl);
        var run = Cli.ExecuteWith(environment, null, all.ToArray());
        run.All.Should().NotContain(Secret);
        return run;
    }

    public void Dispose() => Process.Dispose();
}
