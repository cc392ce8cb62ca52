using System;
using System.CommandLine;
using System.IO;

namespace Tribe.Sso.Cli;

/// <summary>
/// <c>tribe-sso webhooks trigger EVENT</c>: one signed event delivered to a partner's webhook URL, as <c>stripe
/// trigger</c> does, so a member sync can be exercised without changing a real member.
/// </summary>
internal static class TriggerCommand
{
    /// <summary>The longest value an option here takes: ids are short, and a receiver bounds the event id at 256.</summary>
    private const int MaxLength = 256;

    public static Command Create(TextWriter stdout)
    {
        var target = new WebhooksCommand.Target();
        var name = new Argument<string>("EVENT") { Description = "The event: " + string.Join(", ", TriggeredEvent.Names) + "." };
        var externalId = new Option<string?>("--external-id") { Description = "The member's externalId, your user id (the token's sub). Default 42." };
        var email = new Option<string?>("--email") { Description = "The member's email. Default jane@example.com; member.updated's oldObject has previous.EMAIL." };
        var memberName = new Option<string?>("--name") { Description = "The member's name. Default Jane Doe." };
        var memberId = new Option<string?>("--member-id") { Description = "The member's id in the community. Default 000000000000000000000001." };
        var spaceId = new Option<string?>("--space-id") { Description = "The space of space_membership events (the token's group id). Default general." };
        var duplicate = new Option<bool>("--duplicate") { Description = "Deliver the event twice with the same id, as the community may: an at-least-once drill." };
        var command = new Command("trigger", "Send one signed event to your app's webhook URL.\n"
            + "Exit code: 0 every delivery answered 2xx, 1 not (or no answer), 2 unusable input.\n\nExample:\n"
            + "  tribe-sso webhooks trigger member.updated --url http://127.0.0.1:5080/community/webhooks --external-id 42 --email jane@example.com")
        {
            name, externalId, email, memberName, memberId, spaceId, duplicate,
        };
        target.AddTo(command);
        command.SetAction(parse =>
        {
            var eventName = parse.GetValue(name)!;
            if (Array.IndexOf(TriggeredEvent.Names, eventName) < 0)
            {
                throw new CliException("EVENT", "'" + eventName + "' is not an event tribe-sso sends. Pass one of " + string.Join(", ", TriggeredEvent.Names) + ".");
            }

            var subject = new TriggerSubject(
                target.NetworkIdOf(parse),
                Checked(parse.GetValue(memberId) ?? "000000000000000000000001", "--member-id"),
                Checked(parse.GetValue(externalId) ?? "42", "--external-id"),
                Checked(parse.GetValue(email) ?? "jane@example.com", "--email"),
                Checked(parse.GetValue(memberName) ?? "Jane Doe", "--name"),
                Checked(parse.GetValue(spaceId) ?? "general", "--space-id"));
            using var poster = target.Connect(parse);
            var id = TriggeredEvent.NewId();
            var body = TriggeredEvent.Body(eventName, id, TimeProvider.System.GetUtcNow(), subject);
            var exitCode = 0;
            for (var delivery = 0; delivery < (parse.GetValue(duplicate) ? 2 : 1); delivery++)
            {
                // Each delivery is signed when it is sent, as the community signs a retry anew.
                var answer = poster.Post(body);
                stdout.Write(TerminalText.Escape(eventName + " " + id + (delivery == 0 ? string.Empty : " (again)") + ": " + answer.Describe()) + "\n");
                exitCode = answer.IsSuccess ? exitCode : 1;
            }

            return exitCode;
        });
        return command;
    }

    /// <summary>A value a delivery can carry: not empty, not over 256 characters, no control character or lone surrogate.</summary>
    internal static string Checked(string value, string option)
    {
        var wellFormed = value.Length is > 0 and <= MaxLength;
        for (var i = 0; wellFormed && i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsControl(value[i]) || char.IsSurrogate(value[i]))
            {
                wellFormed = false;
            }
        }

        return wellFormed ? value : throw new CliException(option, "must be 1 to " + MaxLength + " characters without control characters.");
    }
}
