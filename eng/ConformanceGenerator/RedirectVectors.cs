using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Tribe.Sso.Tests.Conformance;

namespace Tribe.Sso.ConformanceGenerator;

/// <summary>redirects.json: redirect targets, whether the SDK accepts them, and how an accepted one is written into the link.</summary>
internal static class RedirectVectors
{
    public static JsonObject Generate()
    {
        var issuer = new TribeSsoIssuer(VectorClaims.Options(Claims.Key, Claims.Jane(), link: null), new FixedClock(Claims.Iat));
        var user = VectorClaims.User(Claims.Jane());
        var vectors = new JsonArray();
        foreach (var target in Targets())
        {
            var vector = new JsonObject { ["target"] = target, ["allowed"] = TribeSsoRedirectPath.FindProblem(target) is null };
            if (TribeSsoRedirectPath.FindProblem(target) is null)
            {
                var url = issuer.CreateLoginUrl(user, target).AbsoluteUri;
                vector["encoded"] = url.Substring(url.IndexOf("&redirect=", StringComparison.Ordinal) + "&redirect=".Length);
            }

            vectors.Add(vector);
        }

        return new JsonObject { ["vectors"] = vectors };
    }

    private static IEnumerable<string> Targets()
    {
        // Accepted: paths on the community, with queries, fragments, non-ASCII text and dots that are not segments.
        string[] allowed =
        {
            "/", "/answers", "/spaces/general", "/a/b-c_d.e~f", "/search?q=sso", "/search?q=a+b&tab=new", "/posts?id=1&ref=mail",
            "/page#comments", "/search?q=sso#results", "/über", "/café/日本", "/emoji/😀",
            "/100%25", "/a%2Fb", "/a%41", "/a%252541", "/a.b", "/..foo", "/foo..", "/.well-known/x", "/a/.../b", "/search?q=../..",
            "/page#/../x", "/a?b:c", "/a#b:c", "/x?next=%2Fanswers", "/!$'()*,;@", "/" + new string('a', 2047),
        };
        foreach (var target in allowed)
        {
            yield return target;
        }

        // Refused: every form of open redirect, script URL or broken target the rule knows.
        string[] refused =
        {
            "", "answers", "https://evil.example", "javascript:alert(1)", "//evil.example", "///evil.example", "/\\evil.example",
            "\\\\evil.example", "\\evil.example", "/a\\b", "/%2Fevil.example", "/%2fevil.example", "/%5Cevil.example",
            "/%5cevil.example", "/%252Fevil.example", "/%25252Fevil.example", "/%2525252Fevil.example", "/a%5Cb", "/a b",
            "/a\tb", "/%09/evil.example", "/a%0d%0aSet-Cookie:x", "/a%20b", "/a%00", "/a\u00A0b", "/a\u2028b", "/https://evil.example",
            "/javascript:alert(1)", "/x?next=javascript:alert(1)", "/x?next=JaVaScRiPt:alert(1)", "/x?u=data:text/html,hi",
            "/x?u=vbscript:msgbox", "/x?u=file:///etc/passwd", "/x?u=%6Aavascript:x", "/a%", "/a%zz", "/a%2", "/a/..//evil.example",
            "/.//evil.example", "/..//evil.example", "/a/./b", "/a/..", "/.", "/%2e%2e/", "/a/%2E%2E//evil", "/a%2F..%2F%2Fevil.example",
            "/\u202Etxt.exe", "/%E2%80%AEtxt.exe", "/ad\u200Bmin", "/ad%E2%80%8Bmin", "/\uFEFFanswers", "/an\u00ADswers",
            "/x?q=\u2066a\u2069", "/emoji/\U0001F469\u200D\U0001F4BB", "/%F3%A0%81%81", "/a:b", "/" + new string('a', 2048),
        };
        foreach (var target in refused)
        {
            yield return target;
        }
    }
}
