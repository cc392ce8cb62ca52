using System;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// The webhook settings of one community, bound from the <c>Webhooks</c> child of its section
/// (<c>TribeSso:Webhooks:SigningSecret</c>) and validated when the application starts. The signing secret follows
/// reloads as the SSO key does.
/// </summary>
public sealed class TribeSsoWebhooksOptions
{
    /// <summary>The largest <see cref="MaxBodySize"/> accepted: 16 MiB.</summary>
    public const long MaxBodySizeLimit = 16L * 1024 * 1024;

    /// <summary>Gets or sets the signing secret of the community app whose webhooks this site receives. Required; keep it in user secrets or a secret store.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Gets or sets how far a delivery's timestamp may be from now, either way. Default 5 minutes (what the community's own apps allow); 1 second to 1 hour.</summary>
    public TimeSpan Tolerance { get; set; } = TribeWebhookVerifier.DefaultTolerance;

    /// <summary>Gets or sets the largest body read, in bytes; a larger one is answered <c>413</c> before it is read whole. Default 1 MiB; at most <see cref="MaxBodySizeLimit"/>.</summary>
    public long MaxBodySize { get; set; } = 1024 * 1024;

    /// <summary>
    /// Gets or sets how long a completed delivery's id is remembered, so that a repeated delivery of the event is answered
    /// without running the handler again. Default 24 hours; at least <see cref="Tolerance"/> and at most 30 days (a delivery older than that
    /// is refused by its signature anyway, but a retry is signed anew). The default in-memory log holds at most 100,000 ids:
    /// when full, it forgets first the completed ids that would expire soonest.
    /// </summary>
    public TimeSpan DeliveryRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Gets or sets how long a delivery being handled holds its id. A duplicate that arrives meanwhile is answered
    /// <c>503</c> with <c>Retry-After</c>; after it (an instance that crashed mid-handler) a retry runs again. The handlers'
    /// cancellation token is cancelled when the lease ends, so a handler that honours it never runs beside its own retry.
    /// Default 2 minutes; 1 second to 1 hour.
    /// </summary>
    public TimeSpan ProcessingLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Describes the settings without the secret.</summary>
    /// <returns>The limits; the secret shows as hidden.</returns>
    public override string ToString()
        => "TribeSsoWebhooksOptions { SigningSecret = " + (string.IsNullOrEmpty(SigningSecret) ? "(not set)" : "(hidden)") + ", Tolerance = " + Tolerance + ", MaxBodySize = " + MaxBodySize + " }";

    /// <summary>Builds the verifier, or says which setting is wrong and how to fix it, naming the key and never the secret.</summary>
    internal string? Check(string prefix, TimeProvider time, out TribeWebhookVerifier? verifier)
    {
        verifier = null;
        if (string.IsNullOrEmpty(SigningSecret))
        {
            return $"{prefix}:SigningSecret is not set. Store the signing secret of the community app that sends the webhooks in user secrets (dotnet user-secrets set \"{prefix}:SigningSecret\" \"<secret>\"), the environment variable {prefix.Replace(":", "__", StringComparison.Ordinal)}__SigningSecret, or your secret store.";
        }

        if (Tolerance < TimeSpan.FromSeconds(1) || Tolerance > TimeSpan.FromHours(1))
        {
            return $"{prefix}:Tolerance must be between 00:00:01 and 01:00:00; the community's own apps use 00:05:00.";
        }

        if (MaxBodySize < 1024 || MaxBodySize > MaxBodySizeLimit)
        {
            return $"{prefix}:MaxBodySize must be between 1024 and {MaxBodySizeLimit} bytes; the default is 1048576 (1 MiB).";
        }

        if (DeliveryRetention < Tolerance || DeliveryRetention > TimeSpan.FromDays(30))
        {
            return $"{prefix}:DeliveryRetention must be at least {prefix}:Tolerance, so that a replay inside the signature window is still recognised, and at most 30.00:00:00; the default is 1.00:00:00.";
        }

        if (ProcessingLease < TimeSpan.FromSeconds(1) || ProcessingLease > TimeSpan.FromHours(1))
        {
            return $"{prefix}:ProcessingLease must be between 00:00:01 and 01:00:00; the default is 00:02:00.";
        }

        TribeWebhookSecret secret;
        try
        {
            secret = TribeWebhookSecret.FromString(SigningSecret!);
        }
        catch (ArgumentException e)
        {
            // The message is the secret type's own: it names the fault, never the value.
            return $"{prefix}:SigningSecret is unusable. {e.Message.Split(" (Parameter", 2)[0]}";
        }

        verifier = new TribeWebhookVerifier(secret, time, Tolerance);
        return null;
    }
}
