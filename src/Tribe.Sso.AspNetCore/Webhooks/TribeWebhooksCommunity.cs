using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// The current webhook settings of one community and its delivery log. A reload with a new valid secret publishes a new
/// verifier with one reference write; a reload that breaks a rule keeps the last valid settings, logs one error naming
/// the setting (never its value) and turns the health check unhealthy, as the community's issuer does.
/// </summary>
internal sealed partial class TribeWebhooksCommunity : IDisposable
{
    private const string LoggerName = "Tribe.Sso.AspNetCore.TribeSsoWebhooks";

    private readonly OptionsFactory<TribeSsoWebhooksOptions> _settings;
    private readonly TimeProvider _time;
    private readonly Lock _reloadLock = new();
    private readonly List<IDisposable> _subscriptions;
    private readonly Lazy<ITribeWebhookDeliveryLog> _log;

    /// <summary>Replaced by the constructor's first <see cref="Reload"/> before anything can read it.</summary>
    private volatile Snapshot _current = new(null, null, null);

    public TribeWebhooksCommunity(TribeWebhooksRegistration registration, IServiceProvider services)
    {
        Registration = registration;
        _settings = new OptionsFactory<TribeSsoWebhooksOptions>(
            services.GetServices<IConfigureOptions<TribeSsoWebhooksOptions>>(),
            services.GetServices<IPostConfigureOptions<TribeSsoWebhooksOptions>>());
        _time = services.GetRequiredService<TimeProvider>();
        Logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(LoggerName);
        Metrics = services.GetRequiredService<WebhookMetrics>();
        _log = new Lazy<ITribeWebhookDeliveryLog>(() => registration.DeliveryLog?.Invoke(services) ?? services.GetRequiredService<InMemoryTribeWebhookDeliveryLog>());

        // Subscribe first, then read: a change that lands in between is read again rather than lost.
        _subscriptions = services.GetServices<IOptionsChangeTokenSource<TribeSsoWebhooksOptions>>()
            .Where(source => (source.Name ?? Options.DefaultName) == registration.Name)
            .Select(source => ChangeToken.OnChange(source.GetChangeToken, Reload))
            .ToList();
        Reload();
    }

    public TribeWebhooksRegistration Registration { get; }

    public ILogger Logger { get; }

    public WebhookMetrics Metrics { get; }

    /// <summary>Gets the delivery log: the one the builder named, or the process's in-memory log.</summary>
    public ITribeWebhookDeliveryLog DeliveryLog => _log.Value;

    /// <summary>Gets a value indicating whether the settings were valid at least once.</summary>
    public bool HasVerifier => _current.Verifier is not null;

    /// <summary>Gets the verifier and settings in use and why the current settings are refused, read together.</summary>
    public Snapshot Current => _current;

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private void Reload()
    {
        lock (_reloadLock)
        {
            var previous = _current;
            string? problem;
            TribeWebhookVerifier? verifier = null;
            TribeSsoWebhooksOptions? settings = null;
            try
            {
                settings = _settings.Create(Registration.Name);
                problem = TribeWebhooksBinding.Check(settings, Registration.SettingsPath, _time, out verifier);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A Configure delegate of the application that threw; its message is not repeated: it could quote a value.
                problem = Registration.SettingsPath + " could not be read: configuring the settings threw " + e.GetType().Name + ".";
            }

            if (problem is null)
            {
                if (previous.Problem is null && previous.Settings is { } before && SameSettings(before, settings!))
                {
                    // A reload of the configuration that left these settings alone (another community's, say): nothing new.
                    return;
                }

                _current = new Snapshot(verifier, settings, null);
                if (previous.Verifier is not null)
                {
                    LogSettingsApplied(Logger, Registration.DisplayName);
                }
            }
            else if (previous.Verifier is null)
            {
                _current = new Snapshot(null, null, problem);
            }
            else if (problem != previous.Problem)
            {
                // Keep the last valid secret; report each new problem once.
                _current = previous with { Problem = problem };
                LogSettingsRefused(Logger, Registration.DisplayName, problem);
            }
        }
    }

    private static bool SameSettings(TribeSsoWebhooksOptions a, TribeSsoWebhooksOptions b)
        => a.SigningSecret == b.SigningSecret && a.Tolerance == b.Tolerance && a.MaxBodySize == b.MaxBodySize
            && a.DeliveryRetention == b.DeliveryRetention && a.ProcessingLease == b.ProcessingLease;

    [LoggerMessage(EventId = 50, Level = LogLevel.Error, EventName = "WebhookSettingsRefused", Message = "{Community}: the new settings are refused; the previous ones stay in use until the configuration is fixed. {Problem}")]
    private static partial void LogSettingsRefused(ILogger logger, string community, string problem);

    [LoggerMessage(EventId = 51, Level = LogLevel.Information, EventName = "WebhookSettingsApplied", Message = "{Community}: new settings are in use")]
    private static partial void LogSettingsApplied(ILogger logger, string community);

    /// <summary>A verifier, the settings it was built from and the state of the current settings, published together.</summary>
    internal sealed record Snapshot(TribeWebhookVerifier? Verifier, TribeSsoWebhooksOptions? Settings, string? Problem);
}
