using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.Testing.Tests.Simulator.Webhooks;

/// <summary>
/// The webhook sender at its edges: the retry schedule and the attempt count, how each answer is classified, the test
/// request's echo, the log's fields and its cap, and waiting for the queue. The clock here fires every retry at once
/// and records how long it was asked to wait.
/// </summary>
public partial class WebhookSenderEdgeTests
{
    [TestCase(5, new[] { 1, 5, 25, 125 })]
    [TestCase(10, new[] { 1, 5, 25, 125, 625, 3125, 3600, 3600, 3600 })]
    [TestCase(1, new int[0])]
    public async Task Retries_OfADeliveryThatAlwaysFails_WaitFiveTimesLongerEachUpToAnHour(int maxAttempts, int[] delays)
    {
        var (hooks, clock) = Create(o => o.WebhookMaxAttempts = maxAttempts);
        hooks.Receiver.Answer = (r, _) => r.Name == "member.created" ? WebhookReceiver.Status(HttpStatusCode.InternalServerError) : WebhookReceiver.Succeeded(r);

        hooks.SignIn(Issuers.Jane());
        await hooks.IdleAsync();

        clock.Delays.Should().Equal(delays.Select(s => TimeSpan.FromSeconds(s)));
        hooks.Receiver.All.Count(r => r.Name == "member.created").Should().Be(maxAttempts);
        Entry(hooks, "member.created").Should().Be((maxAttempts, 500, "http-status", false, false));
        Entry(hooks, "member.verified").Should().Be((1, 200, null, true, false));
    }

    [Test]
    public async Task Delivery_ThatSucceedsOnItsThirdAttempt_IsDelivered_AfterTwoRetries()
    {
        var (hooks, clock) = Create();
        var failures = 0;
        hooks.Receiver.Answer = (r, _) => r.Name == "member.verified" && Interlocked.Increment(ref failures) <= 2
            ? WebhookReceiver.Status(HttpStatusCode.BadGateway)
            : WebhookReceiver.Succeeded(r);

        hooks.SignIn(Issuers.Jane());
        await hooks.IdleAsync();

        clock.Delays.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));
        Entry(hooks, "member.verified").Should().Be((3, 200, null, true, false));
    }

    [TestCase(199, false)]
    [TestCase(200, true)]
    [TestCase(204, true)]
    [TestCase(299, true)]
    [TestCase(300, false)]
    [TestCase(302, false)]
    [TestCase(410, false)]
    public async Task EventAnswer_CountsAsDelivered_OnlyWhenItIs2xx(int status, bool delivered)
    {
        var (hooks, _) = Create(o => o.WebhookMaxAttempts = 1);
        hooks.Receiver.Answer = (r, _) => r.Name == "member.created" ? WebhookReceiver.Status((HttpStatusCode)status) : WebhookReceiver.Succeeded(r);

        hooks.SignIn(Issuers.Jane());
        await hooks.IdleAsync();

        Entry(hooks, "member.created").Should().Be((1, status, delivered ? null : "http-status", delivered, false));
    }

    [Test]
    public async Task EventAnswer_Body_IsNeverRead()
    {
        var (hooks, _) = Create(o => o.WebhookMaxAttempts = 1);
        hooks.Receiver.Answer = (r, _) => r.Type == "TEST"
            ? WebhookReceiver.Succeeded(r)
            : Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("not json at all") });

        hooks.SignIn(Issuers.Jane());
        await hooks.IdleAsync();

        Entry(hooks, "member.created").Should().Be((1, 200, null, true, false));
    }

    [Test]
    public async Task EventAnswer_OverAMebibyte_IsDelivered_ForItsBodyIsNeverWaitedFor()
    {
        var (hooks, _) = Create(o => o.WebhookMaxAttempts = 1);
        hooks.Receiver.Answer = (r, _) => r.Type == "TEST"
            ? WebhookReceiver.Succeeded(r)
            : Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(new string('x', 2 * 1024 * 1024)) });

        hooks.SignIn(Issuers.Jane());
        await hooks.IdleAsync();

        Entry(hooks, "member.created").Should().Be((1, 200, null, true, false));
    }

    [Test]
    public void Delivery_WaitingForItsRetry_IsListedAsPending_AndKeepsTheQueueBusy()
    {
        var hooks = WebhookFixture.Create();
        hooks.Receiver.Answer = (r, _) => r.Name == "member.created" ? WebhookReceiver.Status(HttpStatusCode.InternalServerError) : WebhookReceiver.Succeeded(r);

        hooks.SignIn(Issuers.Jane());
        WebhookFixture.WaitUntil(() => Entry(hooks, "member.verified").Delivered, "delivered member.verified");

        Entry(hooks, "member.created").Should().Be((1, 500, "http-status", false, true));
        Entry(hooks, "TEST").Should().Be((1, 200, null, true, false));
        hooks.Simulator.WebhooksIdleAsync().IsCompleted.Should().BeFalse("a retry is still to come, on a clock that has not moved");
    }

    [TestCase("connection")]
    [TestCase("timeout")]
    [TestCase("error")]
    public async Task AttemptWithoutAnAnswer_IsLoggedWithItsCause_AndNoStatus(string cause)
    {
        var (hooks, _) = Create(o => o.WebhookMaxAttempts = 1);
        hooks.Receiver.Answer = (r, _) => r.Name != "member.created" ? WebhookReceiver.Succeeded(r) : cause switch
        {
            "connection" => throw new HttpRequestException("Connection refused"),
            "timeout" => throw new TaskCanceledException("The operation was canceled."),
            _ => throw new InvalidOperationException("The handler broke."),
        };

        hooks.SignIn(Issuers.Jane());
        await hooks.IdleAsync();

        Entry(hooks, "member.created").Should().Be((1, null, cause, false, false));
        Log(hooks).EnumerateArray().Single(d => d.GetProperty("event").GetString() == "member.created").GetProperty("lastStatus").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Test]
    public async Task Attempt_ThatOutlastsTheTimeout_IsATimeout_AndEachAttemptGetsTheConfiguredTimeout()
    {
        var (hooks, clock) = Create(o => o.WebhookMaxAttempts = 2, fastTimeouts: true);
        hooks.Receiver.Answer = async (r, ct) =>
        {
            if (r.Name == "member.created")
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return await WebhookReceiver.Succeeded(r);
        };

        hooks.SignIn(Issuers.Jane());
        await hooks.IdleAsync();

        Entry(hooks, "member.created").Should().Be((2, null, "timeout", false, false));
        clock.Timeouts.Should().HaveCount(hooks.Receiver.All.Count).And.OnlyContain(t => t == FastClock.Timeout);
        clock.Delays.Should().Equal(TimeSpan.FromSeconds(1));
    }

    [TestCase("{\"data\":{\"challenge\":\"{0}\"}}", null)]
    [TestCase("{\"data\":{\"challenge\":\"{0}x\"}}", "challenge-not-echoed")]
    [TestCase("{\"data\":{\"challenge\":5}}", "challenge-not-echoed")]
    [TestCase("{\"data\":{\"other\":\"{0}\"}}", "challenge-not-echoed")]
    [TestCase("{\"data\":[\"{0}\"]}", "challenge-not-echoed")]
    [TestCase("{\"challenge\":\"{0}\"}", "challenge-not-echoed")]
    [TestCase("[{\"data\":{\"challenge\":\"{0}\"}}]", "challenge-not-echoed")]
    [TestCase("{0}", "challenge-not-echoed")]
    [TestCase("", "challenge-not-echoed")]
    public async Task TestAnswer_IsDeliveredOnlyWhenDataChallengeEchoesTheChallenge(string answer, string? error)
    {
        var (hooks, _) = Create(o => o.WebhookMaxAttempts = 1);
        hooks.Receiver.Answer = (r, _) => r.Type != "TEST"
            ? WebhookReceiver.Succeeded(r)
            : Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(answer.Replace("{0}", r.Data.GetProperty("challenge").GetString(), StringComparison.Ordinal)) });

        hooks.SignIn(Issuers.Jane());
        await hooks.IdleAsync();

        Entry(hooks, "TEST").Should().Be((1, 200, error, error is null, false));
        Entry(hooks, "member.created").Should().Be((1, 200, null, true, false), "the events go on whatever the test request's fate");
    }

    [TestCase(0, null, true)]
    [TestCase(1, "answer-too-large", false)]
    [TestCase(100_000, "answer-too-large", false)]
    public async Task TestAnswer_OfAMebibyte_IsReadForItsEcho_OneByteMoreIsAFailure(int bytesOver, string? error, bool delivered)
    {
        var (hooks, _) = Create(o => o.WebhookMaxAttempts = 1);
        hooks.Receiver.Answer = (r, _) => r.Type != "TEST"
            ? WebhookReceiver.Succeeded(r)
            : Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new MemoryStream(EchoOfLength(r, 1024 * 1024 + bytesOver))) });

        hooks.SignIn(Issuers.Jane());
        await hooks.IdleAsync();

        Entry(hooks, "TEST").Should().Be((1, 200, error, delivered, false));
    }

    [Test]
    public async Task TestAnswer_CutOffBeforeItsEnd_IsAConnectionFailure()
    {
        var (hooks, _) = Create(o => o.WebhookMaxAttempts = 1);
        hooks.Receiver.Answer = (r, _) => r.Type != "TEST"
            ? WebhookReceiver.Succeeded(r)
            : Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new CutOffStream()) });

        hooks.SignIn(Issuers.Jane());
        await hooks.IdleAsync();

        Entry(hooks, "TEST").Should().Be((1, null, "connection", false, false));
    }

    /// <summary>The challenge's echo padded to exactly <paramref name="length"/> UTF-8 bytes.</summary>
    private static byte[] EchoOfLength(WebhookReceiver.Received request, int length)
    {
        var head = "{\"data\":{\"challenge\":\"" + request.Data.GetProperty("challenge").GetString() + "\"},\"padding\":\"";
        const string Tail = "\"}";
        var echo = Encoding.UTF8.GetBytes(head + new string('x', length - head.Length - Tail.Length) + Tail);
        echo.Length.Should().Be(length);
        return echo;
    }

    /// <summary>An answer's body that breaks after its first bytes, as a connection reset part-way does.</summary>
    private sealed class CutOffStream : Stream
    {
        private int _reads;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
            => _reads++ == 0 ? Encoding.UTF8.GetBytes("{\"data\":", 0, 8, buffer, offset) : throw new IOException("The connection was reset.");

        public override void Flush() => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
