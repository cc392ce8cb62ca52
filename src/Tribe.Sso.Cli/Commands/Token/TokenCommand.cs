using System;
using System.CommandLine;
using System.IO;

namespace Tribe.Sso.Cli;

/// <summary><c>tribe-sso token</c>: a signed SSO token for a user. See docs/cli.md#commands.</summary>
internal static class TokenCommand
{
    public static Command Create(TextWriter stdout)
    {
        var claims = new ClaimOptions();
        var command = new Command("token", "Print a signed SSO token for a user.\n\nExample:\n  TRIBE_SSO_PRIVATE_KEY=... tribe-sso token --sub 42 --name \"Jane Doe\" --email jane@example.com --role moderator");
        claims.AddTo(command);

        command.SetAction(parse =>
        {
            var user = claims.BuildUser(parse);
            var issuer = claims.CreateIssuer(parse, new Uri("https://community.invalid"), null, null);
            try
            {
                stdout.Write(issuer.CreateToken(user) + "\n");
            }
            catch (TribeSsoClaimException e)
            {
                throw ClaimOptions.Refused(e, user);
            }

            return 0;
        });
        return command;
    }
}
