using System;
using System.Collections.Generic;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// One <c>AddTribeSsoWebhooks</c> call: the community's name (empty for the default), the configuration path of its
/// webhook settings, its handler types in registration order and its delivery log. A singleton instance, so the
/// endpoint, the health check and <c>ForCommunity</c> find every community whatever the order of calls.
/// </summary>
internal sealed class TribeWebhooksRegistration(string name, string settingsPath)
{
    public string Name { get; } = name;

    /// <summary>Gets the prefix of every setting in messages, such as <c>TribeSso:Webhooks</c>.</summary>
    public string SettingsPath { get; } = settingsPath;

    public string DisplayName { get; } = name.Length == 0 ? "The default community's webhooks" : "Webhooks of community '" + name + "'";

    /// <summary>Gets the health check's name: <c>tribe-sso-webhooks</c>, or <c>tribe-sso-webhooks:acme</c>.</summary>
    public string HealthCheckName { get; } = name.Length == 0 ? "tribe-sso-webhooks" : "tribe-sso-webhooks:" + name;

    /// <summary>Gets the metric tag of the community.</summary>
    public string CommunityTag { get; } = TribeSsoMetrics.CommunityTagOf(name);

    public List<Type> Handlers { get; } = [];

    /// <summary>Gets or sets the delivery log's factory; null means the process's in-memory log.</summary>
    public Func<IServiceProvider, ITribeWebhookDeliveryLog>? DeliveryLog { get; set; }
}
