using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.Testing;

/// <summary>
/// The community app's webhook: events go on a queue and leave on a background task, one attempt at a time in the order
/// they happened, so a slow or dead endpoint never slows a sign-in or an API call. The test request goes first, once. A
/// failed attempt (not 2xx, no connection, a timeout, or a test answer without the echo) is retried with the same body
/// 1, 5, 25, 125 … seconds later, up to <see cref="TribeCommunitySimulatorOptions.WebhookMaxAttempts"/>; a retry waits
/// on its timer, not in the queue. Delays and timeouts run on the simulator's clock.
/// </summary>
internal sealed class SimulatorWebhooks
{
    private const int MaxLogged = 1000;

    private readonly object _gate = new();
    private readonly Queue<WebhookDelivery> _ready = new();
    private readonly List<WebhookDelivery> _log = new();
    private readonly TribeCommunitySimulatorOptions _options;
    private readonly Uri _url;
    private readonly string _secret;
    private readonly string _basePath;
    private readonly TimeProvider _clock;
    private readonly HttpClient _client;
    private bool _testQueued;
    private bool _pumping;
    private int _pending;
    private TaskCompletionSource<bool>? _idle;

    private SimulatorWebhooks(TribeCommunitySimulatorOptions options, string basePath, TimeProvider clock)
    {
        _options = options;
        _url = options.WebhookUrl!;
        _secret = options.WebhookSigningSecret!;
        _basePath = basePath;
        _clock = clock;
        _client = options.WebhookHttpHandler is { } handler ? new HttpClient(handler, disposeHandler: false) : new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        _client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
    }

    /// <summary>The webhook of <paramref name="options"/>, or null when they set no URL.</summary>
    /// <exception cref="ArgumentException">A URL is set without a signing secret.</exception>
    public static SimulatorWebhooks? Create(TribeCommunitySimulatorOptions options, string basePath, TimeProvider clock)
    {
        options.CheckWebhooks();
        return options.WebhookUrl is null ? null : new SimulatorWebhooks(options, basePath, clock);
    }

    /// <summary>Queues a delivery of each event (two with <see cref="TribeCommunitySimulatorOptions.WebhookDuplicates"/>), after the test request if it has not gone yet.</summary>
    public void Send(IEnumerable<WebhookEvent> events)
    {
        lock (_gate)
        {
            foreach (var e in events)
            {
                if (!_testQueued)
                {
                    _testQueued = true;
                    var challenge = WebhookIds.NewChallenge();
                    Queue(new WebhookDelivery("TEST", null, WebhookBodies.Test(_options.NetworkId, challenge), challenge));
                }

                var id = WebhookIds.NewEventId();
                var body = WebhookBodies.Event(_options.NetworkId, _basePath, id, e);
                Queue(new WebhookDelivery(e.Name, id, body));
                if (_options.WebhookDuplicates)
                {
                    Queue(new WebhookDelivery(e.Name, id, body));
                }
            }

        }

        StartPump();
    }

    /// <summary>Completes when no delivery is queued, under way or waiting to be retried.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        Task idle;
        lock (_gate)
        {
            if (_pending == 0)
            {
                return Task.CompletedTask;
            }

            _idle ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            idle = _idle.Task;
        }

        return WaitAsync(idle, cancellationToken);
    }

    /// <summary>Forgets the deliveries listed so far; those still pending go on.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _log.Clear();
        }
    }

    /// <summary>Writes the log for <c>GET /_simulator/webhooks</c>: what was sent and how it went, never a body, a signature or the secret.</summary>
    public void WriteLog(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        lock (_gate)
        {
            foreach (var delivery in _log)
            {
                writer.WriteStartObject();
                writer.WriteString("event", delivery.EventName);
                writer.WriteString("eventId", delivery.EventId);
                writer.WriteNumber("attempts", delivery.Attempts);
                if (delivery.LastStatus is { } status)
                {
                    writer.WriteNumber("lastStatus", status);
                }
                else
                {
                    writer.WriteNull("lastStatus");
                }

                writer.WriteString("lastError", delivery.LastError);
                writer.WriteBoolean("delivered", delivery.Delivered);
                writer.WriteBoolean("pending", delivery.Pending);
                writer.WriteEndObject();
            }
        }

        writer.WriteEndArray();
    }

    private static async Task WaitAsync(Task idle, CancellationToken cancellationToken)
    {
        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
        {
            if (await Task.WhenAny(idle, cancelled.Task).ConfigureAwait(false) != idle)
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
    }

    /// <summary>The wait before the next attempt after <paramref name="attempts"/> failed ones: 1 s, 5 s, 25 s, … at most an hour.</summary>
    private static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(Math.Pow(5, attempts - 1), 3600));

    private void Queue(WebhookDelivery delivery)
    {
        _log.Add(delivery);
        if (_log.Count > MaxLogged)
        {
            _log.RemoveAt(0);
        }

        _pending++;
        _ready.Enqueue(delivery);
    }

    /// <summary>Starts the background task unless it is running or nothing is queued; it runs on the thread pool, never on a caller's thread.</summary>
    private void StartPump()
    {
        lock (_gate)
        {
            if (_pumping || _ready.Count == 0)
            {
                return;
            }

            _pumping = true;
        }

        _ = Task.Run(PumpAsync);
    }

    private async Task PumpAsync()
    {
        while (Next() is { } delivery)
        {
            var (status, failure) = await WebhookAttempt.SendAsync(_client, _url, _secret, _clock, _options.WebhookTimeout, delivery).ConfigureAwait(false);
            Finish(delivery, status, failure);
        }
    }

    /// <summary>The next delivery, or null when the queue is empty: the pump then stops, and the next <see cref="StartPump"/> starts one again.</summary>
    private WebhookDelivery? Next()
    {
        lock (_gate)
        {
            if (_ready.Count > 0)
            {
                return _ready.Dequeue();
            }

            _pumping = false;
            return null;
        }
    }

    private void Finish(WebhookDelivery delivery, int? status, string? failure)
    {
        TaskCompletionSource<bool>? idle = null;
        var retry = false;
        lock (_gate)
        {
            delivery.Attempts++;
            delivery.LastStatus = status;
            delivery.LastError = failure;
            delivery.Delivered = failure is null;
            retry = failure is not null && delivery.Attempts < _options.WebhookMaxAttempts;
            delivery.Pending = retry;
            if (!retry && --_pending == 0)
            {
                (idle, _idle) = (_idle, null);
            }
        }

        idle?.TrySetResult(true);
        if (retry)
        {
            _ = RetryAsync(delivery, Backoff(delivery.Attempts));
        }
    }

    private async Task RetryAsync(WebhookDelivery delivery, TimeSpan delay)
    {
#if NETSTANDARD2_0
        await _clock.Delay(delay).ConfigureAwait(false);
#else
        await Task.Delay(delay, _clock).ConfigureAwait(false);
#endif
        lock (_gate)
        {
            _ready.Enqueue(delivery);
        }

        StartPump();
    }
}
