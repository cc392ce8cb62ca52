using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.Testing.Tests.Simulator.Webhooks;

/// <content>Waiting for the queue, the log's cap, and answers over real sockets.</content>
public partial class WebhookSenderEdgeTests
{
    [Test]
    public async Task WebhooksIdle_WithACancelledWait_ThrowsWhileTheDeliveryGoesOn()
    {
        var (hooks, _) = Create();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hooks.Receiver.Answer = async (r, _) =>
        {
            await release.Task;
            return await WebhookReceiver.Succeeded(r);
        };
        hooks.SignIn(Issuers.Jane());
        using var cancel = new CancellationTokenSource();

        var waiting = hooks.Simulator.WebhooksIdleAsync(cancel.Token);
        var uncancellable = hooks.Simulator.WebhooksIdleAsync();
        await cancel.CancelAsync();

        Func<Task> wait = () => waiting;
        await wait.Should().ThrowAsync<OperationCanceledException>();
        uncancellable.IsCompleted.Should().BeFalse("the delivery is still held");
        release.SetResult();
        await uncancellable.WaitAsync(TimeSpan.FromSeconds(10));
        Entry(hooks, "member.verified").Should().Be((1, 200, null, true, false));
        hooks.Simulator.WebhooksIdleAsync(CancellationToken.None).IsCompletedSuccessfully.Should().BeTrue("nothing is pending any more");
    }

    [Test]
    public async Task WhileTheFirstDeliveryIsHeld_EveryDeliveryIsPending_AndEveryWaiterIsReleasedWhenTheyEnd()
    {
        var (hooks, _) = Create();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hooks.Receiver.Answer = async (r, _) =>
        {
            arrived.TrySetResult();
            await release.Task;
            return await WebhookReceiver.Succeeded(r);
        };
        hooks.SignIn(Issuers.Jane());
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var first = hooks.Simulator.WebhooksIdleAsync();
        var second = hooks.Simulator.WebhooksIdleAsync();

        new[] { "TEST", "member.created", "member.verified" }.Select(e => Entry(hooks, e)).Should().AllBeEquivalentTo((0, (int?)null, (string?)null, false, true), "none has had an attempt end yet");
        release.SetResult();
        await first.WaitAsync(TimeSpan.FromSeconds(10));
        await second.WaitAsync(TimeSpan.FromSeconds(10));
        Entry(hooks, "member.verified").Should().Be((1, 200, null, true, false));
    }

    [Test]
    public async Task WebhooksIdle_WithAWaitThatIsNotCancelled_CompletesWithoutThrowing()
    {
        var (hooks, _) = Create();
        using var cancel = new CancellationTokenSource();
        hooks.SignIn(Issuers.Jane());

        await hooks.Simulator.WebhooksIdleAsync(cancel.Token).WaitAsync(TimeSpan.FromSeconds(10));

        Log(hooks).GetArrayLength().Should().Be(3);
    }

    [Test]
    public async Task Log_KeepsTheLast1000Deliveries()
    {
        var (hooks, _) = Create(o => o.WebhookDuplicates = true);
        for (var i = 0; i < 250; i++)
        {
            hooks.SignIn(TribeSsoUser.Create("u" + i, "User " + i, "user" + i + "@example.com").Build());
        }

        await hooks.IdleAsync();

        var log = Log(hooks).EnumerateArray().Select(d => d.GetProperty("event").GetString()).ToList();
        log.Should().HaveCount(1000, "1,001 deliveries were made: the test request and four for each of 250 members");
        log.Take(4).Should().Equal("member.created", "member.created", "member.verified", "member.verified");
        hooks.Receiver.All.Should().HaveCount(1001);
    }

    [Test]
    public async Task Network_RedirectAnswer_IsAFailure_NotFollowed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var served = ServeOnceAsync(listener, "HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        var (hooks, _) = Create(o =>
        {
            o.WebhookHttpHandler = null;
            o.WebhookUrl = new Uri("http://127.0.0.1:" + port + "/hooks");
            o.WebhookMaxAttempts = 1;
        }, realTimeouts: true);

        hooks.SignIn(Issuers.Jane());
        var request = await served.WaitAsync(TimeSpan.FromSeconds(10));
        listener.Stop();
        await hooks.IdleAsync();

        request.Should().StartWith("POST /hooks HTTP/1.1\r\n");
        request.Should().Contain("X-Bettermode-Signature: ").And.Contain("X-Bettermode-Request-Timestamp: 1767225600000\r\n").And.Contain("Content-Type: application/json\r\n");
        Entry(hooks, "TEST").Should().Be((1, 302, "http-status", false, false));
    }

    [Test]
    public async Task Network_RefusedConnection_IsAConnectionFailure()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var (hooks, _) = Create(o =>
        {
            o.WebhookHttpHandler = null;
            o.WebhookUrl = new Uri("http://127.0.0.1:" + port + "/hooks");
            o.WebhookMaxAttempts = 1;
        }, realTimeouts: true);

        hooks.SignIn(Issuers.Jane());
        await hooks.IdleAsync();

        Log(hooks).EnumerateArray().Select(d => d.GetProperty("lastError").GetString()).Should().Equal("connection", "connection", "connection");
    }

    private static (WebhookFixture Hooks, FastClock Clock) Create(Action<TribeCommunitySimulatorOptions>? configure = null, bool fastTimeouts = false, bool realTimeouts = false)
    {
        var clock = new FastClock(fastTimeouts);
        var hooks = WebhookFixture.Create(o =>
        {
            o.ReaderOptions = new TribeSsoTokenReaderOptions { TimeProvider = clock };
            o.WebhookTimeout = realTimeouts ? TimeSpan.FromSeconds(3) : FastClock.Timeout;
            configure?.Invoke(o);
        });
        return (hooks, clock);
    }

    private static JsonElement Log(WebhookFixture hooks) => JsonDocument.Parse(hooks.Simulator.Handle("GET", "/_simulator/webhooks").Body).RootElement.Clone();

    /// <summary>A delivery's line of the log: attempts, last status, last error, delivered, pending.</summary>
    private static (int Attempts, int? LastStatus, string? LastError, bool Delivered, bool Pending) Entry(WebhookFixture hooks, string name)
    {
        var entry = Log(hooks).EnumerateArray().Single(d => d.GetProperty("event").GetString() == name);
        var status = entry.GetProperty("lastStatus");
        return (entry.GetProperty("attempts").GetInt32(), status.ValueKind == JsonValueKind.Null ? null : status.GetInt32(),
            entry.GetProperty("lastError").GetString(), entry.GetProperty("delivered").GetBoolean(), entry.GetProperty("pending").GetBoolean());
    }

    /// <summary>Accepts one connection, reads the request's head and body, answers <paramref name="answer"/> and returns the request's text.</summary>
    private static async Task<string> ServeOnceAsync(TcpListener listener, string answer)
    {
        using var client = await listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (true)
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                break;
            }

            received.AddRange(buffer.Take(read));
            var text = Encoding.ASCII.GetString(received.ToArray());
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var length = System.Text.RegularExpressions.Regex.Match(text, "Content-Length: (\\d+)", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
            if (end >= 0 && length.Success && received.Count >= end + 4 + int.Parse(length.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            {
                break;
            }
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(answer));
        return Encoding.ASCII.GetString(received.ToArray());
    }

    /// <summary>
    /// A clock stopped at the fixed instant whose retry timers fire at once and which records what each timer was asked to
    /// wait: the attempts' timeouts (real timers; 200 ms when fast, long enough for an answer that comes at once) apart
    /// from the retries' delays.
    /// </summary>
    private sealed class FastClock : TimeProvider
    {
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(7);

        private readonly object _gate = new();
        private readonly List<TimeSpan> _delays = new();
        private readonly List<TimeSpan> _timeouts = new();
        private readonly bool _fastTimeouts;

        public FastClock(bool fastTimeouts) => _fastTimeouts = fastTimeouts;

        public IReadOnlyList<TimeSpan> Delays
        {
            get
            {
                lock (_gate)
                {
                    return _delays.ToList();
                }
            }
        }

        public IReadOnlyList<TimeSpan> Timeouts
        {
            get
            {
                lock (_gate)
                {
                    return _timeouts.ToList();
                }
            }
        }

        public override DateTimeOffset GetUtcNow() => TestClock.Instant;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var isTimeout = dueTime == Timeout || dueTime == TimeSpan.FromSeconds(3);
            lock (_gate)
            {
                (isTimeout ? _timeouts : _delays).Add(dueTime);
            }

            return base.CreateTimer(callback, state, !isTimeout ? TimeSpan.FromMilliseconds(1) : _fastTimeouts ? TimeSpan.FromMilliseconds(200) : dueTime, period);
        }
    }
}
