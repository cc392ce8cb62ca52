using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Tribe.Sso.Members;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// The current members client of one community, following its configuration as the community's issuer does: a reload
/// with new valid settings (a rotated <c>ClientSecret</c>) builds a new client and publishes it with one reference write;
/// a reload that breaks a rule keeps the last valid client and logs one error naming the setting, never its value.
/// </summary>
/// <remarks>
/// Settings are read through an <see cref="OptionsFactory{TOptions}"/> without validators, and reloads come from the
/// <see cref="IOptionsChangeTokenSource{TOptions}"/> that drive <see cref="IOptionsMonitor{TOptions}"/>: with a
/// validator registered the monitor throws on an invalid value before any <c>OnChange</c> listener runs. A replaced
/// client is not disposed: a request may still be using it, and it holds no connection of its own (the HttpClient comes
/// from <see cref="IHttpClientFactory"/>).
/// </remarks>
internal sealed partial class TribeMembersCommunity : IDisposable
{
    private const string LoggerName = "Tribe.Sso.AspNetCore.TribeMembersCommunity";

    private readonly TribeMembersRegistration _registration;
    private readonly OptionsFactory<TribeMembersClientOptions> _settings;
    private readonly IHttpClientFactory _httpClients;
    private readonly TimeProvider _timeProvider;
    private readonly IMeterFactory? _meters;
    private readonly ILogger _logger;
    private readonly Lock _reloadLock = new();
    private readonly List<IDisposable> _subscriptions;
    // Replaced by the constructor's first Reload, whatever it reads: nothing sees this one.
    private volatile Snapshot _current = new(null, null, null, null);

    public TribeMembersCommunity(TribeMembersRegistration registration, IServiceProvider services)
    {
        _registration = registration;
        _settings = new OptionsFactory<TribeMembersClientOptions>(
            services.GetServices<IConfigureOptions<TribeMembersClientOptions>>(),
            services.GetServices<IPostConfigureOptions<TribeMembersClientOptions>>());
        _httpClients = services.GetRequiredService<IHttpClientFactory>();
        _timeProvider = services.GetRequiredService<TimeProvider>();
        _meters = services.GetService<IMeterFactory>();
        _logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(LoggerName);

        // Subscribe first, then read: a change that lands in between is read again rather than lost.
        _subscriptions = services.GetServices<IOptionsChangeTokenSource<TribeMembersClientOptions>>()
            .Where(source => (source.Name ?? Options.DefaultName) == registration.Name)
            .Select(source => ChangeToken.OnChange(source.GetChangeToken, Reload))
            .ToList();
        Reload();
    }

    /// <summary>
    /// Gets the client in use, the last one built from valid settings, as a <see cref="TribeMembersClient.Share"/> of it:
    /// the container disposes each transient it gives out with the request's scope, and disposing the client itself would
    /// end its token renewals for every later request.
    /// </summary>
    /// <exception cref="OptionsValidationException">The settings have never been valid.</exception>
    public TribeMembersClient Client
    {
        get
        {
            // One read: a first valid reload between two reads would leave no client and no problem to report.
            var current = _current;
            return current.Shared ?? throw new OptionsValidationException(_registration.Name, typeof(TribeMembersClientOptions), [current.Problem!]);
        }
    }

    /// <summary>Gets a value indicating whether a client was built (the settings were valid at least once).</summary>
    public bool HasClient => _current.Client is not null;

    /// <summary>Gets the prefix of every setting in messages, such as <c>TribeSso:Members</c>.</summary>
    public string SettingsPath => _registration.SettingsPath;

    /// <summary>Gets why the current settings are refused; null when the client in use reflects them.</summary>
    public string? Problem => _current.Problem;

    public void Dispose()
    {
        // Disposing a subscription waits for its reload if one is running, so the client read next is the last one.
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _current.Client?.Dispose();
    }

    private void Reload()
    {
        lock (_reloadLock)
        {
            var previous = _current;
            TribeMembersClientOptions settings;
            try
            {
                settings = _settings.Create(_registration.Name);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A Configure delegate of the application that throws; its message is not repeated: it could quote a value.
                Refuse(previous, _registration.SettingsPath + " could not be read: configuring the settings threw " + e.GetType().Name + ".");
                return;
            }

            var problem = TribeMembersBinding.Check(settings, _registration.SettingsPath);
            if (problem is not null)
            {
                Refuse(previous, problem);
                return;
            }

            if (previous.Problem is null && previous.Settings is not null && SameSettings(previous.Settings, settings))
            {
                return;
            }

            var client = new TribeMembersClient(settings, _httpClients.CreateClient(_registration.HttpClientName), _timeProvider, _meters);
            _current = new Snapshot(client, client.Share(), settings, null);
            if (previous.Client is not null)
            {
                LogSettingsApplied(_logger, _registration.DisplayName, client.ApiUrl.AbsoluteUri);
            }
        }
    }

    private void Refuse(Snapshot previous, string problem)
    {
        if (previous.Client is null)
        {
            _current = new Snapshot(null, null, null, problem);
        }
        else if (problem != previous.Problem)
        {
            // Keep the last valid client; report each new problem once, not on every unrelated reload.
            _current = previous with { Problem = problem };
            LogSettingsRefused(_logger, _registration.DisplayName, problem);
        }
    }

    /// <summary>Compares every setting the client copies, so an unrelated reload keeps the client and its cached token.</summary>
    private static bool SameSettings(TribeMembersClientOptions a, TribeMembersClientOptions b)
        => a.ApiUrl == b.ApiUrl && a.NetworkId == b.NetworkId && a.ClientId == b.ClientId && a.ClientSecret == b.ClientSecret
            && a.AccessToken == b.AccessToken && a.MaxAttempts == b.MaxAttempts && a.RetryDelay == b.RetryDelay
            && a.MaxRetryDelay == b.MaxRetryDelay && a.AttemptTimeout == b.AttemptTimeout;

    [LoggerMessage(EventId = 30, Level = LogLevel.Error, EventName = "MembersSettingsRefused", Message = "{Client}: the new settings are refused; the previous ones stay in use until the configuration is fixed. {Problem}")]
    private static partial void LogSettingsRefused(ILogger logger, string client, string problem);

    [LoggerMessage(EventId = 31, Level = LogLevel.Information, EventName = "MembersSettingsApplied", Message = "{Client}: new settings are in use for {ApiUrl}")]
    private static partial void LogSettingsApplied(ILogger logger, string client, string apiUrl);

    /// <summary>A client, the share given out, the settings it was built from and the state of the current settings, published together.</summary>
    private sealed record Snapshot(TribeMembersClient? Client, TribeMembersClient? Shared, TribeMembersClientOptions? Settings, string? Problem);
}
