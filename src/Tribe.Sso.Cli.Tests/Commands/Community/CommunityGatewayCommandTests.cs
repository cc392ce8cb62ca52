using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Tribe.Sso.Cli.Tests.Community;

/// <summary><c>tribe-sso community</c> with an app installed: the members API at /api/gateway over real HTTP, its rate limit, its options.</summary>
public class CommunityGatewayCommandTests
{
    private const string Key = TestKeys.Primary;
    private const string ClientId = "cli-app";
    private const string Secret = "cli-app-secret-9d2e41";
    private const string NetworkId = "CAx1mZ7I7a";
    private const string TokenQuery = "query limitedToken($networkId: String!, $context: PermissionContext!, $entityId: String!) { limitedToken(networkId: $networkId, context: $context, entityId: $entityId) { accessToken } }";

    private static readonly Dictionary<string, string> AppSecret = new() { ["TRIBE_API_CLIENT_SECRET"] = Secret };

    [Test]
    public async Task Conflict_At409_FixedThroughTheApi_LetsTheSameTokenSignIn()
    {
        using var simulator = Start("--network-id", NetworkId, "--api-client-id", ClientId);
        (await simulator.PostAsync("/_simulator/members", """{"email": "jane@example.com", "name": "Jane (old account)", "externalId": "legacy-7"}""")).Status.Should().Be(HttpStatusCode.Created);
        var link = "/auth/sso?jwt=" + NodeToken("42", "jane@example.com");
        (await simulator.GetAsync(link)).Status.Should().Be(HttpStatusCode.Conflict);

        var token = await Token(simulator, Basic(ClientId, Secret));
        var found = await Graph(simulator, token, "query F($filterBy: [MemberListFilterByInput!]) { members(limit: 5, filterBy: $filterBy) { nodes { id } } }", new JsonObject
        {
            ["filterBy"] = new JsonArray(new JsonObject { ["key"] = "email", ["operator"] = "equals", ["value"] = "jane@example.com" }),
        });
        var id = found.GetProperty("data").GetProperty("members").GetProperty("nodes")[0].GetProperty("id").GetString();
        var changed = await Graph(simulator, token, "mutation U($id: ID, $input: UpdateMemberInput!) { updateMember(id: $id, input: $input) { externalId } }", new JsonObject { ["id"] = id, ["input"] = new JsonObject { ["externalId"] = "42" } });

        changed.GetProperty("data").GetProperty("updateMember").GetProperty("externalId").GetString().Should().Be("42");
        (await simulator.GetAsync(link)).Status.Should().Be(HttpStatusCode.Found);
        simulator.Stop().Should().Be(0);
        (simulator.Stdout + simulator.Stderr).Should().NotContain(Secret).And.NotContain(token);
    }

    [Test]
    public async Task WrongSecret_Answers108_WithoutTheSecret()
    {
        using var simulator = Start("--network-id", NetworkId, "--api-client-id", ClientId);

        var (status, body, _) = await simulator.PostAsync("/api/gateway", TokenBody(NetworkId), Basic(ClientId, Secret + "-wrong"));

        status.Should().Be(HttpStatusCode.OK);
        JsonDocument.Parse(body).RootElement.GetProperty("errors")[0].GetProperty("code").GetString().Should().Be("108");
        body.Should().NotContain(Secret);
    }

    [Test]
    public async Task RateLimit_AnswersTheRequestBeyondIt429_WithRetryAfterAndCode104()
    {
        using var simulator = Start("--api-rate-limit", "2");
        const string Body = """{"query": "{ __typename }"}""";

        var answers = new List<(HttpStatusCode Status, string Body, string? RetryAfter)>();
        for (var i = 0; i < 3; i++)
        {
            answers.Add(await simulator.PostAsync("/api/gateway", Body));
        }

        answers[0].Status.Should().Be(HttpStatusCode.OK);
        answers[1].Status.Should().Be(HttpStatusCode.OK);
        answers[2].Status.Should().Be(HttpStatusCode.TooManyRequests);
        int.Parse(answers[2].RetryAfter!, System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(1, 10);
        JsonDocument.Parse(answers[2].Body).RootElement.GetProperty("errors")[0].GetProperty("code").GetString().Should().Be("104");
    }

    [Test]
    public void CommunityNodeClient_WorksUnchangedAgainstTheCommand()
    {
        using var simulator = Start("--network-id", NetworkId, "--api-client-id", ClientId);
        simulator.PostAsync("/_simulator/members", """{"email": "jane@example.com", "name": "Jane Doe", "externalId": "legacy-7"}""").GetAwaiter().GetResult();

        var output = NodeInterop.GqlClient(new JsonObject
        {
            ["url"] = new Uri(simulator.Url, "/api/gateway").AbsoluteUri,
            ["clientId"] = ClientId,
            ["clientSecret"] = Secret,
            ["networkId"] = NetworkId,
            ["email"] = "jane@example.com",
            ["externalId"] = "42",
        });

        output["list"]!["node"]!["externalId"]!.GetValue<string>().Should().Be("legacy-7");
        output["updated"]!["externalId"]!.GetValue<string>().Should().Be("42");
        output["deleted"]!["status"]!.GetValue<string>().Should().Be("succeeded");
        output["notFound"]!.GetValue<string>().Should().Be("110");
        output["badSecret"]!.GetValue<string>().Should().Be("108");
    }

    [Test]
    public void ApiClientId_WithoutTheSecretInTheEnvironment_ExitsWithTwoNamingTheVariable()
    {
        var run = Cli.Execute(Key, "community", "--urls", "http://127.0.0.1:0", "--api-client-id", ClientId);

        run.ExitCode.Should().Be(2);
        run.Stdout.Should().BeEmpty();
        run.Stderr.Should().Be("tribe-sso community: --api-client-id: needs the app's client secret in TRIBE_API_CLIENT_SECRET (never an option, so it stays out of shell history): TRIBE_API_CLIENT_SECRET=... tribe-sso community --api-client-id cli-app.\n");
    }

    [TestCase("0", "tribe-sso community: --api-rate-limit: must be at least 1 request per 10 seconds; leave it out for no limit.\n")]
    [TestCase("ten", "tribe-sso community: --api-rate-limit: 'ten' is not a whole number. Pass a number of requests such as 200. Run 'tribe-sso community --help'.\n")]
    public void ApiRateLimit_ThatIsNotAPositiveNumber_ExitsWithTwo(string value, string stderr)
    {
        var run = Cli.ExecuteWith(AppSecret, Key, "community", "--urls", "http://127.0.0.1:0", "--api-rate-limit", value);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Be(stderr);
    }

    [Test]
    public void NetworkId_ThatIsBlank_ExitsWithTwo()
    {
        var run = Cli.Execute(Key, "community", "--urls", "http://127.0.0.1:0", "--network-id", " ");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Be("tribe-sso community: --network-id: NetworkId must be a network id, such as CAx1mZ7I7a.\n");
    }

    [Test]
    public async Task BodyUpTo256KiB_IsReadByTheGateway_ALongerOne_Is413WithAGraphQLError()
    {
        using var simulator = Start();
        static string Padded(int length) => "{\"query\": \"{ __typename }\", \"variables\": {\"pad\": \"" + new string('x', length) + "\"}}";

        var (status, body, _) = await simulator.PostAsync("/api/gateway", Padded(200 * 1024));
        var (tooLong, refusal, _) = await simulator.PostAsync("/api/gateway", Padded(300 * 1024));

        status.Should().Be(HttpStatusCode.OK, "docs/cli.md promises bodies up to 256 KiB");
        JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("__typename").GetString().Should().Be("Query");
        tooLong.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        JsonDocument.Parse(refusal).RootElement.GetProperty("errors")[0].GetProperty("message").GetString().Should().Be("The body is longer than the community reads (262144 bytes).");
    }

    [Test]
    public async Task Gateway_AFormPostAsABrowserSendsItCrossSite_Is415()
    {
        using var simulator = Start();
        using var form = new System.Net.Http.StringContent("query=%7B__typename%7D", Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await simulator.Client.PostAsync(new Uri("/api/gateway", UriKind.Relative), form);

        ((int)response.StatusCode).Should().Be(415);
    }

    private static CommunitySimulatorProcess Start(params string[] args) => CommunitySimulatorProcess.Start(Cli.Assembly, Key, AppSecret, args);

    private static string Basic(string id, string secret) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret));

    private static string TokenBody(string networkId)
        => new JsonObject { ["query"] = TokenQuery, ["variables"] = new JsonObject { ["networkId"] = networkId, ["context"] = "NETWORK", ["entityId"] = networkId } }.ToJsonString();

    private static async Task<string> Token(CommunitySimulatorProcess simulator, string basic)
    {
        var (status, body, _) = await simulator.PostAsync("/api/gateway", TokenBody(NetworkId), basic);
        status.Should().Be(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("limitedToken").GetProperty("accessToken").GetString()!;
    }

    private static async Task<JsonElement> Graph(CommunitySimulatorProcess simulator, string token, string query, JsonObject variables)
    {
        var (status, body, _) = await simulator.PostAsync("/api/gateway", new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString(), "Bearer " + token);
        status.Should().Be(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Signed by Node's jsonwebtoken as Tribe's own Node sample signs.</summary>
    private static string NodeToken(string sub, string email)
    {
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        return NodeInterop.Sign(Key, new JsonObject { ["iat"] = now, ["exp"] = now + 60, ["email"] = email, ["sub"] = sub, ["name"] = "Jane Doe" })[0];
    }
}
