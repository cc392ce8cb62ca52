using System;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// Remembers which events a site has handled, so that the community's at-least-once deliveries have one effect. The
/// default is in memory and serves one instance; several instances share one log (for example on Redis, with the
/// <c>Tribe.Sso.StackExchangeRedis</c> package's <c>UseRedisDeliveryLog</c>).
/// </summary>
/// <remarks>
/// <para>
/// For each event id the endpoint calls <see cref="TryClaimAsync"/>; when the claim is granted it runs the handlers,
/// then <see cref="CompleteAsync"/>, or <see cref="ReleaseAsync"/> when a handler threw, so the community's retry runs
/// it again. A claim must be atomic across every instance that shares the log, and must lapse after its lease (an
/// instance that crashed mid-handler must not block the event forever).
/// </para>
/// <para>
/// Keys are the community's registration name (empty for the default community) and the event id; neither is personal
/// data. An implementation that cannot reach its store returns <see cref="TribeWebhookClaimOutcome.Unavailable"/> (the
/// delivery is answered so that the community retries) rather than throwing.
/// </para>
/// </remarks>
public interface ITribeWebhookDeliveryLog
{
    /// <summary>Claims an event id for handling, atomically.</summary>
    /// <param name="community">The community's registration name; empty for the default community.</param>
    /// <param name="eventId">The event's id (<c>data.id</c>).</param>
    /// <param name="lease">How long the claim holds if it is neither completed nor released.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
    /// <returns><see cref="TribeWebhookClaimOutcome.Claimed"/> with a token, or why not.</returns>
    ValueTask<TribeWebhookClaim> TryClaimAsync(string community, string eventId, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Marks a claimed event as handled and keeps its id for <paramref name="retention"/>.</summary>
    /// <param name="community">The community's registration name.</param>
    /// <param name="eventId">The event's id.</param>
    /// <param name="claim">The claim <see cref="TryClaimAsync"/> granted.</param>
    /// <param name="retention">How long the id is remembered.</param>
    /// <param name="cancellationToken">A cancellation token; the endpoint passes none, so a completed event is recorded even when the community hung up.</param>
    /// <returns>A task that completes when the id is recorded.</returns>
    ValueTask CompleteAsync(string community, string eventId, TribeWebhookClaim claim, TimeSpan retention, CancellationToken cancellationToken);

    /// <summary>Gives up a claim (a handler threw), so the next delivery of the event runs again; a claim that lapsed and was taken by another is left alone.</summary>
    /// <param name="community">The community's registration name.</param>
    /// <param name="eventId">The event's id.</param>
    /// <param name="claim">The claim <see cref="TryClaimAsync"/> granted.</param>
    /// <param name="cancellationToken">A cancellation token.</param>
    /// <returns>A task that completes when the claim is released.</returns>
    ValueTask ReleaseAsync(string community, string eventId, TribeWebhookClaim claim, CancellationToken cancellationToken);
}
