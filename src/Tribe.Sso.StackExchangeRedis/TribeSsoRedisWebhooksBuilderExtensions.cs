using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using Tribe.Sso.AspNetCore;

namespace Tribe.Sso.StackExchangeRedis;

/// <summary>
/// Puts a community's webhook delivery log on Redis, so that every instance of the site shares it: an event delivered to
/// two instances at once, or retried on another instance, runs its handler once.
/// </summary>
/// <remarks>
/// A claim is one atomic <c>SET key token NX PX lease</c>; keys are <c>tribe-sso:webhooks:{community}:{SHA-256 of the
/// event id}</c>. When Redis cannot be reached or does not answer in time, a delivery is answered <c>503</c> with
/// <c>Retry-After</c> (the community retries it), no handler runs, and log event 60 says so; nothing throws. Add the
/// health check with <see cref="TribeSsoRedisHealthChecksBuilderExtensions.AddTribeSsoRedisDeliveryLog"/>.
/// </remarks>
public static class TribeSsoRedisWebhooksBuilderExtensions
{
    /// <summary>The key, in the community's webhook section, of the connection string <see cref="UseRedisDeliveryLog(TribeSsoWebhooksBuilder)"/> reads: <c>TribeSso:Webhooks:Redis</c>.</summary>
    public const string ConnectionStringKey = "Redis";

    /// <summary>
    /// Uses a delivery log on the Redis named by the community's <c>Redis</c> setting (<c>TribeSso:Webhooks:Redis</c>, or
    /// <c>Communities:acme:Webhooks:Redis</c>), such as <c>redis.internal:6379,password=…,ssl=true</c>.
    /// </summary>
    /// <param name="builder">The community's webhooks, from <c>AddTribeSsoWebhooks</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="InvalidOperationException">The setting is missing or is not a Redis connection string; the message names the setting, never its value.</exception>
    public static TribeSsoWebhooksBuilder UseRedisDeliveryLog(this TribeSsoWebhooksBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var setting = builder.SettingsPath + ":" + ConnectionStringKey;
        var text = builder.Configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidOperationException(setting + " is not set. Set it to the connection string of the Redis every instance shares, such as redis.internal:6379,password=…,ssl=true (user secrets, the environment variable "
                + setting.Replace(":", "__", StringComparison.Ordinal) + ", or your secret store), or pass the connection string or an IConnectionMultiplexer to UseRedisDeliveryLog.");
        }

        RedisConnectionString connectionString;
        try
        {
            connectionString = RedisConnectionString.Parse(text, setting);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(e.Message);
        }

        return Use(builder, connectionString);
    }

    /// <summary>
    /// Uses a delivery log on the Redis of <paramref name="connectionString"/> (StackExchange.Redis format). The
    /// connection is made on first use and shared by every community that names the same string; it never aborts on a
    /// failed connect (the client reconnects once Redis is back) and its connect and command timeouts are 2 seconds
    /// unless the string sets them. It is closed when the host stops.
    /// </summary>
    /// <param name="builder">The community's webhooks, from <c>AddTribeSsoWebhooks</c>.</param>
    /// <param name="connectionString">Such as <c>redis.internal:6379,password=…,ssl=true</c>.</param>
    /// <returns>The builder, for chaining.</returns>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is blank, is not a connection string or names no server; the message never quotes it.</exception>
    public static TribeSsoWebhooksBuilder UseRedisDeliveryLog(this TribeSsoWebhooksBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return Use(builder, RedisConnectionString.Parse(connectionString, "The Redis connection string"));
    }

    /// <summary>
    /// Uses a delivery log on the application's own Redis connection (the one it may also give to
    /// <c>PersistKeysToStackExchangeRedis</c>). The application keeps it open and closes it.
    /// </summary>
    /// <param name="builder">The community's webhooks, from <c>AddTribeSsoWebhooks</c>.</param>
    /// <param name="connection">The connection; create it with <c>AbortOnConnectFail=false</c> so the site starts while Redis is down.</param>
    /// <returns>The builder, for chaining.</returns>
    public static TribeSsoWebhooksBuilder UseRedisDeliveryLog(this TribeSsoWebhooksBuilder builder, IConnectionMultiplexer connection)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(connection);
        return Use(builder, new RedisDeliveryLogTarget(builder.Name, _ => () => ValueTask.FromResult(connection), _ => PasswordOf(connection)));
    }

    private static TribeSsoWebhooksBuilder Use(TribeSsoWebhooksBuilder builder, RedisConnectionString connectionString)
    {
        builder.Services.TryAddSingleton<RedisConnections>();
        return Use(builder, new RedisDeliveryLogTarget(
            builder.Name,
            services => services.GetRequiredService<RedisConnections>().For(connectionString).GetAsync,
            _ => connectionString.Options.Password));
    }

    private static TribeSsoWebhooksBuilder Use(TribeSsoWebhooksBuilder builder, RedisDeliveryLogTarget target)
    {
        builder.Services.AddSingleton(target);
        return builder.UseDeliveryLog(services => new RedisTribeWebhookDeliveryLog(
            target.Connect(services),
            (services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance).CreateLogger(RedisDeliveryLogEvents.Category),
            target.Password(services)));
    }

    /// <summary>The password in the multiplexer's configuration, if it can be read: it is cut out of every message.</summary>
    private static string? PasswordOf(IConnectionMultiplexer connection)
    {
        string? password = null;
        try
        {
            password = ConfigurationOptions.Parse(connection.Configuration).Password;
        }
        catch (ArgumentException)
        {
            // A configuration the client cannot read back: there is no password to look for.
        }

        return password;
    }
}
