using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;

namespace Tribe.Sso.Sample;

/// <summary>
/// The community's Settings URL: the page where a signed-in member edits their name. Save stores it and returns through
/// the site's Authorization URL (MapTribeSso) to the community page the member came from, so a fresh token carries the
/// new name and the community shows it at once.
/// </summary>
internal static class ProfileSettings
{
    public const string Path = "/account/profile";
    private const int MaxNameLength = 100;

    // The sample's store; a real site saves to its user database.
    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);

    public static string NameOf(PartnerUser user) => Names.TryGetValue(user.Login, out var name) ? name : user.Name;

    public static void MapProfileSettings(this WebApplication app)
    {
        app.MapGet(Path, (HttpContext context, IAntiforgery antiforgery, string? redirect) =>
            PartnerUsers.Find(context.User.FindFirstValue("login")) is { } user
                ? Results.Content(Page(NameOf(user), antiforgery.GetAndStoreTokens(context), SafeTarget(redirect), null), "text/html")
                : Results.Challenge());

        app.MapPost(Path, async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (PartnerUsers.Find(context.User.FindFirstValue("login")) is not { } user)
            {
                return Results.Challenge();
            }

            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest("The form expired or came from another site. Open the settings page again.");
            }

            var form = await context.Request.ReadFormAsync();
            var name = form["name"].ToString().Trim();
            var target = SafeTarget(form["redirect"]);
            if (name.Length is 0 or > MaxNameLength)
            {
                return Results.Content(Page(NameOf(user), antiforgery.GetAndStoreTokens(context), target, "Enter a name of 1 to " + MaxNameLength + " characters."), "text/html", statusCode: 400);
            }

            Names[user.Login] = name;

            // Back through the Authorization URL: the community signs the member in again with the new name.
            return Results.LocalRedirect("/community/sso" + (target is null ? QueryString.Empty : QueryString.Create("redirect", target)));
        });
    }

    /// <summary>The community page to return to, when it is a safe local path; otherwise none (the community's home).</summary>
    private static string? SafeTarget(string? redirect)
        => string.IsNullOrEmpty(redirect) || TribeSsoRedirectPath.FindProblem(redirect) is not null ? null : redirect;

    private static string Page(string name, AntiforgeryTokenSet tokens, string? target, string? error)
        => "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Edit profile</title></head><body><h1>Edit profile</h1>"
            + (error is null ? string.Empty : "<p id=\"error\">" + WebUtility.HtmlEncode(error) + "</p>")
            + "<form method=\"post\" action=\"" + Path + "\">"
            + "<input type=\"hidden\" name=\"" + WebUtility.HtmlEncode(tokens.FormFieldName) + "\" value=\"" + WebUtility.HtmlEncode(tokens.RequestToken) + "\">"
            + "<input type=\"hidden\" name=\"redirect\" value=\"" + WebUtility.HtmlEncode(target ?? string.Empty) + "\">"
            + "<label>Name <input id=\"name\" name=\"name\" maxlength=\"" + MaxNameLength + "\" value=\"" + WebUtility.HtmlEncode(name) + "\"></label> "
            + "<button id=\"save\" type=\"submit\">Save</button></form>"
            + "<p><a href=\"/\">Back to the site</a></p></body></html>";
}
