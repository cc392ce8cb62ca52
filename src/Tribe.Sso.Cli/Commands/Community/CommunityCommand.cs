using System;
using System.CommandLine;
using System.IO;
using Tribe.Sso.Testing;

namespace Tribe.Sso.Cli;

/// <summary>
/// <c>tribe-sso community</c>: the simulated community of Tribe.Sso.Testing served over HTTP, for any partner's
/// end-to-end tests. See docs/cli.md#tribe-sso-community.
/// </summary>
internal static class CommunityCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5090";

    /// <summary>The environment variable that holds the installed app's client secret: never an option, which would leak into shell history.</summary>
    public const string ClientSecretVariable = "TRIBE_API_CLIENT_SECRET";

    /// <summary>The environment variable that holds the community app's webhook signing secret: the one <c>tribe-sso webhooks</c> reads.</summary>
    private const string WebhookSecretVariable = WebhookSecretSource.EnvironmentVariable;

    public static Command Create(TextWriter stdout)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen: an http address on this machine. Default " + DefaultUrl + "; port 0 picks a free port.", DefaultValueFactory = _ => DefaultUrl };
        var authorization = new Option<string?>("--authorization-url") { Description = "The partner's Authorization URL: where \"Log in\" sends a visitor (with the page to return to)." };
        var signUp = new Option<string?>("--sign-up-url") { Description = "The partner's Sign-up URL: where \"Sign up\" sends a visitor." };
        var logout = new Option<string?>("--logout-url") { Description = "The partner's Logout URL: where \"Log out\" sends a member after the community's session ends." };
        var settings = new Option<string?>("--settings-url") { Description = "The partner's Settings URL: where \"Edit profile\" on a member's page sends them (with the page to return to)." };
        var urlShape = new Option<string?>("--url-shape") { Description = "The URL shape the community serves, as a real one serves one: tribe (default: /auth/sso with redirect) or bettermode (/api/auth/sso with redirect_uri)." };
        var redirectParameter = new Option<string?>("--redirect-parameter") { Description = "The parameter that carries the page to return to on those URLs: redirect (default) or redirect_uri." };
        var tokenParameter = new Option<string?>("--token-parameter") { Description = "The query parameter that carries the token: jwt (default), or token / ssoToken as some Tribe pages name it." };
        var allowShortKey = new Option<bool>("--allow-short-key") { Description = "Accept a key shorter than 32 bytes." };
        var networkId = new Option<string?>("--network-id") { Description = "The community's network id, which limitedToken takes. Default SimNetwork." };
        var clientId = new Option<string?>("--api-client-id") { Description = "Install an app with this client id for the API at /api/gateway; its secret comes from " + ClientSecretVariable + "." };
        var webhookUrl = new Option<string?>("--webhook-url") { Description = "Send the community app's signed webhooks here: the test request, then member.created, member.verified, member.updated, member.deleted and space_membership.* events; the signing secret comes from " + WebhookSecretVariable + "." };
        var webhookDuplicates = new Option<bool>("--webhook-duplicates") { Description = "Deliver every webhook event twice, with the same id: the at-least-once drill for your endpoint's de-duplication." };
        var rateLimit = WholeNumberOption.Int32("--api-rate-limit", "The API's burst limit: requests in any 10 seconds before HTTP 429 with Retry-After (code 104). Default: no limit.", "a number of requests such as 200");
        var command = new Command(
            "community",
            "Serve a simulated Tribe community over HTTP until stopped (Ctrl+C or SIGTERM): /auth/sso and /api/auth/sso apply the community's rules, "
            + "its pages link to your Authorization, Sign-up, Logout and Settings URLs, POST /api/gateway serves the community's members API over the same members, "
            + "/_simulator/... is a JSON API for tests, and --webhook-url receives the community app's signed webhooks.\n\nExample:\n"
            + "  TRIBE_SSO_PRIVATE_KEY=... tribe-sso community --authorization-url http://127.0.0.1:5080/community/sso --logout-url http://127.0.0.1:5080/community/logout")
        {
            urls, authorization, signUp, logout, settings, urlShape, redirectParameter, tokenParameter, KeySource.KeyFile, allowShortKey, networkId, clientId, rateLimit, webhookUrl, webhookDuplicates,
        };
        command.SetAction(parse =>
        {
            // The simulator's options check their own values; each refusal becomes one line naming the option.
            var options = new TribeCommunitySimulatorOptions();
            Set("--authorization-url", () => options.AuthorizationUrl = PartnerUrl(parse.GetValue(authorization), "--authorization-url"));
            Set("--sign-up-url", () => options.SignUpUrl = PartnerUrl(parse.GetValue(signUp), "--sign-up-url"));
            Set("--logout-url", () => options.LogoutUrl = PartnerUrl(parse.GetValue(logout), "--logout-url"));
            Set("--settings-url", () => options.SettingsUrl = PartnerUrl(parse.GetValue(settings), "--settings-url"));
            options.UrlShape = parse.GetValue(urlShape) switch
            {
                null or "tribe" => TribeCommunityUrlShape.Tribe,
                "bettermode" => TribeCommunityUrlShape.Bettermode,
                _ => throw new CliException("--url-shape", "must be tribe (/auth/sso with redirect) or bettermode (/api/auth/sso with redirect_uri): the shape your community's admin docs show."),
            };
            Set("--redirect-parameter", () => options.RedirectParameterName = parse.GetValue(redirectParameter) ?? TribeSsoOptions.DefaultRedirectParameterName);
            Set("--network-id", () => options.NetworkId = parse.GetValue(networkId) ?? options.NetworkId);
            Set("--api-rate-limit", () => options.ApiRateLimit = parse.GetValue(rateLimit) is { } limit ? RateLimit(limit) : null);
            if (parse.GetValue(clientId) is { } id)
            {
                (options.ApiClientId, options.ApiClientSecret) = App(id);
            }

            if (parse.GetValue(webhookUrl) is { } hooks)
            {
                (options.WebhookUrl, options.WebhookSigningSecret) = Webhook(hooks);
                options.WebhookDuplicates = parse.GetValue(webhookDuplicates);
            }
            else if (parse.GetValue(webhookDuplicates))
            {
                throw new CliException("--webhook-duplicates", "needs --webhook-url: it doubles the webhook deliveries, and without a URL none are sent.");
            }

            var listen = ListenUrl(parse.GetValue(urls)!);
            var key = KeySource.ForSigning(parse, parse.GetValue(allowShortKey));
            if (parse.GetValue(tokenParameter) is { } name)
            {
                options.ReaderOptions.TokenParameterName = TokenParameterName(name, key);
            }

            return SimulatorHost.Run(new TribeCommunitySimulator(key, options), listen, stdout);
        });
        return command;
    }

    private static void Set(string option, Action set)
    {
        try
        {
            set();
        }
        catch (ArgumentException e)
        {
            throw new CliException(option, e.Message);
        }
    }

    /// <summary>The installed app: its client id, and its secret from the environment only.</summary>
    private static (string, TribeApiClientSecret) App(string clientId)
    {
        if (string.IsNullOrWhiteSpace(clientId) || clientId.Contains(':', StringComparison.Ordinal))
        {
            throw new CliException("--api-client-id", "must be an app's client id: not empty, without ':' (it ends the user part of HTTP Basic credentials).");
        }

        var secret = Environment.GetEnvironmentVariable(ClientSecretVariable);
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new CliException("--api-client-id", "needs the app's client secret in " + ClientSecretVariable + " (never an option, so it stays out of shell history): " + ClientSecretVariable + "=... tribe-sso community --api-client-id " + clientId + ".");
        }

        return (clientId, TribeApiClientSecret.FromString(secret));
    }

    /// <summary>The app's webhook: its URL, and its signing secret from the environment only.</summary>
    private static (Uri, string) Webhook(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) || url.UserInfo.Length > 0 || text.Contains('#', StringComparison.Ordinal))
        {
            throw new CliException("--webhook-url", "must be an absolute http or https URL without user info or a fragment: your site's webhook endpoint, such as http://127.0.0.1:5080/community/webhooks.");
        }

        var secret = Environment.GetEnvironmentVariable(WebhookSecretVariable);
        if (string.IsNullOrEmpty(secret))
        {
            throw new CliException("--webhook-url", "needs the app's signing secret in " + WebhookSecretVariable + " (never an option, so it stays out of shell history), the one your endpoint verifies with: " + WebhookSecretVariable + "=... tribe-sso community --webhook-url " + url.AbsoluteUri + ".");
        }

        return (url, secret);
    }

    private static int RateLimit(int limit) => limit >= 1
        ? limit
        : throw new CliException("--api-rate-limit", "must be at least 1 request per 10 seconds; leave it out for no limit.");

    /// <summary>The name, held to the rule the issuer applies to <see cref="TribeSsoOptions.TokenParameterName"/>, so the simulator reads what an SDK partner can write.</summary>
    private static string TokenParameterName(string name, TribeSsoKey key)
    {
        try
        {
            new TribeSsoOptions { CommunityUrl = new Uri("https://community.invalid"), PrivateKey = key, TokenParameterName = name }.Validate();
            return name;
        }
        catch (TribeSsoConfigurationException e)
        {
            throw new CliException("--token-parameter", e.Message);
        }
    }

    /// <summary>A test server without TLS: it listens on the loopback interface only.</summary>
    private static Uri ListenUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttp || !url.IsLoopback
            || url.AbsolutePath != "/" || url.Query.Length > 0 || url.UserInfo.Length > 0)
        {
            throw new CliException("--urls", "must be one http address on this machine, such as " + DefaultUrl + " or http://localhost:0 (a free port); the simulator has no TLS and never listens beyond loopback.");
        }

        return url;
    }

    private static Uri? PartnerUrl(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new CliException(option, "is not an absolute http or https URL. Pass your site's endpoint, such as http://127.0.0.1:5080/community/sso.");
    }
}
