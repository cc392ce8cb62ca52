using System;
using System.Globalization;
using System.Text;

namespace Tribe.Sso.Cli;

/// <summary>What a webhook URL answered: a status and the start of the body, or why there was no answer.</summary>
internal sealed record WebhookAnswer(int Status, string? Reason, string? Location, byte[] Body, string? Failure)
{
    public static WebhookAnswer Failed(string failure) => new(0, null, null, Array.Empty<byte>(), failure);

    public bool IsSuccess => Failure is null && Status is >= 200 and <= 299;

    /// <summary>The status in words, such as <c>200 OK</c>, or for a redirect where it points (a redirect is not followed).</summary>
    public string Describe()
    {
        if (Failure is not null)
        {
            return Failure;
        }

        var status = Status.ToString(CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(Reason) ? string.Empty : " " + Reason);
        return Status is >= 300 and <= 399
            ? status + ", a redirect" + (Location is null ? string.Empty : " to " + Quote(Location)) + ", which is not followed: pass the URL that answers"
            : status;
    }

    /// <summary>The start of the body, for a line that says what came back instead of the expected answer.</summary>
    public string Excerpt()
    {
        var text = Encoding.UTF8.GetString(Body);
        return Body.Length == 0 ? "an empty body" : Quote(text);
    }

    /// <summary>Text from the other side, cut short and quoted; the caller's line is escaped before it is printed.</summary>
    public static string Quote(string text) => "'" + (text.Length > 100 ? text[..100] + "…" : text) + "'";
}
