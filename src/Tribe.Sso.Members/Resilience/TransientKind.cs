namespace Tribe.Sso.Members;

/// <summary>Why an attempt may succeed if repeated.</summary>
internal enum TransientKind
{
    /// <summary>Code 104 or HTTP 429: refused before it ran.</summary>
    RateLimited,

    /// <summary>HTTP 5xx or 408.</summary>
    ServerError,

    /// <summary>No answer: the connection failed or the attempt timed out.</summary>
    NoAnswer,
}
