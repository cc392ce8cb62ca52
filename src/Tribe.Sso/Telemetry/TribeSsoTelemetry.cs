namespace Tribe.Sso;

/// <summary>
/// Where the SDK's telemetry is published. Every Tribe.Sso package records on one meter, <see cref="MeterName"/>; its
/// instruments, their tags and the log events are listed in docs/operations.md. No tag carries user data: no user id,
/// email, token, link or key.
/// </summary>
/// <example>
/// With OpenTelemetry: <c>builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(TribeSsoTelemetry.MeterName))</c>.
/// </example>
public static class TribeSsoTelemetry
{
    /// <summary>The name of the meter every Tribe.Sso package records on: <c>Tribe.Sso</c>.</summary>
    public const string MeterName = "Tribe.Sso";
}
