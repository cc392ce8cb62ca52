using System;

namespace Tribe.Sso.Members;

/// <summary>An attempt the community refused or failed in a way a later attempt may not: what the retry strategy handles.</summary>
internal sealed class TransientFailure : Exception
{
    public TransientFailure(TransientKind kind, string? errorCode, int? statusCode, TimeSpan? retryAfter, Exception? inner = null)
        : base("transient " + kind, inner)
    {
        Kind = kind;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public TransientKind Kind { get; }

    public string? ErrorCode { get; }

    public int? StatusCode { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>Why no answer arrived, in the client's own words (never the transport's message, which may quote the answer); or null.</summary>
    public string? Cause { get; init; }

    /// <summary>Whether the community may have applied the request (so only idempotent operations are repeated).</summary>
    public bool MayHaveBeenApplied => Kind != TransientKind.RateLimited;
}
