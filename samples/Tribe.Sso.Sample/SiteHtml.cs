using System.Text.Encodings.Web;

namespace Tribe.Sso.Sample;

/// <summary>The partner site's HTML. Every value from a user is HTML-encoded. (The community's pages come from the simulator.)</summary>
internal static class SiteHtml
{
    public static string E(string? value) => HtmlEncoder.Default.Encode(value ?? string.Empty);

    /// <summary>The sign-in page, and the sign-up page: both let you pick a fake user.</summary>
    public static string SignIn(string? returnUrl, bool embedded, bool signUp = false) => Layout(signUp ? "Create your partner account" : "Sign in to the partner site", $"""
        <p>{(signUp ? "A real site would ask for your details here. Pick who you are (they are fake):" : "This is a partner website. Pick a user to sign in as (no password: they are fake).")}</p>
        <form method="post" action="/login">
          <input type="hidden" name="returnUrl" value="{E(returnUrl ?? "/")}">
          {string.Concat(PartnerUsers.All.Select((u, i) => $"""
            <label class="user"><input type="radio" name="user" value="{E(u.Login)}" id="user-{E(u.Login)}" {(i == 0 ? "checked" : string.Empty)}>
              <b>{E(u.Name)}</b> &lt;{E(u.Email)}&gt; — {E(u.Note)}</label>
            """))}
          <button type="submit" id="sign-in">{(signUp ? "Create account" : "Sign in")}</button>
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
           <a class="button" id="embedded-community" href="/embedded">Community inside this site</a>
           <a href="/logout" id="sign-out">Sign out</a></p>
        <p><a href="/admin/community-events" id="community-events-link">What the community told us</a> (its webhooks)</p>
        {CommunityNote(embedded)}
        """);

    public static string CommunityNote(bool embedded) => embedded
        ? """<p class="note">The community is <b>simulated</b> in this process at <a href="/community-sim/">/community-sim</a> (Tribe.Sso.Testing's TribeCommunitySimulator), with this site's /community/sso, /community/sign-up and /community/logout as its Authorization, Sign-up and Logout URLs. Set TribeSso:CommunityUrl and TribeSso:PrivateKey to use a real one.</p>"""
        : """<p class="note">"Visit community" signs you into the <b>real</b> community configured in TribeSso:CommunityUrl.</p>""";

    public const string Style = """
        body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d2330; }
        h1 { font-size: 1.6rem; } dt { font-weight: 600; float: left; width: 11rem; } dd { margin: 0 0 .3rem 11rem; }
        .user { display: block; margin: .4rem 0; } .note { color: #5a6275; font-size: .9rem; }
        .button, button { background: #3b5bdb; color: #fff; border: 0; border-radius: .4rem; padding: .5rem 1rem; text-decoration: none; font-size: 1rem; }
        iframe { border: 1px solid #c5cae0; border-radius: .4rem; }
        """;

    public static string Layout(string title, string body) => $$"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>{{E(title)}} · Tribe.Sso sample</title>
        <style>{{Style}}</style></head>
        <body><h1>{{E(title)}}</h1>{{body}}</body></html>
        """;
}
