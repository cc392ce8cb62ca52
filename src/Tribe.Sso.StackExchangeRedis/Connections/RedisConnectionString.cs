using System;
using StackExchange.Redis;

namespace Tribe.Sso.StackExchangeRedis;

/// <summary>
/// A Redis connection string read once: the client's options with this package's defaults (never abort on a failed
/// connect, short timeouts, so that a Redis that is down answers a delivery 503 in seconds rather than holding it), and
/// the password, kept only to be cut out of every message.
/// </summary>
internal sealed class RedisConnectionString
{
    /// <summary>The timeouts used when the string sets none: a webhook delivery waits at most this long for Redis.</summary>
    public const int DefaultTimeoutMilliseconds = 2000;

    private RedisConnectionString(string text, ConfigurationOptions options)
    {
        Text = text;
        Options = options;
    }

    /// <summary>Gets the string as given: the key of the connection shared by every log that names it.</summary>
    public string Text { get; }

    public ConfigurationOptions Options { get; }

    /// <summary>Reads <paramref name="text"/>, or says what is wrong naming <paramref name="source"/>, never quoting the string (it may hold a password).</summary>
    /// <exception cref="ArgumentException">The string is not a Redis connection string, or names no server.</exception>
    public static RedisConnectionString Parse(string text, string source)
    {
        ConfigurationOptions options;
        try
        {
            options = ConfigurationOptions.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException(source + " is not a StackExchange.Redis connection string (" + e.GetType().Name + "). Write host:port and options separated by commas, such as redis.internal:6379,password=…,ssl=true.");
        }

        if (options.EndPoints.Count == 0)
        {
            throw new ArgumentException(source + " names no Redis server. Write host:port and options separated by commas, such as redis.internal:6379,password=…,ssl=true.");
        }

        options.AbortOnConnectFail = false;
        if (!Mentions(text, "connectTimeout"))
        {
            options.ConnectTimeout = DefaultTimeoutMilliseconds;
        }

        if (!Mentions(text, "syncTimeout"))
        {
            options.SyncTimeout = DefaultTimeoutMilliseconds;
        }

        if (!Mentions(text, "asyncTimeout"))
        {
            options.AsyncTimeout = DefaultTimeoutMilliseconds;
        }

        return new RedisConnectionString(text, options);
    }

    /// <summary>Cuts <paramref name="password"/> out of <paramref name="message"/>: a client message may quote its configuration.</summary>
    public static string Redact(string message, string? password)
        => string.IsNullOrEmpty(password) ? message : message.Replace(password, "***", StringComparison.Ordinal);

    private static bool Mentions(string text, string option) => text.Contains(option + "=", StringComparison.OrdinalIgnoreCase);
}
