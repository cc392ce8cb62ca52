using System;
using System.CommandLine;
using System.IO;

namespace Tribe.Sso.Cli;

/// <summary><c>tribe-sso link</c>: a sign-in link to the community for a user. See docs/cli.md#commands.</summary>
internal static class LinkCommand
{
    public static Command Create(TextWriter stdout)
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
        claims.AddTo(command);

        command.SetAction(parse =>
        {
            if (!Uri.TryCreate(parse.GetValue(community), UriKind.Absolute, out var communityUrl))
            {
                throw new CliException("--community", "is not an absolute URL. Pass the community's address, such as https://community.example.com.");
            }

            var user = claims.BuildUser(parse);
            var issuer = claims.CreateIssuer(parse, communityUrl, parse.GetValue(ssoPath), parse.GetValue(redirectParameter));
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
                throw ClaimOptions.Refused(e, user);
            }

            return 0;
        });
        return command;
    }
}
