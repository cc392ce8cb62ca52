using System;

namespace Tribe.Sso.Members;

/// <summary>
/// The community kept refusing for too many requests (code 104 or HTTP 429) after the client's retries, or asked for a
/// wait longer than <see cref="TribeMembersClientOptions.MaxRetryDelay"/> (a daily cap). Try again after <see cref="RetryAfter"/>.
/// </summary>
public sealed class TribeMembersRateLimitedException : TribeMembersException
{
    internal TribeMembersRateLimitedException(string message, string operation, string? errorCode, TimeSpan? retryAfter, int attempts)
        : base(message, operation, errorCode, innerException: null)
    {
        RetryAfter = retryAfter;
        Attempts = attempts;
    }

    /// <summary>The wait the community asked for in its last answer (<c>Retry-After</c>), or null when it gave none.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>How many times the request was sent.</summary>
    public int Attempts { get; }
}
