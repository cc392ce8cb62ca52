using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Polly.Timeout;

namespace Tribe.Sso.Members;

/// <summary>
/// Runs an operation: the bearer token from the <see cref="TokenCache"/>, the request through the retry pipeline that
/// fits the operation, one renewal and repeat when the community calls the token invalid (code 108), and the typed
/// exception when it still fails.
/// </summary>
internal sealed class OperationRunner : IDisposable
{
    private readonly GraphQlTransport _transport;
    private readonly ResiliencePipeline _idempotent;
    private readonly ResiliencePipeline _nonIdempotent;
    private readonly TokenCache _tokens;
    private readonly TribeMembersClientOptions _options;
    private readonly MembersMetrics _metrics;

    public OperationRunner(HttpClient http, TribeMembersClientOptions options, TimeProvider time, IMeterFactory? meters)
    {
        _options = options;
        _metrics = MembersMetrics.Create(meters);
        _transport = new GraphQlTransport(http, options.ApiUrl, time);
        _idempotent = RetryPipelines.ForIdempotent(options, time);
        _nonIdempotent = RetryPipelines.ForNonIdempotent(options, time);
        _tokens = options.UsesAppCredentials
            ? new TokenCache(ObtainAppTokenAsync, time)
            : new TokenCache(options.AccessToken!, time);
    }

    public async Task<TData> RunAsync<TVariables, TData>(GraphQlOperation<TVariables, TData> operation, TVariables variables, string? memberId, CancellationToken cancellationToken)
        where TData : class
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var data = await SendAsync(operation, variables, memberId, cancellationToken).ConfigureAwait(false);
            _metrics.Call(MembersMetrics.OperationOf(operation.Name), null, start);
            return data;
        }
        catch (Exception failure) when (Measured(operation.Name, failure, start))
        {
            throw; // never reached: the filter only measures
        }
    }

    public void Dispose() => _tokens.Dispose();

    private async Task<TData> SendAsync<TVariables, TData>(GraphQlOperation<TVariables, TData> operation, TVariables variables, string? memberId, CancellationToken cancellationToken)
        where TData : class
    {
        var answer = await RetryAsync(
            operation,
            async ct =>
            {
                var token = await _tokens.GetAsync(ct).ConfigureAwait(false);
                var sent = await _transport.SendAsync(operation, variables, new AuthenticationHeaderValue("Bearer", token), ct).ConfigureAwait(false);
                if (sent.ErrorCode == TribeErrorCodes.InvalidToken && _tokens.CanRenew)
                {
                    // The token expired early or was revoked; the community did not run the request, so it is sent once more.
                    token = await _tokens.RenewAsync(refused: token, ct).ConfigureAwait(false);
                    sent = await _transport.SendAsync(operation, variables, new AuthenticationHeaderValue("Bearer", token), ct).ConfigureAwait(false);
                }

                return sent;
            },
            cancellationToken).ConfigureAwait(false);

        return answer.HasErrors || answer.Data is null
            ? throw (answer.HasErrors
                ? AnswerErrors.ForOperation(operation.Name, answer.ErrorCode, answer.ErrorField, answer.StatusCode, _tokens.CanRenew, memberId)
                : AnswerErrors.Malformed(operation.Name, "has no data"))
            : answer.Data;
    }

    /// <summary>Records a failed call; returns false, so the exception filter it sits in lets the exception go on unchanged.</summary>
    private bool Measured(string operationName, Exception failure, long start)
    {
        _metrics.Call(MembersMetrics.OperationOf(operationName), failure, start);
        return false;
    }

    private async Task<string> ObtainAppTokenAsync(CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var token = await RequestAppTokenAsync(cancellationToken).ConfigureAwait(false);
            _metrics.Call(MembersMetrics.OperationOf(GraphQlOperations.LimitedToken.Name), null, start);
            return token;
        }
        catch (Exception failure) when (Measured(GraphQlOperations.LimitedToken.Name, failure, start))
        {
            throw; // never reached: the filter only measures
        }
    }

    private async Task<string> RequestAppTokenAsync(CancellationToken cancellationToken)
    {
        var operation = GraphQlOperations.LimitedToken;
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.ClientId + ":" + _options.ClientSecret)));
        var variables = new LimitedTokenVariables { NetworkId = _options.NetworkId!, EntityId = _options.NetworkId! };
        var answer = await RetryAsync(operation, ct => _transport.SendAsync(operation, variables, basic, ct), cancellationToken).ConfigureAwait(false);
        if (answer.HasErrors)
        {
            throw AnswerErrors.ForTokenRequest(answer.ErrorCode, answer.StatusCode, _options.NetworkId!);
        }

        var token = answer.Data?.LimitedToken?.AccessToken;
        if (token is null || token.Length == 0 || token.Length > 16 * 1024 || !IsHeaderSafe(token))
        {
            throw AnswerErrors.Malformed(operation.Name, "has no usable accessToken");
        }

        return token;
    }

    private async Task<GraphQlAnswer<TData>> RetryAsync<TVariables, TData>(GraphQlOperation<TVariables, TData> operation, Func<CancellationToken, Task<GraphQlAnswer<TData>>> attempt, CancellationToken cancellationToken)
        where TData : class
    {
        var attempts = 0;
        var lastFailure = TransientKind.NoAnswer;
        try
        {
            return await (operation.Idempotent ? _idempotent : _nonIdempotent).ExecuteAsync(
                async ct =>
                {
                    attempts++;
                    if (attempts > 1)
                    {
                        _metrics.Retry(MembersMetrics.OperationOf(operation.Name), lastFailure);
                        lastFailure = TransientKind.NoAnswer; // an attempt cut by the timeout leaves no failure of its own
                    }

                    try
                    {
                        return await attempt(ct).ConfigureAwait(false);
                    }
                    catch (TransientFailure failure) when (Remember(failure.Kind, ref lastFailure))
                    {
                        throw; // never reached: the filter only remembers
                    }
                    catch (TransientFailure failure) when (failure.Kind == TransientKind.RateLimited && failure.RetryAfter > _options.MaxRetryDelay)
                    {
                        // A wait this long is a daily cap, not a burst: fail now and say when to come back.
                        throw AnswerErrors.RateLimited(operation.Name, failure.RetryAfter, attempts, "and asks for a wait longer than MaxRetryDelay");
                    }
                    catch (TransientFailure failure) when (failure.MayHaveBeenApplied && !operation.Idempotent)
                    {
                        throw AnswerErrors.NotApplied(operation.Name, failure);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (TransientFailure failure)
        {
            throw AnswerErrors.RetriesExhausted(operation.Name, failure, attempts);
        }
        catch (TimeoutRejectedException)
        {
            throw operation.Idempotent
                ? AnswerErrors.RetriesExhausted(operation.Name, new TransientFailure(TransientKind.NoAnswer, null, null, null, new OperationCanceledException()), attempts)
                : AnswerErrors.NotApplied(operation.Name, new TransientFailure(TransientKind.NoAnswer, null, null, null));
        }
    }

    private static bool Remember(TransientKind kind, ref TransientKind last)
    {
        last = kind;
        return false;
    }

    private static bool IsHeaderSafe(string token)
    {
        foreach (var c in token)
        {
            if (c <= ' ' || c > '~')
            {
                return false;
            }
        }

        return true;
    }
}
