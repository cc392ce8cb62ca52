using System;
using System.Threading;
using System.Threading.Tasks;

namespace Tribe.Sso.Testing;

/// <content>
/// The community app's webhook (<see cref="TribeCommunitySimulatorOptions.WebhookUrl"/>): what happens to members is
/// sent, signed, on a background queue.
/// </content>
public sealed partial class TribeCommunitySimulator
{
    private readonly SimulatorWebhooks? _webhooks;

    /// <summary>Gets the community app's webhook, or null when the options set no URL.</summary>
    internal SimulatorWebhooks? Webhooks => _webhooks;

    /// <summary>
    /// Waits until every webhook delivery so far has been delivered or given up on: none is queued, under way or waiting
    /// to be retried. Deliveries leave on a background queue, so a test calls this after a sign-in or an API call and
    /// before it asserts what its endpoint received. Completes at once when there is no webhook or nothing is pending.
    /// </summary>
    /// <remarks>
    /// A failing endpoint is retried 1, 5, 25 and 125 seconds after each failure (up to
    /// <see cref="TribeCommunitySimulatorOptions.WebhookMaxAttempts"/>), on the simulator's clock
    /// (<see cref="TribeSsoTokenReaderOptions.TimeProvider"/>): with a fake clock, advance it to run the retries and
    /// timeouts; pass a <paramref name="cancellationToken"/> to bound the wait.
    /// </remarks>
    /// <param name="cancellationToken">Stops the wait (not the deliveries).</param>
    /// <returns>A task that completes when the queue is idle.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public Task WebhooksIdleAsync(CancellationToken cancellationToken = default)
        => _webhooks?.WhenIdleAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>
    /// Queues what a sign-in tells the app's webhook: nothing unless it signed a member in and changed something. Called
    /// under the simulator's lock, so the webhook hears of two sign-ins in the order they changed the member.
    /// </summary>
    private void SignedIn(TribeCommunityMember? before, TribeSsoSignInResult result)
    {
        if (_webhooks is { } webhooks && result.Member is { } member)
        {
            webhooks.Send(WebhookEvents.SignedIn(before, member, (Options.ReaderOptions?.TimeProvider ?? TimeProvider.System).GetUtcNow()));
        }
    }
}
