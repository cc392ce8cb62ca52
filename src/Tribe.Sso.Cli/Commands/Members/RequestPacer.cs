using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.Cli;

/// <summary>
/// Paces every request the members client sends (token, queries, mutations and its own retries) to at most
/// <c>limit</c> in any window, the way the community counts them, so a long bulk run rarely meets HTTP 429 instead of
/// learning the limit from it. A request holds its slot until its answer arrives and for a window after: the community
/// counts it somewhere between the two, so a slot freed by the send time alone would let a slow request's successor
/// land inside its window (a 429 under load). Also counts requests and 429 answers for the run's figures.
/// </summary>
internal sealed class RequestPacer : DelegatingHandler
{
    /// <summary>The community's burst window, plus a margin for clock granularity.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10) + TimeSpan.FromMilliseconds(50);

    /// <summary>How often a full window whose oldest request is still on its way is looked at again.</summary>
    private static readonly TimeSpan InFlightPoll = TimeSpan.FromMilliseconds(10);

    private readonly int? _limit;
    private readonly TimeProvider _time;
    private readonly Queue<Slot> _sent = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _requests;
    private int _rateLimited;

    public RequestPacer(int? limit, TimeProvider time, HttpMessageHandler inner)
        : base(inner)
    {
        _limit = limit;
        _time = time;
    }

    public int Requests => _requests;

    public int RateLimited => _rateLimited;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var slot = _limit is { } limit ? await WaitForSlotAsync(limit, cancellationToken).ConfigureAwait(false) : null;
        Interlocked.Increment(ref _requests);
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Interlocked.Increment(ref _rateLimited);
            }

            return response;
        }
        finally
        {
            slot?.Answered(_time.GetUtcNow());
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task<Slot> WaitForSlotAsync(int limit, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var now = _time.GetUtcNow();
                while (_sent.Count > 0 && _sent.Peek().AnsweredAt is { } answered && answered + Window <= now)
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < limit)
                {
                    var slot = new Slot();
                    _sent.Enqueue(slot);
                    return slot;
                }

                var wait = _sent.Peek().AnsweredAt is { } oldest ? oldest + Window - now : InFlightPoll;
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A request's place in the window: taken when it is sent, timed when its answer (or failure) arrives.</summary>
    private sealed class Slot
    {
        private long _answeredTicks = -1;

        public DateTimeOffset? AnsweredAt => Interlocked.Read(ref _answeredTicks) is var ticks and >= 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

        public void Answered(DateTimeOffset at) => Interlocked.Exchange(ref _answeredTicks, at.UtcTicks);
    }
}
