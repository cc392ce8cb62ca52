namespace Tribe.Sso.AspNetCore;

/// <summary>The answer of <see cref="ITribeWebhookDeliveryLog.TryClaimAsync"/>: the outcome and, when claimed, the token that proves the claim is this request's.</summary>
/// <param name="Outcome">What the log found.</param>
/// <param name="Token">A value unique to this claim when <paramref name="Outcome"/> is <see cref="TribeWebhookClaimOutcome.Claimed"/>; otherwise null.</param>
public readonly record struct TribeWebhookClaim(TribeWebhookClaimOutcome Outcome, string? Token);
