using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Tribe.Sso.AspNetCore;

/// <summary>Maps the endpoint that receives a community's webhooks.</summary>
public static class TribeSsoWebhooksEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST</c> <paramref name="pattern"/> as the webhook URL of the community's app. It verifies each delivery's
    /// signature over the raw body, answers the community's test request itself, and runs the handlers
    /// (<see cref="TribeSsoWebhooksBuilder.AddHandler{THandler}"/>) of each event at most once per event id.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route, such as <c>/community/webhooks</c>.</param>
    /// <returns>The endpoint's convention builder; <see cref="TribeSsoWebhooksEndpointConventionBuilder.ForCommunity"/> names the community.</returns>
    /// <remarks>
    /// <para>
    /// Answers: <c>200</c> with <c>{"type":…,"status":"SUCCEEDED","data":{}}</c> for a handled event, an event already
    /// handled, an event no handler overrides and other delivery types, and the challenge echoed for the test request;
    /// <c>401</c> for a missing, malformed, stale, future or wrong signature (nothing runs); <c>413</c> for a body over
    /// <see cref="TribeSsoWebhooksOptions.MaxBodySize"/>, before it is read whole; <c>400</c> for a verified body that is
    /// not a delivery; <c>503</c> with <c>Retry-After</c> while another request handles the same event or the delivery
    /// log cannot be reached; <c>500</c> when a handler throws (the event's id is released for the retry). Every answer is
    /// <c>no-store</c>; no answer or log the endpoint writes holds the secret, a signature, the body or an email (a handler's
    /// own exception is logged as it was raised).
    /// </para>
    /// <para>
    /// The endpoint allows anonymous requests and skips antiforgery (an application's fallback authorization policy does
    /// not turn deliveries away): the signature is the authentication. The community posts from its servers, not a
    /// browser, so the endpoint needs no CORS. The headers are checked before the body is read.
    /// </para>
    /// </remarks>
    public static TribeSsoWebhooksEndpointConventionBuilder MapTribeSsoWebhooks(this IEndpointRouteBuilder endpoints, string pattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(pattern);
        var builder = new TribeSsoWebhooksEndpointConventionBuilder(endpoints.ServiceProvider);
        var endpoint = endpoints.MapPost(pattern, (HttpContext context) => TribeSsoWebhookEndpoint.HandleAsync(context, builder.Community ?? Options.DefaultName))
            .WithDisplayName("Tribe SSO: community webhooks")
            .DisableAntiforgery()
            .AllowAnonymous(); // the signature is the authentication: an app's fallback authorization policy must not turn deliveries away
        builder.Attach(endpoint);
        return builder;
    }
}
