using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tribe.Sso.Members;

/// <summary>
/// The members client's instruments on the <c>Tribe.Sso</c> meter (docs/operations.md): API calls by operation and
/// outcome, retries by reason, and how long a call took with its retries. Tags are fixed words: never a member id,
/// an email, a token or a URL. An instrument without a listener costs one <c>Enabled</c> check.
/// </summary>
internal sealed class MembersMetrics
{
    public const string OperationTag = "operation";
    public const string OutcomeTag = "outcome";
    public const string ReasonTag = "reason";

    /// <summary>The meter of clients created without an <see cref="IMeterFactory"/>: one per process, as the runtime's own meters are.</summary>
    private static readonly Lazy<Meter> SharedMeter = new(() => new Meter(TribeSsoTelemetry.MeterName));

    private readonly Counter<long> _calls;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _duration;

    private MembersMetrics(Meter meter)
    {
        _calls = meter.CreateCounter<long>("tribe.sso.members.calls", "{call}", "Calls of the community's members API, by operation and outcome.");
        _retries = meter.CreateCounter<long>("tribe.sso.members.retries", "{retry}", "Attempts the members client repeated, by operation and reason.");
        _duration = meter.CreateHistogram<double>("tribe.sso.members.duration", "s", "How long a members API call took, retries and waits included.");
    }

    /// <summary>The instruments on the factory's meter (so a host's listeners see them), or on the process's shared one.</summary>
    public static MembersMetrics Create(IMeterFactory? factory)
        => new(factory?.Create(new MeterOptions(TribeSsoTelemetry.MeterName)) ?? SharedMeter.Value);

    /// <summary>The operation tag of a GraphQL operation: the API call it stands for.</summary>
    public static string OperationOf(string graphQlName) => graphQlName switch
    {
        "limitedToken" => "token",
        "member" => "find_by_external_id",
        "members" => "find_by_email",
        "updateMember" => "update",
        "deleteMember" => "delete",
        _ => "other",
    };

    /// <summary>The outcome tag of a call that ended with <paramref name="failure"/> (null when it succeeded).</summary>
    public static string OutcomeOf(Exception? failure) => failure switch
    {
        null => "succeeded",
        TribeMembersNotFoundException => "not_found",
        TribeMembersRateLimitedException => "rate_limited",
        TribeMembersValidationException or TribeMembersPermissionException or TribeMembersCredentialsException or TribeMembersAppNotInstalledException => "refused",
        OperationCanceledException => "canceled",
        _ => "failed",
    };

    public static string ReasonOf(TransientKind kind) => kind == TransientKind.RateLimited ? "rate_limited" : "transient";

    public void Call(string operation, Exception? failure, long startTimestamp)
    {
        if (!_calls.Enabled && !_duration.Enabled)
        {
            return;
        }

        var tags = new TagList { { OperationTag, operation }, { OutcomeTag, OutcomeOf(failure) } };
        _calls.Add(1, tags);
        _duration.Record((Stopwatch.GetTimestamp() - startTimestamp) / (double)Stopwatch.Frequency, tags);
    }

    public void Retry(string operation, TransientKind kind)
    {
        if (_retries.Enabled)
        {
            _retries.Add(1, new KeyValuePair<string, object?>(OperationTag, operation), new KeyValuePair<string, object?>(ReasonTag, ReasonOf(kind)));
        }
    }
}
