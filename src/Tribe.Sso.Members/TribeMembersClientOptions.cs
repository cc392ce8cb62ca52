using System;
using System.Globalization;

namespace Tribe.Sso.Members;

/// <summary>
/// How a <see cref="TribeMembersClient"/> reaches a community's GraphQL API and how it signs in: with an app's
/// <see cref="ClientId"/> and <see cref="ClientSecret"/> (the client obtains and renews a bot token), or with an
/// <see cref="AccessToken"/> obtained elsewhere. Plain settable properties, so the class binds from configuration.
/// </summary>
public sealed class TribeMembersClientOptions
{
    /// <summary>The default <see cref="ApiUrl"/>: Bettermode's GraphQL endpoint.</summary>
    public const string DefaultApiUrl = "https://api.bettermode.com";

    /// <summary>The endpoint of older Tribe communities (and the community's own Node client's default).</summary>
    public const string LegacyTribeApiUrl = "https://app.tribe.so/api/gateway";

    /// <summary>The default <see cref="MaxAttempts"/>: the first try and three retries.</summary>
    public const int DefaultMaxAttempts = 4;

    /// <summary>The most attempts <see cref="MaxAttempts"/> accepts.</summary>
    public const int MaximumMaxAttempts = 10;

    /// <summary>The default <see cref="RetryDelay"/>: one second, doubled at each retry, with jitter.</summary>
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>The default <see cref="MaxRetryDelay"/>: 30 seconds, longer than the community's 10-second burst window.</summary>
    public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromSeconds(30);

    /// <summary>The default <see cref="AttemptTimeout"/>: 30 seconds per request.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The community's GraphQL endpoint. Default <see cref="DefaultApiUrl"/>; older Tribe communities use
    /// <see cref="LegacyTribeApiUrl"/>, EU-region communities their own host. Must be https (http only for localhost).
    /// </summary>
    public Uri ApiUrl { get; set; } = new(DefaultApiUrl);

    /// <summary>The community's network id (shown in its admin panel). Required with <see cref="ClientId"/>: the app token is issued for it.</summary>
    public string? NetworkId { get; set; }

    /// <summary>The client id of an app installed on the community. Set it with <see cref="ClientSecret"/>, or set <see cref="AccessToken"/> instead.</summary>
    public string? ClientId { get; set; }

    /// <summary>The app's client secret. Keep it in a secret store; the client never shows it in a message or <see cref="ToString"/>.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>A bearer token obtained elsewhere, used as given and never renewed. Set it instead of the app credentials.</summary>
    public string? AccessToken { get; set; }

    /// <summary>How many times a request is sent at most (first try included) when the community is rate limiting or failing transiently. Default <see cref="DefaultMaxAttempts"/>, 1 to <see cref="MaximumMaxAttempts"/>.</summary>
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>The first back-off delay when the community gives no <c>Retry-After</c>; doubled at each retry, with jitter. Default <see cref="DefaultRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = DefaultRetryDelay;

    /// <summary>The longest wait the client accepts before a retry. A <c>Retry-After</c> beyond it (a daily cap reached) fails at once with <see cref="TribeMembersRateLimitedException"/>. Default <see cref="DefaultMaxRetryDelay"/>.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = DefaultMaxRetryDelay;

    /// <summary>How long one request may take before it counts as a transient failure. Default <see cref="DefaultAttemptTimeout"/>.</summary>
    public TimeSpan AttemptTimeout { get; set; } = DefaultAttemptTimeout;

    internal bool UsesAppCredentials => AccessToken is null;

    /// <summary>Checks every option; the client calls it on construction.</summary>
    /// <exception cref="TribeMembersConfigurationException">An option is missing or invalid; the message names it and the fix.</exception>
    public void Validate()
    {
        ValidateApiUrl();
        ValidateRetries();
        if (AccessToken is not null)
        {
            if (ClientId is not null || ClientSecret is not null)
            {
                throw Fail(nameof(AccessToken), "is set together with ClientId/ClientSecret. Set either an app's ClientId and ClientSecret (the client obtains and renews the token) or AccessToken, not both");
            }

            RequireCredential(nameof(AccessToken), AccessToken, "Pass the bearer token as issued, without the 'Bearer ' prefix");
            return;
        }

        if (ClientId is null && ClientSecret is null)
        {
            throw Fail(nameof(ClientId), "and ClientSecret are not set, and neither is AccessToken. Set the ClientId and ClientSecret of an app installed on the community, or an AccessToken");
        }

        RequireCredential(nameof(ClientId), ClientId, "Copy the app's client id from the community's developer portal");
        RequireCredential(nameof(ClientSecret), ClientSecret, "Copy the app's client secret from the developer portal into your secret store");
        if (ClientId!.Contains(':'))
        {
            throw Fail(nameof(ClientId), "contains ':', which HTTP Basic authentication cannot carry. Copy the app's client id exactly");
        }

        RequireCredential(nameof(NetworkId), NetworkId, "Set the community's network id (the app token is issued for it)");
    }

    /// <summary>Describes the options without the secret or the token.</summary>
    /// <returns>The URL, the network, the client id and which credentials are set.</returns>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "TribeMembersClientOptions {{ ApiUrl = {0}, NetworkId = {1}, ClientId = {2}, ClientSecret = {3}, AccessToken = {4}, MaxAttempts = {5} }}",
        ApiUrl?.AbsoluteUri ?? "null",
        NetworkId ?? "null",
        ClientId ?? "null",
        ClientSecret is null ? "null" : "(set)",
        AccessToken is null ? "null" : "(set)",
        MaxAttempts);

    private void ValidateApiUrl()
    {
        if (ApiUrl is null)
        {
            throw Fail(nameof(ApiUrl), "is null. Leave it unset for " + DefaultApiUrl + ", or set the community's GraphQL endpoint");
        }

        if (!ApiUrl.IsAbsoluteUri)
        {
            throw Fail(nameof(ApiUrl), "is a relative URL. Set the full endpoint, such as " + DefaultApiUrl);
        }

        var loopback = ApiUrl.IsLoopback;
        if (ApiUrl.Scheme != Uri.UriSchemeHttps && !(ApiUrl.Scheme == Uri.UriSchemeHttp && loopback))
        {
            throw Fail(nameof(ApiUrl), "must use https (http is accepted only for localhost, such as a local simulated community): the requests carry the app's credentials. Use " + DefaultApiUrl + " or your region's https host");
        }

        if (ApiUrl.UserInfo.Length > 0 || ApiUrl.Query.Length > 0 || ApiUrl.Fragment.Length > 0)
        {
            throw Fail(nameof(ApiUrl), "has user info, a query or a fragment. Set the bare endpoint, such as " + DefaultApiUrl);
        }
    }

    private void ValidateRetries()
    {
        if (MaxAttempts < 1 || MaxAttempts > MaximumMaxAttempts)
        {
            throw Fail(nameof(MaxAttempts), string.Format(CultureInfo.InvariantCulture, "is {0}; it must be 1 (no retries) to {1}. Leave it unset for {2}", MaxAttempts, MaximumMaxAttempts, DefaultMaxAttempts));
        }

        if (RetryDelay <= TimeSpan.Zero || RetryDelay > TimeSpan.FromMinutes(1))
        {
            throw Fail(nameof(RetryDelay), "must be more than zero and at most one minute. Leave it unset for one second");
        }

        if (MaxRetryDelay < RetryDelay || MaxRetryDelay > TimeSpan.FromHours(1))
        {
            throw Fail(nameof(MaxRetryDelay), "must be at least RetryDelay and at most one hour. Leave it unset for 30 seconds");
        }

        if ((AttemptTimeout <= TimeSpan.Zero || AttemptTimeout > TimeSpan.FromMinutes(10)) && AttemptTimeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw Fail(nameof(AttemptTimeout), "must be more than zero and at most ten minutes (or Timeout.InfiniteTimeSpan). Leave it unset for 30 seconds");
        }
    }

    private static void RequireCredential(string option, string? value, string fix)
    {
        if (value is null || value.Trim().Length == 0)
        {
            throw Fail(option, "is empty. " + fix);
        }

        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c > '\u007E')
            {
                throw Fail(option, "contains whitespace, a control character or a non-ASCII character, which an HTTP header cannot carry. " + fix);
            }
        }
    }

    private static TribeMembersConfigurationException Fail(string option, string ruleAndFix)
        => new(option, "TribeMembersClientOptions." + option + " " + ruleAndFix + ".");
}
