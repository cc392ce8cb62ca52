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

    public static Command Create(TextWriter stdout)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen: an http address on this machine. Default " + DefaultUrl + "; port 0 picks a free port.", DefaultValueFactory = _ => DefaultUrl };
        var authorization = new Option<string?>("--authorization-url") { Description = "The partner's Authorization URL: where \"Log in\" sends a visitor (with the page to return to)." };
        var signUp = new Option<string?>("--sign-up-url") { Description = "The partner's Sign-up URL: where \"Sign up\" sends a visitor." };
        var logout = new Option<string?>("--logout-url") { Description = "The partner's Logout URL: where \"Log out\" sends a member after the community's session ends." };
        var redirectParameter = new Option<string?>("--redirect-parameter") { Description = "The parameter that carries the page to return to on those URLs: redirect (default) or redirect_uri." };
        var tokenParameter = new Option<string?>("--token-parameter") { Description = "The query parameter that carries the token: jwt (default), or token / ssoToken as some Tribe pages name it." };
        var allowShortKey = new Option<bool>("--allow-short-key") { Description = "Accept a key shorter than 32 bytes." };
        var command = new Command(
            "community",
            "Serve a simulated Tribe community over HTTP until stopped (Ctrl+C or SIGTERM): /auth/sso and /api/auth/sso apply the community's rules, "
            + "its pages link to your Authorization, Sign-up and Logout URLs, and /_simulator/... is a JSON API for tests.\n\nExample:\n"
            + "  TRIBE_SSO_PRIVATE_KEY=... tribe-sso community --authorization-url http://127.0.0.1:5080/community/sso --logout-url http://127.0.0.1:5080/community/logout")
        {
            urls, authorization, signUp, logout, redirectParameter, tokenParameter, KeySource.KeyFile, allowShortKey,
        };
        command.SetAction(parse =>
        {
            // The simulator's options check their own values; each refusal becomes one line naming the option.
            var options = new TribeCommunitySimulatorOptions();
            Set("--authorization-url", () => options.AuthorizationUrl = PartnerUrl(parse.GetValue(authorization), "--authorization-url"));
            Set("--sign-up-url", () => options.SignUpUrl = PartnerUrl(parse.GetValue(signUp), "--sign-up-url"));
            Set("--logout-url", () => options.LogoutUrl = PartnerUrl(parse.GetValue(logout), "--logout-url"));
            Set("--redirect-parameter", () => options.RedirectParameterName = parse.GetValue(redirectParameter) ?? TribeSsoOptions.DefaultRedirectParameterName);

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
