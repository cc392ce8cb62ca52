using System;
using System.CommandLine;
using System.IO;

namespace Tribe.Sso.Cli;

/// <summary>The commands of tribe-sso, as docs/cli.md describes them.</summary>
internal static class Commands
{
    public static RootCommand Create(TextWriter stdout)
    {
        var root = new RootCommand(
            "Mint, link and inspect Tribe JWT single sign-on tokens. The key comes from the environment variable "
            + KeySource.EnvironmentVariable + " or --key-file; no option takes the key itself.")
        {
            Token(stdout),
            Link(stdout),
            Inspect(stdout),
            CommunityCommand.Create(stdout),
        };
        return root;
    }

    private static Command Token(TextWriter stdout)
    {
        var claims = new ClaimOptions();
        var command = new Command("token", "Print a signed SSO token for a user.\n\nExample:\n  TRIBE_SSO_PRIVATE_KEY=... tribe-sso token --sub 42 --name \"Jane Doe\" --email jane@example.com --role moderator");
        foreach (var option in claims.All)
        {
            command.Add(option);
        }

        command.SetAction(parse =>
        {
            var user = claims.BuildUser(parse);
            var issuer = CreateIssuer(claims, parse, new Uri("https://community.invalid"), null, null);
            try
            {
                stdout.Write(issuer.CreateToken(user) + "\n");
            }
            catch (TribeSsoClaimException e)
            {
                throw new CliException(ClaimOptions.OptionFor(e.ClaimName), e.Message);
            }

            return 0;
        });
        return command;
    }

    private static Command Link(TextWriter stdout)
    {
        var claims = new ClaimOptions();
        var community = new Option<string>("--community") { Description = "The community's address, such as https://community.example.com.", Required = true };
        var redirect = new Option<string?>("--redirect") { Description = "The community page to open afterwards, such as /answers." };
        var ssoPath = new Option<string?>("--sso-path") { Description = "The SSO path. Default /auth/sso (/api/auth/sso for the newer shape)." };
        var redirectParameter = new Option<string?>("--redirect-parameter") { Description = "The redirect parameter. Default redirect (redirect_uri for the newer shape)." };
        var command = new Command("link", "Print a sign-in link to the community for a user.\n\nExample:\n  TRIBE_SSO_PRIVATE_KEY=... tribe-sso link --community https://community.example.com --sub 42 --name \"Jane Doe\" --email jane@example.com --redirect /answers")
        {
            community, redirect, ssoPath, redirectParameter,
        };
        foreach (var option in claims.All)
        {
            command.Add(option);
        }

        command.SetAction(parse =>
        {
            if (!Uri.TryCreate(parse.GetValue(community), UriKind.Absolute, out var communityUrl))
            {
                throw new CliException("--community", "is not an absolute URL. Pass the community's address, such as https://community.example.com.");
            }

            var user = claims.BuildUser(parse);
            var issuer = CreateIssuer(claims, parse, communityUrl, parse.GetValue(ssoPath), parse.GetValue(redirectParameter));
            try
            {
                stdout.Write(issuer.CreateLoginUrl(user, parse.GetValue(redirect)) + "\n");
            }
            catch (TribeSsoRedirectException e)
            {
                throw new CliException("--redirect", e.Message);
            }
            catch (TribeSsoClaimException e)
            {
                // The link would be over 8,000 bytes: the message names the largest claims.
                throw new CliException(ClaimOptions.OptionFor(e.ClaimName), e.Message);
            }

            return 0;
        });
        return command;
    }

    private static Command Inspect(TextWriter stdout)
    {
        var input = new Argument<string>("TOKEN_OR_URL") { Description = "A token, or a whole SSO link (also one copied from a browser)." };
        var now = WholeNumberOption.Int64("--now", "The time to check exp against, as Unix seconds (default: now).", "Unix seconds, such as 1767225600");
        var json = new Option<bool>("--json") { Description = "Print the result as JSON, for scripts." };
        var command = new Command(
            "inspect",
            "Decode a token or SSO link, check its signature when a key is available, and explain what the community would reject or ignore.\n"
            + "Exit code: 0 accepted, 1 not accepted, 2 unusable input.\n\nExample:\n  tribe-sso inspect 'https://community.example.com/auth/sso?jwt=eyJ...&redirect=/answers'")
        {
            input, now, json, KeySource.KeyFile,
        };
        command.SetAction(parse => Inspector.Run(parse.GetValue(input)!, KeySource.Read(parse), parse.GetValue(now), parse.GetValue(json), stdout));
        return command;
    }

    private static TribeSsoIssuer CreateIssuer(ClaimOptions claims, ParseResult parse, Uri community, string? ssoPath, string? redirectParameter)
    {
        var options = claims.BuildOptions(parse, community);
        options.SsoPath = ssoPath ?? options.SsoPath;
        options.RedirectParameterName = redirectParameter ?? options.RedirectParameterName;
        try
        {
            return new TribeSsoIssuer(options, claims.Clock(parse));
        }
        catch (TribeSsoConfigurationException e)
        {
            throw new CliException(ClaimOptions.OptionFor(e.OptionName), e.Message);
        }
    }
}
