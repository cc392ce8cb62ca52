using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Tribe.Sso.Testing;

namespace Tribe.Sso.Sample;

/// <summary>The sample's HTML. Every value from a user or a token is HTML-encoded.</summary>
internal static class Pages
{
    private static string E(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    public static string SignIn(string? returnUrl, bool embedded) => Layout("Sign in to the partner site", $"""
        <p>This is a partner website. Pick a user to sign in as (no password: they are fake).</p>
        <form method="post" action="/login">
          <input type="hidden" name="returnUrl" value="{E(returnUrl ?? "/")}">
          {string.Concat(PartnerUsers.All.Select((u, i) => $"""
            <label class="user"><input type="radio" name="user" value="{E(u.Login)}" id="user-{E(u.Login)}" {(i == 0 ? "checked" : string.Empty)}>
              <b>{E(u.Name)}</b> &lt;{E(u.Email)}&gt; — {E(u.Note)}</label>
            """))}
          <button type="submit" id="sign-in">Sign in</button>
        </form>
        {CommunityNote(embedded)}
        """);

    public static string Profile(PartnerUser user, bool embedded) => Layout("Your profile", $"""
        <dl>
          <dt>Id</dt><dd>{E(user.Id)}</dd>
          <dt>Name</dt><dd>{E(user.Name)}</dd>
          <dt>Email</dt><dd>{E(user.Email)}</dd>
          <dt>Role</dt><dd>{E(user.Role.ToString().ToLowerInvariant())}</dd>
          <dt>Groups</dt><dd>{E(user.Groups.Length == 0 ? "(none)" : string.Join(", ", user.Groups))}</dd>
        </dl>
        <p><a class="button" id="visit-community" href="/community/sso?redirect=/spaces/general">Visit community</a>
           <a href="/logout" id="sign-out">Sign out</a></p>
        {CommunityNote(embedded)}
        """);

    public static string CommunityResult(TribeSsoSignInResult result, InMemoryTribeCommunity community)
    {
        var member = result.Member;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""<p class="outcome {E(result.Outcome.ToString().ToLowerInvariant())}">Outcome: <b id="outcome">{E(result.Outcome.ToString())}</b></p>""");
        body.Append(result.Outcome switch
        {
            TribeSsoSignInOutcome.Created => "<p>No user had this externalId or email, so the community created one and signed it in.</p>",
            TribeSsoSignInOutcome.Updated => "<p>A user with externalId == sub existed: the community updated it (email included) and signed it in.</p>",
            TribeSsoSignInOutcome.Linked => "<p>A user with this email and no externalId existed: the community linked it to sub and signed it in.</p>",
            TribeSsoSignInOutcome.Conflict => $"""<p id="conflict-reason">Conflict: {E(result.ConflictReason)}. Tribe answers with a conflict error and signs nobody in.</p>""",
            _ => $"""<p id="rejection">The token was rejected: {E(result.Rejection?.Message)}</p>""",
        });
        if (member is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <dl>
                  <dt>Community id (_id)</dt><dd id="member-id">{E(member.Id)}</dd>
                  <dt>External id</dt><dd id="external-id">{E(member.ExternalId)}</dd>
                  <dt>Email</dt><dd id="email">{E(member.Email)}</dd>
                  <dt>Name</dt><dd id="name">{E(member.Name)}</dd>
                  <dt>Role</dt><dd id="role">{E(member.Role.ToString().ToLowerInvariant())}</dd>
                  <dt>Groups</dt><dd id="groups">{E(member.Groups.Count == 0 ? "(none)" : string.Join(", ", member.Groups.Select(g => g.ToString())))}</dd>
                  <dt>Redirect honoured</dt><dd id="redirect">{E(result.RedirectPath)}</dd>
                </dl>
                """);
        }

        body.Append(CultureInfo.InvariantCulture, $"""<h2>Community members ({community.Members.Count})</h2><ul id="members">""");
        foreach (var m in community.Members)
        {
            body.Append(CultureInfo.InvariantCulture, $"<li>{E(m.Id)}: externalId {E(m.ExternalId)}, {E(m.Email)}, {E(m.Role.ToString().ToLowerInvariant())}</li>");
        }

        body.Append("""</ul><p><a href="/">Back to the partner site</a></p>""");
        return Layout("Simulated community", body.ToString());
    }

    private static string CommunityNote(bool embedded) => embedded
        ? """<p class="note">The community is <b>simulated</b> in this process (Tribe.Sso.Testing's InMemoryTribeCommunity). Set TribeSso:CommunityUrl and TribeSso:PrivateKey to use a real one.</p>"""
        : """<p class="note">"Visit community" signs you into the <b>real</b> community configured in TribeSso:CommunityUrl.</p>""";

    private static string Layout(string title, string body) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{{E(title)}} · Tribe.Sso sample</title>
        <style>
          body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d2330; }
          h1 { font-size: 1.6rem; } dt { font-weight: 600; float: left; width: 11rem; } dd { margin: 0 0 .3rem 11rem; }
          .user { display: block; margin: .4rem 0; } .note { color: #5a6275; font-size: .9rem; }
          .button, button { background: #3b5bdb; color: #fff; border: 0; border-radius: .4rem; padding: .5rem 1rem; text-decoration: none; font-size: 1rem; }
          .outcome { font-size: 1.3rem; } .conflict b, .rejected b { color: #c92a2a; } .created b, .updated b, .linked b { color: #2b8a3e; }
        </style></head>
        <body><h1>{{E(title)}}</h1>{{body}}</body></html>
        """;
}
