using System.Threading;
using System.Threading.Tasks;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// What a site does when the community tells it something happened: override the methods of the events you care about.
/// Registered with <see cref="TribeSsoWebhooksBuilder.AddHandler{THandler}"/> and resolved from the request's scope for
/// each delivery, so it can take scoped services such as a <c>DbContext</c>.
/// </summary>
/// <remarks>
/// <para>
/// Delivery is at least once. The endpoint runs a handler at most once per event id while the delivery log remembers
/// the id (<see cref="TribeSsoWebhooksOptions.DeliveryRetention"/>), but a handler that throws is run again by the
/// community's retry, so make each method safe to repeat: set state ("the email is now X"), do not append to it.
/// </para>
/// <para>
/// An event without an override is answered <c>200</c>, so the community does not retry it. An exception is answered
/// <c>500</c> and frees the event's id for the retry. The token is cancelled when the community hangs up.
/// </para>
/// </remarks>
public abstract class TribeWebhookHandler
{
    /// <summary>A member was created (<c>member.created</c>), before their email is verified.</summary>
    /// <param name="memberEvent">The event; <see cref="TribeMemberEvent.Member"/> is the new member.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    public virtual Task OnMemberCreatedAsync(TribeMemberEvent memberEvent, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A member's email was verified (<c>member.verified</c>); an SSO sign-in's member is verified at once.</summary>
    /// <param name="memberEvent">The event.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    public virtual Task OnMemberVerifiedAsync(TribeMemberEvent memberEvent, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A member changed (<c>member.updated</c>): their email, name, status or profile.</summary>
    /// <param name="memberEvent">The event; <see cref="TribeMemberEvent.OldMember"/> is the member before the change.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    public virtual Task OnMemberUpdatedAsync(TribeMemberEvent memberEvent, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A member was deleted (<c>member.deleted</c>).</summary>
    /// <param name="memberEvent">The event; <see cref="TribeMemberEvent.Member"/> is the member as it was.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    public virtual Task OnMemberDeletedAsync(TribeMemberEvent memberEvent, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A member joined a space (<c>space_membership.created</c>).</summary>
    /// <param name="membershipEvent">The event.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    public virtual Task OnSpaceMembershipCreatedAsync(TribeSpaceMembershipEvent membershipEvent, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>A member left, or was removed from, a space (<c>space_membership.deleted</c>).</summary>
    /// <param name="membershipEvent">The event.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    public virtual Task OnSpaceMembershipDeletedAsync(TribeSpaceMembershipEvent membershipEvent, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Any other event (<c>space.created</c>, <c>member_invitation.created</c>, …), with its object as sent.</summary>
    /// <param name="webhookEvent">The event; <see cref="TribeWebhookEvent.RawObject"/> holds its object.</param>
    /// <param name="cancellationToken">Cancelled when the request is aborted.</param>
    /// <returns>A task that completes when the event is handled.</returns>
    public virtual Task OnEventAsync(TribeWebhookEvent webhookEvent, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs the method of the event's name; the one place an event name meets a method.</summary>
    internal Task DispatchAsync(TribeWebhookEvent webhookEvent, CancellationToken cancellationToken) => webhookEvent switch
    {
        TribeMemberEvent { Name: TribeWebhookEventNames.MemberCreated } e => OnMemberCreatedAsync(e, cancellationToken),
        TribeMemberEvent { Name: TribeWebhookEventNames.MemberVerified } e => OnMemberVerifiedAsync(e, cancellationToken),
        TribeMemberEvent { Name: TribeWebhookEventNames.MemberUpdated } e => OnMemberUpdatedAsync(e, cancellationToken),
        TribeMemberEvent { Name: TribeWebhookEventNames.MemberDeleted } e => OnMemberDeletedAsync(e, cancellationToken),
        TribeSpaceMembershipEvent { Name: TribeWebhookEventNames.SpaceMembershipCreated } e => OnSpaceMembershipCreatedAsync(e, cancellationToken),
        TribeSpaceMembershipEvent { Name: TribeWebhookEventNames.SpaceMembershipDeleted } e => OnSpaceMembershipDeletedAsync(e, cancellationToken),
        _ => OnEventAsync(webhookEvent, cancellationToken),
    };
}
