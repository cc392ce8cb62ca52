using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// One webhook delivery, in stages: body (413) → signature (401) → delivery (400) → the test challenge, or the event:
/// claim its id (200 when done already, 503 while another request runs it or the log is unreachable) → handlers (500
/// and the id released when one throws) → completion (200). Nothing runs before the signature holds.
/// </summary>
internal static class TribeSsoWebhookEndpoint
{
    public static async Task HandleAsync(HttpContext context, string communityName)
    {
        var community = context.RequestServices.GetRequiredKeyedService<TribeWebhooksCommunity>(communityName);
        var current = community.Current;

        // One snapshot holds both or neither, and a problem whenever it holds neither (TribeWebhooksCommunity.Reload).
        if (current is not { Verifier: { } verifier, Settings: { } settings })
        {
            await WebhookAnswers.Problem(context, StatusCodes.Status503ServiceUnavailable, "Webhooks are not configured.", current.Problem!).ConfigureAwait(false);
            return;
        }

        // The headers first: a request without a well-formed, fresh signature is refused before its body is read.
        var (signature, timestamp) = WebhookAnswers.SignatureHeaders(context.Request.Headers);
        if (verifier.CheckHeaders(signature, timestamp) is { } early)
        {
            await RefuseAsync(context, community, early).ConfigureAwait(false);
            return;
        }

        var (body, read) = await WebhookBody.ReadAsync(context, settings.MaxBodySize).ConfigureAwait(false);
        using var owned = body;
        if (body is null)
        {
            if (read == WebhookBodyRead.TooLarge)
            {
                community.Refused(WebhookRefusalReason.TooLarge, "the body is larger than " + settings.MaxBodySize + " bytes (" + community.Registration.SettingsPath + ":MaxBodySize)");
                await WebhookAnswers.Problem(context, StatusCodes.Status413PayloadTooLarge, "The webhook body is too large.", "The limit is " + settings.MaxBodySize + " bytes.").ConfigureAwait(false);
            }
            else if (!context.RequestAborted.IsCancellationRequested)
            {
                community.Refused(WebhookRefusalReason.BrokenBody, "the client sent less than its Content-Length or broke the body's framing");
                await WebhookAnswers.Problem(context, StatusCodes.Status400BadRequest, "The webhook body is incomplete.", "The request ended before its body did.").ConfigureAwait(false);
            }

            return;
        }

        var verdict = verifier.Verify(signature, timestamp, body.Span);
        if (!verdict.IsValid)
        {
            await RefuseAsync(context, community, verdict).ConfigureAwait(false);
            return;
        }

        TribeWebhookDelivery delivery;
        try
        {
            delivery = TribeWebhookDelivery.Parse(body.Memory);
        }
        catch (TribeWebhookFormatException e)
        {
            community.Refused(WebhookRefusalReason.MalformedBody, e.Message);
            await WebhookAnswers.Problem(context, StatusCodes.Status400BadRequest, "The webhook body is not a delivery.", e.Message).ConfigureAwait(false);
            return;
        }

        if (delivery.Event is not { } webhookEvent)
        {
            community.Received(delivery, delivery.Type == TribeWebhookDeliveryType.Test ? "test" : "ignored");
            await WebhookAnswers.Succeeded(context, delivery).ConfigureAwait(false);
            return;
        }

        await HandleEventAsync(context, community, settings, delivery, webhookEvent).ConfigureAwait(false);
    }

    private static async Task HandleEventAsync(HttpContext context, TribeWebhooksCommunity community, TribeSsoWebhooksOptions settings, TribeWebhookDelivery delivery, TribeWebhookEvent webhookEvent)
    {
        var log = community.DeliveryLog;
        var name = community.Registration.Name;
        TribeWebhookClaim claim;
        Exception? claimFailure = null;
        try
        {
            claim = await log.TryClaimAsync(name, webhookEvent.Id, settings.ProcessingLease, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            // Answered below as a log that says it is unavailable: logged and counted once, with the exception.
            claimFailure = e;
            claim = new TribeWebhookClaim(TribeWebhookClaimOutcome.Unavailable, null);
        }

        switch (claim.Outcome)
        {
            case TribeWebhookClaimOutcome.Completed:
                community.Duplicate(webhookEvent, "completed");
                await WebhookAnswers.Succeeded(context, delivery).ConfigureAwait(false);
                return;
            case TribeWebhookClaimOutcome.InProgress:
                community.Duplicate(webhookEvent, "in_progress");
                await WebhookAnswers.RetryLater(context, settings.ProcessingLease, "The event is being handled by another request.").ConfigureAwait(false);
                return;
            case TribeWebhookClaimOutcome.Claimed:
                break;
            default:
                community.LogUnavailable(webhookEvent, "claim", claimFailure);
                await WebhookAnswers.RetryLater(context, TimeSpan.FromSeconds(30), "The delivery log is unavailable.").ConfigureAwait(false);
                return;
        }

        var started = WebhookMetrics.Now();

        // Cancelled when the community hangs up, and when the claim's lease ends: past it, a retry may claim the event
        // and run it too, so a handler that honours its token never runs beside another copy of itself.
        using var handling = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        handling.CancelAfter(settings.ProcessingLease);
        try
        {
            foreach (var handlerType in community.Registration.Handlers)
            {
                var handler = (TribeWebhookHandler)context.RequestServices.GetRequiredService(handlerType);
                await handler.DispatchAsync(webhookEvent, handling.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            await ReleaseAsync(community, webhookEvent, claim).ConfigureAwait(false);
            community.HandlerFailed(webhookEvent, e, started);
            if (!context.RequestAborted.IsCancellationRequested)
            {
                await WebhookAnswers.Problem(context, StatusCodes.Status500InternalServerError, "The webhook handler failed.", "The event will run again when the community retries.").ConfigureAwait(false);
            }

            return;
        }

        try
        {
            // Not the request's token: the work is done, and a completion the community hung up on must still be recorded.
            await log.CompleteAsync(name, webhookEvent.Id, claim, settings.DeliveryRetention, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            community.LogUnavailable(webhookEvent, "complete", e);
        }

        community.Handled(webhookEvent, started);
        await WebhookAnswers.Succeeded(context, delivery).ConfigureAwait(false);
    }

    private static Task RefuseAsync(HttpContext context, TribeWebhooksCommunity community, TribeWebhookVerification verdict)
    {
        community.Refused(WebhookRefusalReason.Of(verdict.Refusal), verdict.Message);
        return WebhookAnswers.Problem(context, StatusCodes.Status401Unauthorized, "The webhook delivery is not signed by the community.", verdict.Message);
    }

    private static async Task ReleaseAsync(TribeWebhooksCommunity community, TribeWebhookEvent webhookEvent, TribeWebhookClaim claim)
    {
        try
        {
            await community.DeliveryLog.ReleaseAsync(community.Registration.Name, webhookEvent.Id, claim, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The claim lapses after its lease instead; the retry waits for it.
            community.LogUnavailable(webhookEvent, "release", e);
        }
    }
}
