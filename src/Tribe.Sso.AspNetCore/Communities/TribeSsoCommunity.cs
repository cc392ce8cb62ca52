using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// The current issuer of one community, following its configuration. Requests read it with one volatile read; a reload
/// builds a new immutable issuer and publishes it with one reference write, so no request sees a half-updated issuer.
/// A reload that breaks a rule keeps the last valid issuer, logs one error and turns the health check unhealthy.
/// </summary>
/// <remarks>
/// The settings are read through an <see cref="OptionsFactory{TOptions}"/> without validators, and reloads come from the
/// same <see cref="IOptionsChangeTokenSource{TOptions}"/> that drive <see cref="IOptionsMonitor{TOptions}"/>: with a
/// validator registered, the monitor throws on an invalid value before any <c>OnChange</c> listener runs, so a design
/// that listened to it would never see the value it must refuse.
/// </remarks>
internal sealed partial class TribeSsoCommunity : IDisposable
{
    private const string LoggerName = "Tribe.Sso.AspNetCore.TribeSsoCommunity";

    private readonly OptionsFactory<TribeSsoCommunityOptions> _settings;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly TribeSsoMetrics? _metrics;
    private readonly Lock _reloadLock = new();
    private readonly List<IDisposable> _subscriptions;
    // Replaced by the constructor's first Reload, whatever it reads: nothing sees this one.
    private volatile Snapshot _current = new(null, null, null);

    public TribeSsoCommunity(TribeSsoCommunityRegistration registration, IServiceProvider services)
    {
        Registration = registration;
        _settings = new OptionsFactory<TribeSsoCommunityOptions>(
            services.GetServices<IConfigureOptions<TribeSsoCommunityOptions>>(),
            services.GetServices<IPostConfigureOptions<TribeSsoCommunityOptions>>());
        _timeProvider = services.GetRequiredService<TimeProvider>();
        _logger = (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(LoggerName);
        _metrics = services.GetService<TribeSsoMetrics>();

        // Subscribe first, then read: a change that lands in between is read again rather than lost.
        _subscriptions = services.GetServices<IOptionsChangeTokenSource<TribeSsoCommunityOptions>>()
            .Where(source => (source.Name ?? Options.DefaultName) == registration.Name)
            .Select(source => ChangeToken.OnChange(source.GetChangeToken, Reload))
            .ToList();
        Reload();
    }

    public TribeSsoCommunityRegistration Registration { get; }

    /// <summary>Gets the issuer in use: the last one built from valid settings.</summary>
    /// <exception cref="OptionsValidationException">The settings have never been valid.</exception>
    public TribeSsoIssuer Issuer => _current.Issuer ?? throw NeverValid();

    /// <summary>Gets a value indicating whether the community has an issuer (its settings were valid at least once).</summary>
    public bool HasIssuer => _current.Issuer is not null;

    /// <summary>Gets the issuer in use and why the current settings are refused (null when the issuer reflects them), read together.</summary>
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
            var next = Read();
            if (next.Issuer is null)
            {
                if (previous.Issuer is null)
                {
                    _current = next;
                }
                else if (next.Problem != previous.Problem)
                {
                    // Keep the last valid issuer; report each new problem once, not on every unrelated reload.
                    _current = new Snapshot(previous.Issuer, previous.Fingerprint, next.Problem);
                    LogReloadRefused(_logger, Registration.DisplayName, next.Problem!);
                    _metrics?.SettingsReload(TribeSsoMetrics.CommunityTagOf(Registration.Name), "refused");
                }

                return;
            }

            if (previous.Problem is null && previous.Fingerprint is not null && previous.Fingerprint.AsSpan().SequenceEqual(next.Fingerprint))
            {
                return;
            }

            _current = next;
            if (previous.Issuer is not null)
            {
                LogSettingsApplied(_logger, Registration.DisplayName, next.Issuer.CommunityUrl.AbsoluteUri);
                _metrics?.SettingsReload(TribeSsoMetrics.CommunityTagOf(Registration.Name), "applied");
            }
        }
    }

    /// <summary>
    /// The current issuer of the request's endpoint's community: the keyed <see cref="TribeSsoIssuer"/> of a named
    /// community, the plain service otherwise. Metadata lookups are cached per endpoint and the issuer is one reference
    /// read, so this allocates nothing and takes no lock.
    /// </summary>
    public static TribeSsoIssuer IssuerFor(HttpContext context)
        => context.GetEndpoint()?.Metadata.GetMetadata<TribeSsoCommunityMetadata>() is { } community
            ? context.RequestServices.GetRequiredKeyedService<TribeSsoIssuer>(community.Name)
            : context.RequestServices.GetRequiredService<TribeSsoIssuer>();

    private Snapshot Read()
    {
        TribeSsoCommunityOptions settings;
        try
        {
            settings = _settings.Create(Registration.Name);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A Configure delegate of the application that throws: refuse it like a bad value instead of letting it escape
            // into the configuration provider's reload. Its message is not repeated: it could quote a value.
            return new Snapshot(null, null, Registration.SettingsPath + " could not be read: configuring the settings threw " + e.GetType().Name + ".");
        }

        var problem = settings.Check(Registration.SettingsPath, out var options);
        return problem is null
            ? new Snapshot(new TribeSsoIssuer(options!, _timeProvider), Fingerprint(settings), null)
            : new Snapshot(null, null, problem);
    }

    /// <summary>
    /// A digest of every setting, so an unrelated reload neither rebuilds the issuer nor logs; the key is only hashed.
    /// A setting left out here would make a reload that changes only it go unnoticed: every public property of
    /// <see cref="TribeSsoCommunityOptions"/> is listed (SettingsReloadTests checks each one).
    /// </summary>
    private static byte[] Fingerprint(TribeSsoCommunityOptions s)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        string?[] fields =
        [
            s.CommunityUrl?.OriginalString, s.PrivateKey, s.AllowShortPrivateKey.ToString(CultureInfo.InvariantCulture), s.TokenLifetime.Ticks.ToString(CultureInfo.InvariantCulture),
            s.Audience, s.SsoPath, s.RedirectParameterName, s.TokenParameterName, s.AllowAdminRole.ToString(CultureInfo.InvariantCulture),
        ];
        foreach (var field in fields)
        {
            var bytes = Encoding.UTF8.GetBytes(field ?? string.Empty);
            hash.AppendData(BitConverter.GetBytes(field is null ? -1 : bytes.Length));
            hash.AppendData(bytes);
        }

        return hash.GetHashAndReset();
    }

    private OptionsValidationException NeverValid()
        => new(Registration.Name, typeof(TribeSsoCommunityOptions), [Registration.FailurePrefix + _current.Problem]);

    [LoggerMessage(EventId = 20, Level = LogLevel.Error, EventName = "SettingsRefused", Message = "{Community}: the new settings are refused; the previous ones stay in use until the configuration is fixed. {Problem}")]
    private static partial void LogReloadRefused(ILogger logger, string community, string problem);

    [LoggerMessage(EventId = 21, Level = LogLevel.Information, EventName = "SettingsApplied", Message = "{Community}: new settings are in use for {CommunityUrl}")]
    private static partial void LogSettingsApplied(ILogger logger, string community, string communityUrl);

    /// <summary>An issuer and the state of the settings, published together so readers never see one without the other.</summary>
    internal sealed record Snapshot(TribeSsoIssuer? Issuer, byte[]? Fingerprint, string? Problem);
}
