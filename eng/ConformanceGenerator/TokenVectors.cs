using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;
using Tribe.Sso.Tests.Conformance;
using static Tribe.Sso.ConformanceGenerator.Claims;

namespace Tribe.Sso.ConformanceGenerator;

/// <summary>tokens.json: users the SDK signs, each with the exact payload and compact token, some with the whole link.</summary>
internal static class TokenVectors
{
    private const string Bettermode = "/api/auth/sso";

    public static JsonObject Generate()
    {
        var vectors = new JsonArray();
        foreach (var (name, claims, lifetime, link) in Definitions())
        {
            vectors.Add(Vector(name, claims, lifetime, link));
        }

        return new JsonObject { ["key"] = Key, ["vectors"] = vectors };
    }

    private static IEnumerable<(string Name, JsonObject Claims, int Lifetime, Link? Link)> Definitions()
    {
        yield return ("minimal: sub, name and email", Jane(), 60, null);
        yield return ("audience", Jane(("aud", "community")), 60, null);
        yield return ("role member", Jane(("role", "member")), 60, null);
        yield return ("role moderator", Jane(("role", "moderator")), 60, null);
        yield return ("role admin", Jane(("role", "admin")), 60, null);
        yield return ("picture over https", Jane(("picture", "https://cdn.example.com/u/42.png")), 60, null);
        yield return ("picture over http, with a query", Jane(("picture", "http://cdn.example.com/avatar?id=42&size=96")), 60, null);
        yield return ("picture with a non-ASCII path, sent percent-encoded", Jane(("picture", "https://cdn.example.com/caf%C3%A9/jane.png")), 60, null);
        yield return ("source", Jane(("source", "newsletter")), 60, null);
        yield return ("title with JSON-escaped quotes and backslash", Jane(("title", "Head of \"Support\" \\ Ops")), 60, null);
        yield return ("bio with simple HTML, CR LF and TAB", Jane(("bio", "<p>Hi, I'm <b>Jane</b> & I like <a href=\"/x\">SSO</a>.</p>\r\n\tSecond line")), 60, null);
        yield return ("locale fr-CA", Jane(("locale", "fr-CA")), 60, null);
        yield return ("locale zh-Hant-TW", Jane(("locale", "zh-Hant-TW")), 60, null);
        yield return ("tagline", Jane(("tagline", "Ask me anything")), 60, null);
        yield return ("groups: bare ids, replacing the user's groups", Jane(("groups", Array("5f1c0e8b9d3e4a0012345678", "g2"))), 60, null);
        yield return ("groups: joined as member and as admin", Jane(("groups", Array(Group("g1", "member", "joined"), Group("g2", "admin", "joined")))), 60, null);
        yield return ("groups: unapproved as member and as admin", Jane(("groups", Array(Group("g1", "member", "unapproved"), Group("g2", "admin", "unapproved")))), 60, null);
        yield return ("groups: the three forms together", Jane(("groups", Array("g1", Group("g2", "admin", "joined"), Group("g3", "member", "unapproved")))), 60, null);
        yield return ("groups: added to, with groupsOperation add", Jane(("groups", Array("g1", Group("g2", "member", "joined"))), ("groupsOperation", "add")), 60, null);
        yield return ("groups: removed from every group (an empty list, no operation)", Jane(("groups", Array())), 60, null);
        yield return ("groups: 100 entries, the most accepted", Jane(("groups", BareGroups(100))), 60, null);
        yield return ("every claim", Full(), 60, null);
        yield return ("non-ASCII name and email (RFC 6531 local part)", Jane(("name", "Zoë Ñúñez-Øster"), ("email", "zoë.ñúñez@example.com")), 60, null);
        yield return ("CJK, Arabic and Hebrew display text", Jane(("name", "山田 太郎"), ("title", "مدير المجتمع"), ("tagline", "שלום")), 60, null);
        yield return ("emoji with ZWJ in the name", Jane(("name", "Jane 👩‍💻"), ("title", "👨‍👩‍👧‍👦 family")), 60, null);
        yield return ("emoji with skin tone and flag in the tagline", Jane(("tagline", "👋🏽 from 🇨🇦")), 60, null);
        yield return ("a name that looks like JSON stays a name", Jane(("name", "\",\"role\":\"admin")), 60, null);
        yield return ("sub of 255 characters, the limit", Jane(("sub", new string('7', 255))), 60, null);
        yield return ("name of 255 characters, the limit", Jane(("name", new string('n', 255))), 60, null);
        yield return ("email of 254 characters, the limit", Jane(("email", new string('j', 64) + "@" + new string('a', 63) + "." + new string('b', 63) + "." + new string('c', 57) + ".com")), 60, null);
        yield return ("bio of 4,000 characters, the limit", Jane(("bio", new string('b', 4000))), 60, null);
        yield return ("lifetime of 1 second, the shortest", Jane(), 1, null);
        yield return ("lifetime of 10 minutes, the longest", Jane(), 600, null);
        yield return ("link: default shape, no redirect", Jane(), 60, new Link(VectorClaims.DefaultCommunity, "/auth/sso", "redirect", null));
        yield return ("link: default shape with a redirect target", Jane(), 60, new Link(VectorClaims.DefaultCommunity, "/auth/sso", "redirect", "/answers"));
        yield return ("link: Bettermode shape with a base path and a query and fragment in the target", Jane(), 60, new Link("https://example.com/community/", Bettermode, "redirect_uri", "/search?q=sso&tab=new#top"));
        yield return ("link: non-ASCII redirect target, percent-encoded as UTF-8", Jane(), 60, new Link(VectorClaims.DefaultCommunity, "/auth/sso", "redirect", "/spaces/café/😀?q=日本"));
        yield return ("link: internationalised community host, in punycode", Jane(), 60, new Link("https://bücher.example", "/auth/sso", "redirect", "/"));
        yield return ("link: plain http for localhost", Jane(), 60, new Link("http://localhost:3000", "/auth/sso", "redirect", "/answers"));
        yield return ("link: exactly 8,000 bytes, the limit", Large(), 60, LinkOf8000Bytes());
    }

    private static JsonObject Full() => Jane(
        ("sub", "user-7"), ("name", "Zoë O'Brien"), ("email", "zoe.obrien+sso@example.co.uk"), ("aud", "community"), ("role", "admin"),
        ("picture", "https://cdn.example.com/u/7.png"), ("source", "newsletter"), ("title", "Head of \"Support\""),
        ("bio", "<b>Hi</b> I'm Zoë.\nBackslash: \\"), ("locale", "fr-CA"), ("tagline", "Ask me anything"),
        ("groups", Array("g1", Group("g2", "admin", "joined"), Group("g3", "member", "unapproved"))));

    private static JsonObject Large() => Jane(("source", new string('s', 255)), ("title", new string('t', 255)), ("bio", new string('b', 4000)), ("tagline", new string('g', 255)));

    private static Link LinkOf8000Bytes()
    {
        // The text claims at their limits fill most of the link; the target's unreserved characters the rest, one byte each.
        var user = VectorClaims.User(Large());
        var issuer = new TribeSsoIssuer(VectorClaims.Options(Key, Jane(), new JsonObject { ["community"] = VectorClaims.DefaultCommunity, ["ssoPath"] = "/auth/sso", ["redirectParameter"] = "redirect" }), new FixedClock(Iat));
        var length = issuer.CreateLoginUrl(user, "/a").AbsoluteUri.Length;
        return new Link(VectorClaims.DefaultCommunity, "/auth/sso", "redirect", "/a" + new string('a', 8000 - length));
    }

    private static JsonObject Vector(string name, JsonObject claims, int lifetime, Link? link)
    {
        var expected = (JsonObject)claims.DeepClone();
        expected["iat"] = Iat;
        expected["exp"] = Iat + lifetime;
        var linkNode = link?.ToJson();
        var issuer = new TribeSsoIssuer(VectorClaims.Options(Key, expected, linkNode), new FixedClock(Iat));
        var user = VectorClaims.User(expected);
        var token = issuer.CreateToken(user);
        var payload = JsonNode.Parse(Encoding.UTF8.GetString(Base64Url(token.Split('.')[1])))!.AsObject();
        if (!JsonNode.DeepEquals(payload, expected))
        {
            throw new InvalidOperationException($"Vector '{name}': the SDK signed {payload.ToJsonString()}, not {expected.ToJsonString()}.");
        }

        var vector = new JsonObject { ["name"] = name, ["payload"] = payload, ["token"] = token };
        if (linkNode is not null)
        {
            linkNode["url"] = issuer.CreateLoginUrl(user, link!.Redirect).AbsoluteUri;
            vector["link"] = linkNode;
        }

        return vector;
    }

    private static byte[] Base64Url(string segment)
    {
        var base64 = segment.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
    }

    private sealed record Link(string Community, string SsoPath, string RedirectParameter, string? Redirect)
    {
        public JsonObject ToJson() => new() { ["community"] = Community, ["ssoPath"] = SsoPath, ["redirectParameter"] = RedirectParameter, ["redirect"] = Redirect };
    }
}
