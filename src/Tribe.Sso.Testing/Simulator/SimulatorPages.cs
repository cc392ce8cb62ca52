using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;

namespace Tribe.Sso.Testing;

/// <summary>The simulator's HTML. Every value it echoes (members, paths, findings) is HTML-encoded with <see cref="E"/>.</summary>
internal static class SimulatorPages
{
    private const string Html = "text/html; charset=utf-8";
    private static readonly char[] Slash = { '/' };

    public static TribeCommunitySimulatorResponse Page(TribeCommunitySimulator simulator, string local, TribeCommunityMember? member, TribeSsoSignInOutcome? outcome)
    {
        var body = new StringBuilder();
        var shown = SimulatorLinks.MaskTokens(Uri.UnescapeDataString(local), simulator.Options.ReaderOptions?.TokenParameterName, "…");
        body.Append("<h1 id=\"page\">").Append(E(shown)).Append("</h1>");
        if (member is null)
        {
            body.Append("<p id=\"signed-out\">You are not signed in. Log in or sign up on the partner's site to take part.</p>");
        }
        else
        {
            body.Append("<p id=\"signed-in\">Signed in as <b id=\"name\">").Append(E(member.Name)).Append("</b>")
                .Append(outcome is { } o ? " (single sign-on: <b id=\"outcome\">" + E(o.ToString()) + "</b>)" : string.Empty).Append(".</p>");
            body.Append("<dl>")
                .Append(Item("Community id (_id)", "member-id", member.Id))
                .Append(Item("External id", "external-id", member.ExternalId ?? "(none)"))
                .Append(Item("Email", "email", member.Email))
                .Append(Item("Role", "role", ClaimValues.Of(member.Role)))
                .Append(Item("Groups", "groups", member.Groups.Count == 0 ? "(none)" : string.Join(", ", member.Groups.Select(g => g.ToString()))))
                .Append("</dl>");
        }

        var members = simulator.Community.Members;
        body.Append("<h2>Members (").Append(members.Count).Append(")</h2><ul id=\"members\">");
        foreach (var m in members)
        {
            body.Append("<li>").Append(E(m.Id)).Append(": ").Append(E(m.Name)).Append(", externalId ").Append(E(m.ExternalId ?? "(none)")).Append(", ").Append(E(m.Email)).Append("</li>");
        }

        body.Append("</ul>");
        return TribeCommunitySimulatorResponse.Create(200, Html, Layout(simulator, local, member, body.ToString()));
    }

    public static TribeCommunitySimulatorResponse Embed(TribeCommunitySimulator simulator, string local, TribeCommunityMember? member)
    {
        var path = UrlText.PathOf(local);
        var segments = path.Split(Slash, StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var what = segments.Length switch
        {
            1 => "the whole community",
            3 when segments[1] == "space" => "space " + segments[2],
            3 when segments[1] == "post" => "post " + segments[2],
            _ => Uri.UnescapeDataString(path),
        };
        var query = UrlText.QueryOf(local) is { } text ? LinkFormat.ParseQuery(text) : new List<KeyValuePair<string, string>>();
        bool Is(string name, string value) => query.Any(p => p.Key == name && p.Value == value);
        var body = new StringBuilder("<div class=\"embed\">");
        if (!Is("header", "false"))
        {
            body.Append("<p id=\"embed-header\" class=\"name\">").Append(E(simulator.Options.CommunityName)).Append("</p>");
        }

        body.Append("<p>Embedded: <b id=\"embed-page\">").Append(E(what)).Append("</b></p>");
        if (Is("about", "true"))
        {
            body.Append("<p id=\"embed-about\">About: a space of the simulated community; its posts are not real.</p>");
        }

        body.Append(member is null
            ? "<p id=\"embed-signed-out\">Not signed in. " + Link("embed-log-in", "Log in", simulator.Options.AuthorizationUrl, simulator, local, "_top") + "</p>"
            : "<p id=\"embed-member\">Signed in as <b id=\"embed-name\">" + E(member.Name) + "</b> &lt;<span id=\"embed-email\">" + E(member.Email) + "</span>&gt;</p>");
        if (member is not null && Is("composer", "true") && !Is("readonly", "true"))
        {
            body.Append("<p id=\"embed-composer\" class=\"composer\">Write something, ").Append(E(member.Name)).Append("…</p>");
        }

        var options = query.Count == 0 ? "(none)" : string.Join(", ", query.Select(p => p.Key + "=" + p.Value));
        body.Append("<p class=\"options\">Embed options: <span id=\"embed-options\">").Append(E(options)).Append("</span></p></div>");
        return TribeCommunitySimulatorResponse.Create(200, Html, Document(simulator.Options.CommunityName, body.ToString()));
    }

    public static TribeCommunitySimulatorResponse Rejected(TribeCommunitySimulator simulator, TribeSsoSignInResult result)
    {
        var body = new StringBuilder("<h1>Sign-in refused</h1>");
        body.Append("<p class=\"refused\">Outcome: <b id=\"outcome\">Rejected</b>. The community refused the token: <span id=\"rejection\">")
            .Append(E(result.Rejection?.Message)).Append("</span>.</p><h2>What the reader found</h2><ul id=\"findings\">");
        foreach (var finding in result.ReadResult.Findings)
        {
            body.Append("<li>").Append(E(finding.Severity.ToString())).Append(' ').Append(E(finding.Code.ToString())).Append(": ").Append(E(finding.Message)).Append("</li>");
        }

        body.Append("</ul>");
        return TribeCommunitySimulatorResponse.Create(401, Html, Layout(simulator, "/", null, body.ToString()));
    }

    public static TribeCommunitySimulatorResponse Conflict(TribeCommunitySimulator simulator, TribeSsoSignInResult result)
    {
        var body = "<h1>Sign-in conflict</h1><p class=\"refused\">Outcome: <b id=\"outcome\">Conflict</b>. <span id=\"conflict-reason\">"
            + E(result.ConflictReason) + "</span>. Tribe answers with a conflict error and signs nobody in; fix it with the API's \"Update a Specific User\".</p>";
        return TribeCommunitySimulatorResponse.Create(409, Html, Layout(simulator, "/", null, body));
    }

    public static TribeCommunitySimulatorResponse NotFound(TribeCommunitySimulator simulator)
        => TribeCommunitySimulatorResponse.Create(404, Html, Document(simulator.Options.CommunityName, "<h1>Not found</h1><p>This address is not part of the simulated community.</p>"));

    public static TribeCommunitySimulatorResponse NoSuchSsoAddress(TribeCommunitySimulator simulator)
    {
        var token = simulator.Options.ReaderOptions?.TokenParameterName ?? TribeSsoOptions.DefaultTokenParameterName;
        var served = simulator.Options.UrlShape;
        var other = served == TribeCommunityUrlShape.Bettermode ? TribeCommunityUrlShape.Tribe : TribeCommunityUrlShape.Bettermode;
        var shape = "the " + ShapeName(served) + " URL shape: " + LinkFormat.Prefix(string.Empty, SimulatorTarget.SsoPath(served), token) + "…"
            + LinkFormat.RedirectSeparator(SimulatorTarget.IgnoredRedirectParameter(other)) + "… (" + SimulatorTarget.SsoPath(other)
            + " with " + SimulatorTarget.IgnoredRedirectParameter(served) + " is the " + ShapeName(other) + " shape)";
        return TribeCommunitySimulatorResponse.Create(404, Html, Document(simulator.Options.CommunityName, "<h1>Not found</h1><p id=\"no-such-sso-address\">no such SSO address; this community has " + E(shape) + "</p>"));
    }

    private static string ShapeName(TribeCommunityUrlShape shape) => shape == TribeCommunityUrlShape.Bettermode ? "bettermode" : "tribe";

    public static TribeCommunitySimulatorResponse HostRefused(TribeCommunitySimulator simulator)
        => TribeCommunitySimulatorResponse.Create(403, Html, Document(simulator.Options.CommunityName, "<h1>Forbidden</h1><p id=\"host-refused\">This simulated community answers only requests for a loopback name (localhost, 127.0.0.1, [::1]), so a page on another site cannot read it through DNS rebinding.</p>"));

    public static TribeCommunitySimulatorResponse MethodNotAllowed(TribeCommunitySimulator simulator)
        => TribeCommunitySimulatorResponse.Create(405, Html, Document(simulator.Options.CommunityName, "<h1>Method not allowed</h1><p>The simulated community's pages answer GET only.</p>"), new KeyValuePair<string, string>("Allow", "GET"));

    private static string Layout(TribeCommunitySimulator simulator, string local, TribeCommunityMember? member, string content)
    {
        var options = simulator.Options;
        var nav = new StringBuilder("<nav><a id=\"home\" href=\"").Append(E(simulator.Url("/"))).Append("\"><b>").Append(E(options.CommunityName)).Append("</b></a> ");
        if (member is null)
        {
            nav.Append(Link("log-in", "Log in", options.AuthorizationUrl, simulator, local, null)).Append(' ')
                .Append(Link("sign-up", "Sign up", options.SignUpUrl, simulator, local, null));
        }
        else
        {
            nav.Append("<span>").Append(E(member.Name)).Append("</span> ").Append(Link("edit-profile", "Edit profile", options.SettingsUrl, simulator, local, null))
                .Append(" <a id=\"log-out\" href=\"").Append(E(simulator.Url("/auth/logout"))).Append("\">Log out</a>");
        }

        return Document(options.CommunityName, nav.Append("</nav>").Append(content).ToString());
    }

    /// <summary>A link to one of the partner's URLs with the page to return to, or a note that the URL is not set.</summary>
    private static string Link(string id, string text, Uri? partnerUrl, TribeCommunitySimulator simulator, string local, string? target)
    {
        if (partnerUrl is null)
        {
            return "<span id=\"" + id + "\" class=\"unset\">" + text + " (no URL set)</span>";
        }

        var href = UrlText.WithQueryParameter(UrlText.AsciiUrl(partnerUrl), UrlText.EscapeValue(simulator.Options.RedirectParameterName), UrlText.EscapeValue(local));
        return "<a id=\"" + id + "\" href=\"" + E(href) + "\"" + (target is null ? string.Empty : " target=\"" + target + "\"") + ">" + text + "</a>";
    }

    private static string Item(string term, string id, string value) => "<dt>" + term + "</dt><dd id=\"" + id + "\">" + E(value) + "</dd>";

    private static string Document(string title, string body) => "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + E(title)
        + "</title><style>body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d2330;background:#f6f7fb}nav{display:flex;gap:1rem;align-items:center;padding:.6rem 1rem;background:#2b2f6b;color:#fff}"
        + "nav a{color:#fff}h1,h2,p,dl,ul{margin-left:1rem;margin-right:1rem}dt{font-weight:600;float:left;width:11rem}dd{margin:0 0 .3rem 11rem}.refused b{color:#c92a2a}"
        + ".embed{margin:.8rem;padding:.8rem;border:2px solid #2b2f6b;border-radius:.5rem;background:#fff}.embed .name{font-weight:600;color:#fff;background:#2b2f6b;margin:-.8rem -.8rem .5rem;padding:.5rem .8rem}.composer{border:1px solid #c5cae0;border-radius:.4rem;padding:.5rem;color:#5a6275}.unset{opacity:.6}</style></head><body>"
        + body + "</body></html>";

    private static string E(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);
}
