using System;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Tribe.Sso.Members;

/// <summary>
/// The Polly pipelines: a per-attempt timeout inside a retry that waits what <c>Retry-After</c> asks, or backs off
/// exponentially with jitter from <see cref="TribeMembersClientOptions.RetryDelay"/>.
/// </summary>
internal static class RetryPipelines
{
    /// <summary>For queries and idempotent mutations: repeats refusals, server errors and attempts without an answer.</summary>
    public static ResiliencePipeline ForIdempotent(TribeMembersClientOptions options, TimeProvider time)
        => Build(options, time, new PredicateBuilder().Handle<TransientFailure>().Handle<TimeoutRejectedException>());

    /// <summary>For mutations that must not run twice: repeats only refusals (the community did not run the request).</summary>
    public static ResiliencePipeline ForNonIdempotent(TribeMembersClientOptions options, TimeProvider time)
        => Build(options, time, new PredicateBuilder().Handle<TransientFailure>(f => !f.MayHaveBeenApplied));

    private static ResiliencePipeline Build(TribeMembersClientOptions options, TimeProvider time, PredicateBuilder<object> shouldHandle)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = shouldHandle,
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                DelayGenerator = static args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is TransientFailure { RetryAfter: { } wait } ? wait : null),
            });
        }

        if (options.AttemptTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.AttemptTimeout);
        }

        return builder.Build();
    }
}
