using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Tribe.Sso.Members;

namespace Tribe.Sso.Benchmarks;

/// <summary>
/// The members client's own cost per call (building the request, the retry pipeline, reading and mapping the answer)
/// against a bare <see cref="HttpClient"/> POST of the same query, both over an in-process handler that answers at
/// once with the same member, so no network time hides the difference.
/// </summary>
[MemoryDiagnoser]
public class MembersClientBenchmarks
{
    private const string Query = "query MemberByExternalId($externalId: String) { member(externalId: $externalId) { id externalId email name username status tagline locale roleId createdAt updatedAt } }";

    private static readonly Uri ApiUrl = new("https://api.community.test/");

    private TribeMembersClient _client = null!;
    private HttpClient _bare = null!;

    [GlobalSetup]
    public void Setup()
    {
        _client = new TribeMembersClient(
            new TribeMembersClientOptions { ApiUrl = ApiUrl, AccessToken = "bench-access-token" },
            new HttpClient(new AnsweringHandler()));
        _bare = new HttpClient(new AnsweringHandler());
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _bare.Dispose();
    }

    [Benchmark(Baseline = true, Description = "bare HttpClient POST + JsonDocument")]
    public async Task<string?> BareHttpClient()
    {
        var body = "{\"query\":\"" + Query + "\",\"variables\":{\"externalId\":\"42\"}}";
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiUrl) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer bench-access-token");
        using var response = await _bare.SendAsync(request).ConfigureAwait(false);
        await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
        using var json = await System.Text.Json.JsonDocument.ParseAsync(stream).ConfigureAwait(false);
        return json.RootElement.GetProperty("data").GetProperty("member").GetProperty("id").GetString();
    }

    [Benchmark(Description = "TribeMembersClient.FindByExternalIdAsync")]
    public async Task<string?> MembersClient() => (await _client.FindByExternalIdAsync("42").ConfigureAwait(false))?.Id;

    /// <summary>Answers every request with one member, as the community would.</summary>
    private sealed class AnsweringHandler : HttpMessageHandler
    {
        private static readonly byte[] Answer = Encoding.UTF8.GetBytes(
            "{\"data\":{\"member\":{\"id\":\"7xKq2m\",\"externalId\":\"42\",\"email\":\"jane@example.com\",\"name\":\"Jane Doe\",\"username\":\"jane\","
            + "\"status\":\"VERIFIED\",\"tagline\":null,\"locale\":\"en-US\",\"roleId\":\"r1\",\"createdAt\":\"2026-01-02T03:04:05.000Z\",\"updatedAt\":\"2026-01-02T03:04:05.000Z\"}}}");

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            // The body is read, as a server would read it.
            _ = await request.Content!.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Answer) { Headers = { { "Content-Type", "application/json" } } } };
        }
    }
}
