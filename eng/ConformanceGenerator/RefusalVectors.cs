using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using Tribe.Sso.Tests.Conformance;
using static Tribe.Sso.ConformanceGenerator.Claims;

namespace Tribe.Sso.ConformanceGenerator;

/// <summary>refusals.json: claims the SDK refuses to sign, each with exactly one field at fault.</summary>
internal static class RefusalVectors
{
    public static JsonObject Generate()
    {
        var vectors = new JsonArray();
        foreach (var (name, field, value) in Definitions())
        {
            var claims = Jane((field, value));
            var refused = VectorClaims.RefusedField(Key, claims);
            if (refused != field)
            {
                throw new InvalidOperationException($"Refusal '{name}': the SDK refused {refused ?? "nothing"}, not {field}.");
            }

            vectors.Add(new JsonObject { ["name"] = name, ["claims"] = claims, ["refusedField"] = field });
        }

        return new JsonObject { ["vectors"] = vectors };
    }

    private static IEnumerable<(string Name, string Field, JsonNode? Value)> Definitions()
    {
        yield return ("sub empty", "sub", "");
        yield return ("sub only whitespace", "sub", "  \t ");
        yield return ("sub of 256 characters", "sub", new string('7', 256));
        yield return ("sub with a line feed", "sub", "4\n2");
        yield return ("sub with NUL", "sub", "4\u00002");
        yield return ("sub with the line separator U+2028", "sub", "4\u20282");
        yield return ("sub with a zero width space", "sub", "4\u200B2");
        yield return ("sub with a right-to-left override", "sub", "\u202E42");
        yield return ("sub with a soft hyphen", "sub", "4\u00AD2");
        yield return ("sub with a byte order mark", "sub", "\uFEFF42");
        yield return ("sub with a tag character", "sub", "42\U000E0041");
        yield return ("name empty", "name", "");
        yield return ("name only whitespace", "name", " \u3000 ");
        yield return ("name of 256 characters", "name", new string('n', 256));
        yield return ("name with a bell character", "name", "Jane\u0007");
        yield return ("name with CR LF", "name", "Jane\r\nDoe");
        yield return ("name with a right-to-left override", "name", "Jane\u202Eeod");
        yield return ("name with a left-to-right isolate", "name", "\u2066Jane");
        yield return ("name with DEL", "name", "Jane\u007F");
        yield return ("email empty", "email", "");
        yield return ("email without '@'", "email", "jane.example.com");
        yield return ("email with two '@'", "email", "jane@doe@example.com");
        yield return ("email with a display name", "email", "Jane Doe <jane@example.com>");
        yield return ("email in angle brackets", "email", "<jane@example.com>");
        yield return ("email with a space", "email", "jane doe@example.com");
        yield return ("email with a no-break space", "email", "jane\u00A0@example.com");
        yield return ("email with an empty local part", "email", "@example.com");
        yield return ("email with an empty domain", "email", "jane@");
        yield return ("email with a single-label domain", "email", "jane@example");
        yield return ("email with a leading dot", "email", ".jane@example.com");
        yield return ("email with a doubled dot", "email", "jane..doe@example.com");
        yield return ("email with a label starting with '-'", "email", "jane@-example.com");
        yield return ("email with an underscore in the domain", "email", "jane@exa_mple.com");
        yield return ("email at an IP address", "email", "jane@192.0.2.1");
        yield return ("email with a local part of 65 characters", "email", new string('j', 65) + "@example.com");
        yield return ("email with a domain label of 64 characters", "email", "jane@" + new string('e', 64) + ".com");
        yield return ("email of 255 characters", "email", new string('j', 64) + "@" + new string('a', 63) + "." + new string('b', 63) + "." + new string('c', 58) + ".com");
        yield return ("email with a zero width space", "email", "ja\u200Bne@example.com");
        yield return ("email with a mailto: scheme", "email", "mailto:jane@example.com");
        yield return ("email with a trailing line feed", "email", "jane@example.com\n");
        yield return ("role unknown", "role", "owner");
        yield return ("picture relative", "picture", "/jane.png");
        yield return ("picture over ftp", "picture", "ftp://cdn.example.com/jane.png");
        yield return ("picture javascript:", "picture", "javascript:alert(1)");
        yield return ("picture data:", "picture", "data:image/png;base64,AAAA");
        yield return ("picture of 2,049 characters", "picture", "https://cdn.example.com/" + new string('p', 2049 - 24));
        yield return ("source empty", "source", "");
        yield return ("source of 256 characters", "source", new string('s', 256));
        yield return ("source with a line feed", "source", "mail\nx");
        yield return ("title with NUL", "title", "Boss\u0000");
        yield return ("title with a right-to-left override", "title", "Boss\u202E");
        yield return ("tagline with a pop directional isolate", "tagline", "hi\u2069");
        yield return ("bio empty", "bio", "");
        yield return ("bio of 4,001 characters", "bio", new string('b', 4001));
        yield return ("bio with an escape character", "bio", "\u001b[31mred");
        yield return ("bio of 4,000 CJK characters, over 8,000 bytes in the token", "bio", new string('漢', 4000));
        yield return ("locale empty", "locale", "");
        yield return ("locale with '_'", "locale", "fr_CA");
        yield return ("locale of one letter", "locale", "e");
        yield return ("locale of four letters", "locale", "engl");
        yield return ("locale of digits", "locale", "12");
        yield return ("locale with a trailing '-'", "locale", "en-");
        yield return ("locale with a subtag of 9 characters", "locale", "en-toolongsub");
        yield return ("locale of 36 characters", "locale", "en-" + string.Join("-", new string('a', 8), new string('b', 8), new string('c', 8), new string('d', 8)));
        yield return ("groups: an empty group id", "groups", Array(""));
        yield return ("groups: a group id with a space", "groups", Array("g 1"));
        yield return ("groups: a group id with a zero width space", "groups", Array("g\u200B1"));
        yield return ("groups: a group id of 256 characters", "groups", Array(new string('g', 256)));
        yield return ("groups: the same id twice", "groups", Array("g1", Group("g1", "member", "joined")));
        yield return ("groups: 101 entries", "groups", BareGroups(101));
        yield return ("groups: moderator is not a group role", "groups", Array(Group("g1", "moderator", "joined")));
        yield return ("aud empty", "aud", "");
        yield return ("aud with surrounding whitespace", "aud", " community ");
        yield return ("aud with a control character", "aud", "comm\u0001unity");
    }
}
