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
/// learning the limit from it. Also counts requests and 429 answers for the run's figures.
/// </summary>
internal sealed class RequestPacer : DelegatingHandler
{
    /// <summary>The community's burst window, plus a margin for the time a request spends on its way.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10) + TimeSpan.FromMilliseconds(100);

    private readonly int? _limit;
    private readonly TimeProvider _time;
    private readonly Queue<DateTimeOffset> _sent = new();
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
        if (_limit is { } limit)
        {
            await WaitForSlotAsync(limit, cancellationToken).ConfigureAwait(false);
        }

        Interlocked.Increment(ref _requests);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            Interlocked.Increment(ref _rateLimited);
        }

        return response;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task WaitForSlotAsync(int limit, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            while (true)
            {
                var now = _time.GetUtcNow();
                while (_sent.Count > 0 && _sent.Peek() + Window <= now)
                {
                    _sent.Dequeue();
                }

                if (_sent.Count < limit)
                {
                    _sent.Enqueue(now);
                    return;
                }

                await Task.Delay(_sent.Peek() + Window - now, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
