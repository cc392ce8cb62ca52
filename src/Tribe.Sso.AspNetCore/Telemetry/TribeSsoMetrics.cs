using System.Collections.Generic;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// The instruments of the ASP.NET Core package on the <see cref="TribeSsoTelemetry.MeterName"/> meter, created through
/// the application's <see cref="IMeterFactory"/>. Tags name the community and why or how, never the user.
/// Each call checks <see cref="Instrument.Enabled"/> first, so with no listener a measurement costs one field read.
/// </summary>
internal sealed class TribeSsoMetrics
{
    public const string CommunityTag = "tribe.community";
    public const string ReasonTag = "reason";
    public const string OutcomeTag = "outcome";

    /// <summary>The tag value of the default community (registered without a name).</summary>
    public const string DefaultCommunity = "default";

    private readonly Counter<long> _linksIssued;
    private readonly Counter<long> _requestsRefused;
    private readonly Counter<long> _logouts;
    private readonly Counter<long> _settingsReloads;

    public TribeSsoMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(TribeSsoTelemetry.MeterName);
        _linksIssued = meter.CreateCounter<long>("tribe.sso.links.issued", "{link}", "SSO links issued to signed-in users by the sign-in endpoints.");
        _requestsRefused = meter.CreateCounter<long>("tribe.sso.requests.refused", "{request}", "Sign-in requests answered with an error instead of a link, by reason.");
        _logouts = meter.CreateCounter<long>("tribe.sso.logouts", "{request}", "Requests to the Logout URL endpoint, by outcome.");
        _settingsReloads = meter.CreateCounter<long>("tribe.sso.settings.reloads", "{reload}", "Changed community settings seen on a configuration reload: applied or refused.");
    }

    /// <summary>The community tag of the request's endpoint: its <c>ForCommunity</c> name, or <see cref="DefaultCommunity"/>.</summary>
    public static string CommunityOf(HttpContext context)
        => context.GetEndpoint()?.Metadata.GetMetadata<TribeSsoCommunityMetadata>()?.Name ?? DefaultCommunity;

    /// <summary>The community tag of a registration name (<see cref="Options.DefaultName"/> is the default community).</summary>
    public static string CommunityTagOf(string registrationName)
        => registrationName == Options.DefaultName ? DefaultCommunity : registrationName;

    public void LinkIssued(string community)
    {
        if (_linksIssued.Enabled)
        {
            _linksIssued.Add(1, new KeyValuePair<string, object?>(CommunityTag, community));
        }
    }

    /// <param name="community">The community tag (<see cref="CommunityOf"/>).</param>
    /// <param name="reason">One of the documented reasons: <c>redirect</c>, <c>claims</c>, <c>size</c>, <c>unmapped</c>, <c>admin</c>.</param>
    public void RequestRefused(string community, string reason)
    {
        if (_requestsRefused.Enabled)
        {
            _requestsRefused.Add(1, new KeyValuePair<string, object?>(CommunityTag, community), new KeyValuePair<string, object?>(ReasonTag, reason));
        }
    }

    /// <param name="outcome">One of the documented outcomes: <c>signed_out</c>, <c>confirmation_shown</c>, <c>refused</c>.</param>
    public void Logout(string outcome)
    {
        if (_logouts.Enabled)
        {
            _logouts.Add(1, new KeyValuePair<string, object?>(OutcomeTag, outcome));
        }
    }

    /// <param name="community">The community tag (<see cref="CommunityTagOf"/>).</param>
    /// <param name="outcome"><c>applied</c> or <c>refused</c>.</param>
    public void SettingsReload(string community, string outcome)
    {
        if (_settingsReloads.Enabled)
        {
            _settingsReloads.Add(1, new KeyValuePair<string, object?>(CommunityTag, community), new KeyValuePair<string, object?>(OutcomeTag, outcome));
        }
    }
}
