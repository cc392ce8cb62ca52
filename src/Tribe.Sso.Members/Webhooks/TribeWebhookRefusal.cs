namespace Tribe.Sso.Members;

/// <summary>Why <see cref="TribeWebhookVerifier.Verify(string, string, System.ReadOnlySpan{byte})"/> refused a delivery.</summary>
public enum TribeWebhookRefusal
{
    /// <summary>Not refused: the delivery is authentic and fresh.</summary>
    None = 0,

    /// <summary>No signature header, or an empty one.</summary>
    MissingSignature = 1,

    /// <summary>No timestamp header, or an empty one.</summary>
    MissingTimestamp = 2,

    /// <summary>The signature is not 64 lowercase hexadecimal digits.</summary>
    MalformedSignature = 3,

    /// <summary>The timestamp is not a whole number of milliseconds since the Unix epoch.</summary>
    MalformedTimestamp = 4,

    /// <summary>The timestamp is older than the tolerance allows: a replay, a long-delayed delivery, or seconds sent instead of milliseconds.</summary>
    Stale = 5,

    /// <summary>The timestamp is further in the future than the tolerance allows (or the receiver's clock is behind).</summary>
    FromTheFuture = 6,

    /// <summary>The signature does not match the body and timestamp under this secret: another secret, or a changed body.</summary>
    WrongSignature = 7,
}
