using System.CommandLine;
using System.IO;

namespace Tribe.Sso.Cli;

/// <summary><c>tribe-sso inspect</c>: what the community would make of a token or a link. See docs/cli.md#commands.</summary>
internal static class InspectCommand
{
    public static Command Create(TextWriter stdout)
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
}
