using System;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Tribe.Sso.AspNetCore;
using Tribe.Sso.Members;

namespace Tribe.Sso.AotTest;

/// <summary>
/// The webhook endpoint under Native AOT (configuration binding, handler activation and the delivery's JSON): the test
/// challenge is echoed, a signed member update runs the handler once even when delivered twice, and a tampered one is 401.
/// </summary>
internal static class WebhooksSmoke
{
    public const string Path = "/community/webhooks";
    public const string Secret = "aot-webhook-signing-secret-0123456789";
    public const string RedisPath = "/redis/webhooks";

    /// <summary>A Redis nobody listens on: the Redis delivery log under Native AOT, answering 503 rather than failing.</summary>
    public const string UnreachableRedis = "127.0.0.1:1,connectTimeout=500";

    public static async Task<string?> RunAsync(HttpClient http)
    {
        var signer = new TribeWebhookSigner(TribeWebhookSecret.FromString(Secret));
        using (var test = await SendAsync(http, signer, "{\"networkId\":\"n\",\"type\":\"TEST\",\"data\":{\"challenge\":\"aot-challenge\"}}"))
        {
            var echo = await test.Content.ReadAsStringAsync();
            if (test.StatusCode != HttpStatusCode.OK || echo != "{\"type\":\"TEST\",\"status\":\"SUCCEEDED\",\"data\":{\"challenge\":\"aot-challenge\"}}")
            {
                return $"MapTribeSsoWebhooks echoes the test challenge ({(int)test.StatusCode})";
            }
        }

        const string update = "{\"networkId\":\"n\",\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"aot-1\",\"name\":\"member.updated\",\"object\":{\"id\":\"m1\",\"externalId\":\"42\",\"email\":\"jane@new.example.com\",\"status\":\"VERIFIED\"},\"oldObject\":{\"id\":\"m1\",\"externalId\":\"42\",\"email\":\"jane@example.com\",\"status\":\"VERIFIED\"}}}";
        using var first = await SendAsync(http, signer, update);
        using var second = await SendAsync(http, signer, update);
        if (first.StatusCode != HttpStatusCode.OK || second.StatusCode != HttpStatusCode.OK || Counter.Updates != 1 || Counter.LastEmail != "jane@new.example.com")
        {
            return $"a member update delivered twice runs the handler once ({(int)first.StatusCode}, {(int)second.StatusCode}, {Counter.Updates} runs)";
        }

        using var tampered = await SendAsync(http, signer, update, tamper: true);
        return tampered.StatusCode == HttpStatusCode.Unauthorized ? null : $"a tampered delivery is refused ({(int)tampered.StatusCode})";
    }

    /// <summary>With its Redis unreachable, the Redis delivery log claims nothing: the delivery is 503 with Retry-After and no handler runs.</summary>
    public static async Task<string?> RunRedisDownAsync(HttpClient http)
    {
        var signer = new TribeWebhookSigner(TribeWebhookSecret.FromString(Secret));
        var before = Counter.Updates;
        const string update = "{\"networkId\":\"n\",\"type\":\"SUBSCRIPTION\",\"data\":{\"id\":\"aot-redis-1\",\"name\":\"member.updated\",\"object\":{\"id\":\"m1\",\"externalId\":\"42\",\"status\":\"VERIFIED\"}}}";
        using var answer = await SendAsync(http, signer, update, path: RedisPath);
        return answer.StatusCode == HttpStatusCode.ServiceUnavailable && answer.Headers.RetryAfter is not null && Counter.Updates == before
            ? null
            : $"a delivery whose Redis is down is answered 503 and runs nothing ({(int)answer.StatusCode}, {Counter.Updates - before} runs)";
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, TribeWebhookSigner signer, string body, bool tamper = false, string path = Path)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var signature = signer.Sign(bytes);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(tamper ? Encoding.UTF8.GetBytes(body + " ") : bytes) };
        request.Headers.Add(TribeWebhookHeaders.Signature, signature.Signature);
        request.Headers.Add(TribeWebhookHeaders.Timestamp, signature.Timestamp);
        return http.SendAsync(request);
    }

    /// <summary>What the handler saw.</summary>
    internal static class Counter
    {
        public static int Updates;
        public static string? LastEmail;
    }

    internal sealed class MemberSync : TribeWebhookHandler
    {
        public override Task OnMemberUpdatedAsync(TribeMemberEvent memberEvent, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Counter.Updates);
            Counter.LastEmail = memberEvent.Member.Email;
            return Task.CompletedTask;
        }
    }
}
