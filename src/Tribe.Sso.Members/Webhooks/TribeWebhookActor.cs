namespace Tribe.Sso.Members;

/// <summary>Who caused an event (<c>data.actor</c>): a member, an admin, or an app acting on the community.</summary>
public sealed class TribeWebhookActor
{
    internal TribeWebhookActor(string? id, string? roleType)
    {
        Id = id;
        RoleType = roleType;
    }

    /// <summary>The actor's id, or null when the event did not say.</summary>
    public string? Id { get; }

    /// <summary>The actor's role type as sent, such as <c>admin</c> or <c>member</c>, or null.</summary>
    public string? RoleType { get; }

    /// <summary>Describes the actor by id and role type.</summary>
    /// <returns>For example <c>TribeWebhookActor { Id = m1, RoleType = admin }</c>.</returns>
    public override string ToString() => "TribeWebhookActor { Id = " + (Id ?? "null") + ", RoleType = " + (RoleType ?? "null") + " }";
}
