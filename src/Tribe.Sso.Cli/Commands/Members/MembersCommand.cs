using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Tribe.Sso.Members;

namespace Tribe.Sso.Cli;

/// <summary>
/// <c>tribe-sso members find|relink|delete</c>: a community's members through its GraphQL API, with an app's
/// credentials from TRIBE_API_CLIENT_ID, TRIBE_API_CLIENT_SECRET and TRIBE_API_NETWORK_ID. See docs/cli.md#tribe-sso-members.
/// Exit codes: 0 done, 1 a member not found or a row not relinked, 2 bad input, credentials or an unreachable community.
/// </summary>
internal static class MembersCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        return new Command("members", "Find, relink and delete a community's members through its API. The app's credentials come from "
            + MembersApi.ClientIdVariable + ", " + MembersApi.ClientSecretVariable + " and " + MembersApi.NetworkIdVariable + "; no option takes the secret.")
        {
            Find(stdout),
            Relink(stdout, stderr),
            Delete(stdout),
        };
    }

    private static Command Find(TextWriter stdout)
    {
        var api = new MembersApi();
        var externalId = new Option<string?>("--external-id") { Description = "The partner's user id the member is linked to (the token's sub)." };
        var email = new Option<string?>("--email") { Description = "The member's email (exact match, any letter case)." };
        var command = new Command("find", "Print a member: id, externalId, name, status and email.\n\nExample:\n  tribe-sso members find --external-id 42") { externalId, email };
        api.AddTo(command);
        command.SetAction(parse => Run(api, parse, async (client, _, token) =>
        {
            var (byId, byEmail) = (parse.GetValue(externalId), parse.GetValue(email));
            if ((byId is null) == (byEmail is null))
            {
                throw new CliException("--external-id", "give either --external-id or --email, not both and not neither.");
            }

            var found = byId is not null
                ? await client.FindByExternalIdAsync(Checked(byId, "--external-id"), token).ConfigureAwait(false) is { } linked ? new[] { linked } : []
                : await client.FindAllByEmailAsync(CheckedEmail(byEmail!), token).ConfigureAwait(false);
            if (found.Count > 1)
            {
                stdout.Write(TerminalText.Escape("members " + string.Join(", ", found.Select(m => m.Id)) + " all have that email (in different letter case)") + "\n");
                return 1;
            }

            var member = found.Count == 1 ? found[0] : null;
            if (member is null)
            {
                stdout.Write(byId is not null ? TerminalText.Escape("no member has externalId " + byId) + "\n" : "no member has that email\n");
                return 1;
            }

            Write(stdout, "id", member.Id);
            Write(stdout, "externalId", member.ExternalId);
            Write(stdout, "name", member.Name);
            Write(stdout, "status", member.Status.ToString());
            Write(stdout, "email", member.Email);
            return 0;
        }));
        return command;
    }

    private static Command Relink(TextWriter stdout, TextWriter stderr)
    {
        var api = new MembersApi();
        var email = new Option<string?>("--email") { Description = "The email of the member to relink." };
        var externalId = new Option<string?>("--external-id") { Description = "The partner's user id to link the member to." };
        var csv = new Option<FileInfo?>("--csv") { Description = "A CSV file with the header row email,externalId: relink every row. Resumable: a stopped run goes on where it stopped (FILE.progress)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "With --csv: look every row up and report what would change, changing nothing." };
        var command = new Command("relink", "Link the member with an email to a partner's user id, fixing the sign-in conflict of a member linked to another id. Repeating it changes nothing.\n\nExamples:\n"
            + "  tribe-sso members relink --email jane@example.com --external-id 42\n  tribe-sso members relink --csv members.csv --api-rate-limit 200")
        {
            email, externalId, csv, dryRun,
        };
        api.AddTo(command);
        command.SetAction(parse => Run(api, parse, async (client, pacer, token) =>
        {
            if (parse.GetValue(csv) is { } file)
            {
                return parse.GetValue(email) is null && parse.GetValue(externalId) is null
                    ? await BulkRelink.RunAsync(client, pacer, file, parse.GetValue(dryRun), stdout, stderr, token).ConfigureAwait(false)
                    : throw new CliException("--csv", "takes the emails and ids from the file; leave out --email and --external-id.");
            }

            if (parse.GetValue(email) is not { } address || parse.GetValue(externalId) is not { } id)
            {
                throw new CliException("--email", "and --external-id are both needed (or --csv FILE for many members).");
            }

            var (outcome, detail) = await Relinker.RelinkAsync(client, CheckedEmail(address), Checked(id, "--external-id"), parse.GetValue(dryRun), token).ConfigureAwait(false);
            stdout.Write(TerminalText.Escape((outcome == RelinkOutcome.Refused ? "refused: " : string.Empty) + detail) + "\n");
            return outcome is RelinkOutcome.Relinked or RelinkOutcome.AlreadyLinked ? 0 : 1;
        }));
        return command;
    }

    private static Command Delete(TextWriter stdout)
    {
        var api = new MembersApi();
        var id = new Option<string>("--id") { Description = "The member's id (as members find prints it), not the externalId.", Required = true };
        var command = new Command("delete", "Delete a member, as for an erasure request.\n\nExample:\n  tribe-sso members delete --id 7xKq2m") { id };
        api.AddTo(command);
        command.SetAction(parse => Run(api, parse, async (client, _, token) =>
        {
            var memberId = parse.GetValue(id)!;
            try
            {
                await client.DeleteAsync(memberId, token).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                throw new CliException("--id", e.Message);
            }
            catch (TribeMembersNotFoundException)
            {
                stdout.Write(TerminalText.Escape("no member has id " + memberId + " (it may be deleted already)") + "\n");
                return 1;
            }

            stdout.Write(TerminalText.Escape("deleted member " + memberId) + "\n");
            return 0;
        }));
        return command;
    }

    /// <summary>Runs an action with the client; Ctrl+C cancels it, and a failure of the whole command is one line with exit code 2.</summary>
    private static int Run(MembersApi api, ParseResult parse, Func<TribeMembersClient, RequestPacer, CancellationToken, Task<int>> action)
    {
        var (client, pacer) = api.Connect(parse);
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return action(client, pacer, cancel.Token).GetAwaiter().GetResult();
        }
        catch (TribeMembersException e)
        {
            throw MembersApi.Fail(e);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw new CliException("members", "interrupted.");
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            client.Dispose();
            pacer.Dispose();
        }
    }

    private static string Checked(string externalId, string option)
    {
        try
        {
            TribeSsoUser.Create(externalId, "Placeholder", "placeholder@example.org");
            return externalId;
        }
        catch (TribeSsoClaimException)
        {
            throw new CliException(option, "is not an id a sign-in can carry (empty, too long or with control characters).");
        }
    }

    private static string CheckedEmail(string email)
    {
        try
        {
            TribeSsoUser.Create("placeholder", "Placeholder", email);
            return email;
        }
        catch (TribeSsoClaimException)
        {
            throw new CliException("--email", "is not an address a sign-in can carry.");
        }
    }

    private static void Write(TextWriter stdout, string field, string? value)
        => stdout.Write(field + ": " + TerminalText.Escape(value ?? "(none)") + "\n");
}
