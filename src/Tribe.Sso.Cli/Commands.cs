using System.CommandLine;
using System.IO;

namespace Tribe.Sso.Cli;

/// <summary>The commands of tribe-sso, as docs/cli.md describes them.</summary>
internal static class Commands
{
    public static RootCommand Create(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            "Mint, link and inspect Tribe JWT single sign-on tokens, and send or verify the community's webhooks. The key comes from the environment variable "
            + KeySource.EnvironmentVariable + " or --key-file; no option takes the key itself.")
        {
            TokenCommand.Create(stdout),
            LinkCommand.Create(stdout),
            InspectCommand.Create(stdout),
            CommunityCommand.Create(stdout),
            MembersCommand.Create(stdout, stderr),
            WebhooksCommand.Create(stdout),
        };
        return root;
    }
}
