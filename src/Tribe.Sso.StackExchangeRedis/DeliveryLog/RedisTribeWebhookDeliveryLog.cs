using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using Tribe.Sso.AspNetCore;

namespace Tribe.Sso.StackExchangeRedis;

/// <summary>
/// The delivery log every instance shares, on Redis. One key per event: <c>tribe-sso:webhooks:{community}:{hex SHA-256
/// of the event id}</c>, holding a claim's random token while the event runs (expiring after the lease) and
/// <c>done</c> once it ran (expiring after the retention). A claim is one atomic <c>SET key token NX PX lease</c>, so two
/// instances that receive the same event at once cannot both run it; a release deletes the key only if it still holds
/// the claim's token. When Redis does not answer, a claim is <see cref="TribeWebhookClaimOutcome.Unavailable"/> (the
/// delivery is answered 503 and the community retries it), never an exception.
/// </summary>
internal sealed class RedisTribeWebhookDeliveryLog(Func<ValueTask<IConnectionMultiplexer>> connect, ILogger logger, string? password) : ITribeWebhookDeliveryLog
{
    /// <summary>The value of a key whose event ran.</summary>
    public const string Done = "done";

    /// <summary>The prefix of every key this log writes.</summary>
    public const string KeyPrefix = "tribe-sso:webhooks:";

    /// <summary>Deletes the key only while it holds the claim's token: a lapsed claim taken over by another instance stays.</summary>
    private const string ReleaseScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

    /// <summary>1 while the last call failed, so that recovery is logged once.</summary>
    private int _failing;

    /// <summary>
    /// The key of an event: the community's name (lower case; <c>default</c> for the default community) and the SHA-256
    /// of the event id, so that no text the community sent becomes part of a key.
    /// </summary>
    public static string KeyOf(string community, string eventId)
        => KeyPrefix + (community.Length == 0 ? "default" : community.ToLowerInvariant()) + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)));

    public async ValueTask<TribeWebhookClaim> TryClaimAsync(string community, string eventId, TimeSpan lease, CancellationToken cancellationToken)
    {
        var key = (RedisKey)KeyOf(community, eventId);
        var token = Guid.NewGuid().ToString("N");
        try
        {
            var database = (await connect().ConfigureAwait(false)).GetDatabase();

            // A claim that lapses between the SET and the GET is tried again; a third miss in a row is answered "in progress".
            for (var attempt = 0; attempt < 3; attempt++)
            {
                if (await database.StringSetAsync(key, token, lease, When.NotExists).ConfigureAwait(false))
                {
                    Recovered(community);
                    return new TribeWebhookClaim(TribeWebhookClaimOutcome.Claimed, token);
                }

                var held = await database.StringGetAsync(key).ConfigureAwait(false);
                if (!held.IsNull)
                {
                    Recovered(community);
                    return new TribeWebhookClaim(held == Done ? TribeWebhookClaimOutcome.Completed : TribeWebhookClaimOutcome.InProgress, null);
                }
            }

            return new TribeWebhookClaim(TribeWebhookClaimOutcome.InProgress, null);
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            Failed(community, "claim", eventId, e, RedisDeliveryLogEvents.ClaimConsequence);
            return new TribeWebhookClaim(TribeWebhookClaimOutcome.Unavailable, null);
        }
    }

    public async ValueTask CompleteAsync(string community, string eventId, TribeWebhookClaim claim, TimeSpan retention, CancellationToken cancellationToken)
    {
        try
        {
            var database = (await connect().ConfigureAwait(false)).GetDatabase();
            await database.StringSetAsync(KeyOf(community, eventId), Done, retention, When.Always).ConfigureAwait(false);
            Recovered(community);
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            Failed(community, "complete", eventId, e, RedisDeliveryLogEvents.CompleteConsequence);
        }
    }

    public async ValueTask ReleaseAsync(string community, string eventId, TribeWebhookClaim claim, CancellationToken cancellationToken)
    {
        if (claim.Token is not { } token)
        {
            return;
        }

        try
        {
            var database = (await connect().ConfigureAwait(false)).GetDatabase();
            await database.ScriptEvaluateAsync(ReleaseScript, [KeyOf(community, eventId)], [token]).ConfigureAwait(false);
            Recovered(community);
        }
        catch (Exception e) when (IsRedisFailure(e))
        {
            Failed(community, "release", eventId, e, RedisDeliveryLogEvents.ReleaseConsequence);
        }
    }

    /// <summary>What Redis being down or slow looks like: the client's connection, timeout and server errors.</summary>
    /// <remarks><see cref="RedisCommandException"/> (a command the server's command map disables, such as <c>EVAL</c>) is not a <see cref="RedisException"/>, so it is named too.</remarks>
    internal static bool IsRedisFailure(Exception e) => e is RedisException or RedisTimeoutException or RedisCommandException or TimeoutException or ObjectDisposedException;

    private void Failed(string community, string operation, string eventId, Exception e, string consequence)
    {
        Interlocked.Exchange(ref _failing, 1);
        if (logger.IsEnabled(LogLevel.Warning))
        {
            RedisDeliveryLogEvents.Unavailable(logger, Name(community), operation, eventId, e.GetType().Name, RedisConnectionString.Redact(e.Message, password), consequence);
        }
    }

    /// <summary>Logs the recovery once: only the call that turns the flag back to 0 logs it (a plain read first, so that a healthy log never writes the flag).</summary>
    private void Recovered(string community)
    {
        if (Volatile.Read(ref _failing) != 0 && Interlocked.Exchange(ref _failing, 0) != 0 && logger.IsEnabled(LogLevel.Information))
        {
            var name = Name(community);
            RedisDeliveryLogEvents.Available(logger, name);
        }
    }

    private static string Name(string community) => community.Length == 0 ? "default community" : "community '" + community + "'";
}
