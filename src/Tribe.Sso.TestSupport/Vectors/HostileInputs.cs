using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using CsCheck;

namespace Tribe.Sso.TestSupport;

/// <summary>
/// Generators of malformed tokens and links, built with the BCL only (independently of the code under test): truncation,
/// bit flips, lone-surrogate escapes, huge and deeply nested segments, out-of-range and non-numeric dates, repeated
/// claims and link parameters, '+', spaces and padding in signatures, and plain garbage. Tokens are signed with
/// <see cref="TestKeys.Primary"/> at <see cref="TestClock"/>, so well-formed ones can be accepted and the property
/// "accepted only with the canonical HMAC" has something to hold on.
/// </summary>
public static class HostileInputs
{
    public const string Hs256Header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    /// <summary>Text that breaks naive readers, as it appears inside a JSON string literal (escapes included).</summary>
    private static readonly string[] StringAtoms =
    {
        "a", "Jane", "42", "jane@example.com", "member", "moderator", "admin", "owner", "joined", "unapproved", "add", "HS256", "none",
        "https://cdn.example.com/p.png", "javascript:alert(1)", "/answers", "//evil.example", " ", "", "\\\"", "\\\\", "é", "😀",
        "\\ud800", "\\udc00", "\\udbff\\udfff", "\\ud83d\\ude00", "\\u0000", "\\u001b[2J", "\\u202e", "\\u200b", "\\u009b", "\\n",
        "\u202E", "\u200B", "\u0085", "\u00AD", "\uFEFF", "%", "+", "=", "\\u0022,\\u0022role\\u0022:\\u0022admin",
    };

    /// <summary>Numbers at the edges: the calendar's ends and beyond, fractions, floats, huge and tiny exponents.</summary>
    private static readonly string[] NumberAtoms =
    {
        "0", "-0", "1", "-1", "1.5", "1e-7", "1E3", "1767225600", "1767225660", "1767225661", "1767225690", "1767225691", "1767226201",
        "253402300799", "253402300800", "253402300799.999", "-62135596800", "-62135596801", "9007199254740993", "1e308", "-1e308", "1e400", "-1e400",
        "18446744073709551616", "0.0000000000000000000001",
    };

    private static readonly string[] ClaimNames =
    {
        "sub", "name", "email", "aud", "role", "picture", "source", "title", "bio", "locale", "tagline", "groups", "groupsOperation", "iat", "exp", "nbf",
        "jti", "x", "\\ud800", "", "Sub", "e\\u0078p",
    };

    private static readonly Gen<string> JsonString = Gen.OneOf(StringAtoms).Array[0, 4].Select(parts => "\"" + string.Concat(parts) + "\"");

    private static readonly Gen<string> JsonScalar = Gen.Frequency(
        (4, JsonString),
        (3, Gen.OneOf(NumberAtoms)),
        (1, Gen.OneOf("true", "false", "null")));

    /// <summary>Any JSON value, nested a few levels.</summary>
    private static readonly Gen<string> JsonValue = Gen.Recursive<string>((depth, inner) => depth >= 3
        ? JsonScalar
        : Gen.Frequency(
            (6, JsonScalar),
            (1, inner.Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(Gen.OneOf(ClaimNames), inner).Array[0, 3].Select(members => "{" + string.Join(",", members.Select(m => "\"" + m.Item1 + "\":" + m.Item2)) + "}"))));

    private static readonly Gen<string> GroupsValue = Gen.OneOf(
        Gen.OneOf("[]", "[\"g1\"]", "[\"g1\",\"g1\"]", "[{\"group\":\"g1\",\"role\":\"admin\",\"status\":\"joined\"}]", "[{\"group\":\"g1\",\"role\":\"moderator\"}]", "[\"\"]", "\"g1\"", "[null]", "[{\"group\":\"\\ud800\"}]"),
        JsonValue);

    /// <summary>Jane's claims, each replaced, removed or kept, with extra and repeated claims.</summary>
    private static readonly Gen<string> Payload = Gen.Select(
            Gen.Frequency((5, Gen.Const("\"42\"")), (2, JsonValue)).Null(),
            Gen.Frequency((5, Gen.Const("\"Jane Doe\"")), (2, JsonValue)).Null(),
            Gen.Frequency((5, Gen.Const("\"jane@example.com\"")), (2, JsonValue)).Null(),
            Gen.Frequency((5, Gen.Const("1767225600")), (2, Gen.OneOf(NumberAtoms)), (1, JsonValue)).Null(),
            Gen.Frequency((5, Gen.Const("1767225660")), (2, Gen.OneOf(NumberAtoms)), (1, JsonValue)).Null(),
            Gen.Select(Gen.OneOf(ClaimNames), Gen.OneOf(JsonValue, GroupsValue)).Array[0, 4])
        .Select(t =>
        {
            var (sub, name, email, iat, exp, extra) = t;
            var members = new[] { ("sub", sub), ("name", name), ("email", email), ("iat", iat), ("exp", exp) }
                .Where(m => m.Item2 is not null).Select(m => "\"" + m.Item1 + "\":" + m.Item2)
                .Concat(extra.Select(m => "\"" + m.Item1 + "\":" + m.Item2));
            return "{" + string.Join(",", members) + "}";
        });

    private static readonly Gen<string> Header = Gen.Frequency(
        (8, Gen.Const(Hs256Header)),
        (1, Gen.OneOf("{\"alg\":\"none\"}", "{\"alg\":\"HS256\"}", "{\"alg\":\"hs256\"}", "{\"alg\":\"HS384\",\"typ\":\"JWT\"}", "{\"alg\":\"HS\\ud800\"}",
            "{\"alg\":null}", "{\"typ\":\"JWT\"}", "[]", "{\"alg\":\"HS256\",\"alg\":\"none\"}", "{\"alg\":\"none\",\"alg\":\"HS256\"}", "null", "{")),
        (1, JsonValue));

    /// <summary>Signed tokens, most of them well-formed JSON with odd claims; the signature is the canonical HMAC.</summary>
    public static readonly Gen<string> SignedTokens = Gen.Select(Header, Payload, Sign);

    /// <summary>Nesting far past the reader's limit of 64, and long strings: signed, so only the shape is wrong.</summary>
    public static readonly Gen<string> HugeTokens = Gen.OneOf(
        Gen.Int[1, 3000].Select(depth => Sign(Hs256Header, "{\"sub\":" + new string('[', depth) + new string(']', depth) + "}")),
        Gen.Int[1, 200].Select(depth => Sign(Hs256Header, "{\"groups\":" + string.Concat(Enumerable.Repeat("{\"group\":", depth)) + "1" + new string('}', depth) + "}")),
        Gen.Int[1_000, 100_000].Select(length => Sign(Hs256Header, "{\"sub\":\"42\",\"name\":\"" + new string('n', length) + "\",\"email\":\"jane@example.com\",\"iat\":1767225600,\"exp\":1767225660}")));

    /// <summary>Signed tokens, then broken: truncated, bits flipped, characters inserted or removed, segments repeated, re-encoded.</summary>
    public static readonly Gen<string> MutatedTokens = Gen.Select(SignedTokens, Gen.Int[0, 11], Gen.Int, Gen.Int[0, 15]).Select(t =>
    {
        var (token, mutation, position, bit) = t;
        var at = (int)((uint)position % (uint)(token.Length + 1));
        var segments = token.Split('.');
        return mutation switch
        {
            0 => token[..at],
            1 => at < token.Length ? token[..at] + (char)(token[at] ^ (1 << (bit % 7))) + token[(at + 1)..] : token,
            2 => token.Insert(at, new[] { " ", "+", "/", "=", ".", "%", "%20", "\u0000", "\uD800", "\n", "\u202E" }[bit % 11]),
            3 => at < token.Length ? token.Remove(at, 1) : token,
            4 => token + new[] { "=", "==", " ", "\t", ".", ".x", "%3D" }[bit % 7],
            5 => string.Join(".", segments[0], segments[1], segments[2].Replace('-', '+').Replace('_', '/')),
            6 => string.Join(".", segments[0], segments[1], StrayBits(segments[2], bit)),
            7 => string.Join(".", segments[0], segments[1] + "=", segments[2]),
            8 => string.Join(".", segments.Concat(segments)),
            9 => string.Join(".", segments[0], segments[1], segments[1]),
            10 => string.Join(".", segments[0], Convert.ToBase64String(Jwt.Base64UrlDecode(segments[1])), segments[2]),
            _ => token.ToUpperInvariant(),
        };
    });

    /// <summary>Random text, from characters that mean something to a reader: dots, escapes, surrogates, controls.</summary>
    public static readonly Gen<string> Garbage = Gen.OneOf(
            Gen.Char[' ', '~'], Gen.OneOf('.', '%', '+', '=', '?', '&', '#', '/', ':', '\\', '-', '_'), Gen.OneOf('\u0000', '\u001B', '\u0085', '\u009B', '\u00A0', '\u202E', '\u200B', '\uFEFF', '\uD800', '\uDC00', '\uFFFF'), Gen.Char)
        .Array[0, 120].Select(chars => new string(chars));

    /// <summary>Every kind of token above.</summary>
    public static readonly Gen<string> Tokens = Gen.Frequency((4, SignedTokens), (5, MutatedTokens), (2, Garbage), (1, HugeTokens));

    private static readonly Gen<string> Paths = Gen.OneOf(
        Gen.OneOf("/answers", "/", "", "/café", "/caf%C3%A9", "//evil.example", "/%2F%2Fevil", "/\\evil", "/a%0d%0aSet-Cookie:x", "/%E2%80%AE", "/\u202Etxt",
            "/%ED%A0%80", "/%", "/a b", "/x?y=1&z=2", "/x%3Fy%3D1", "javascript:alert(1)", "/%1B[2J", "/\u001B[2J", "/" + new string('a', 3000)),
        Gen.OneOf("/", "a", "%", "2F", "5C", "%25", ":", "?", "&", "#", "+", " ", "é", "%C3", "\u202E", "\uD800").Array[0, 8].Select(string.Concat));

    private static readonly Gen<(string Name, string Value)> Parameter = Gen.Frequency(
        (5, Tokens.Select(t => ("jwt", t))),
        (3, Paths.Select(p => ("redirect", p))),
        (2, Paths.Select(p => ("redirect_uri", p))),
        (1, Gen.OneOf("JWT", "jwt ", "j%77t", "token", "ssoToken", "", "=", "redirect%5Furi").Select(n => (n, "x"))));

    private static readonly Gen<string> Bases = Gen.OneOf(
        "https://community.example.com/auth/sso", "https://bücher.example/auth/sso", "https://xn--bcher-kva.example/api/auth/sso",
        "http://localhost:3000/auth/sso", "https://example.com/community/auth/sso", "https://", "javascript://x/", "https://community.example.com");

    /// <summary>Links with 0–4 parameters (repeats included), each value as given, percent-encoded or with '+' for spaces.</summary>
    public static readonly Gen<string> Links = Gen.Select(Bases, Gen.Select(Parameter, Gen.Int[0, 3]).Array[0, 4], Gen.Int[0, 7], Gen.Int).Select(t =>
    {
        var (link, parameters, shape, cut) = t;
        var query = string.Join("&", parameters.Select(p => p.Item1.Name + (p.Item2 == 3 ? string.Empty : "=" + Encode(p.Item1.Value, p.Item2))));
        var text = link + (shape == 1 ? "#" : "?") + query + (shape == 2 ? "#frag" : string.Empty);
        return shape switch
        {
            3 => "  " + text + "\n",
            4 => text[..(int)((uint)cut % (uint)(text.Length + 1))],
            5 => text.Replace("?", "?&&", StringComparison.Ordinal),
            _ => text,
        };
    });

    /// <summary>Well-formed SSO links for Jane at the fixed clock, so acceptance is reachable, then one of the link shapes above.</summary>
    public static readonly Gen<string> ValidLinks = Gen.Select(Gen.OneOf("/answers", "/café", "/x?y=1"), Gen.Int[0, 5]).Select(t =>
    {
        var (path, shape) = t;
        var token = Sign(Hs256Header, "{\"sub\":\"42\",\"name\":\"Jane Doe\",\"email\":\"jane@example.com\",\"iat\":1767225600,\"exp\":1767225660}");
        var encoded = Uri.EscapeDataString(path);
        return shape switch
        {
            0 => "https://community.example.com/auth/sso?jwt=" + token + "&redirect=" + encoded,
            1 => "https://community.example.com/auth/sso?redirect=" + encoded + "&jwt=" + token,
            2 => "https://community.example.com/auth/sso?jwt=" + string.Concat(token.Select(c => "%" + ((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture))),
            3 => "https://community.example.com/auth/sso?jwt=" + token + "&jwt=" + token,
            4 => "https://community.example.com/auth/sso?jwt=" + token + "&redirect=" + encoded + "&redirect_uri=" + encoded,
            _ => "https://community.example.com/auth/sso?jwt=" + token + "#redirect=" + encoded,
        };
    });

    /// <summary>Signs raw header and payload text with HMAC-SHA-256 and <paramref name="key"/>, as any issuer could.</summary>
    public static string Sign(string headerJson, string payloadJson) => Sign(headerJson, payloadJson, TestKeys.Primary);

    /// <inheritdoc cref="Sign(string, string)"/>
    public static string Sign(string headerJson, string payloadJson, string key)
    {
        var signingInput = Segment(headerJson) + "." + Segment(payloadJson);
        return signingInput + "." + CanonicalSignature(signingInput, key);
    }

    /// <summary>The only signature segment the community accepts for <paramref name="signingInput"/>: base64url, no padding, of its HMAC-SHA-256.</summary>
    public static string CanonicalSignature(string signingInput, string key = TestKeys.Primary)
        => Jwt.Base64UrlEncode(HMACSHA256.HashData(TestKeys.Bytes(key), Encoding.ASCII.GetBytes(signingInput)));

    public static string Segment(string json) => Jwt.Base64UrlEncode(Encoding.UTF8.GetBytes(json));

    /// <summary>The same bytes, spelled with non-zero bits after the last one (the last character's unused low bits).</summary>
    private static string StrayBits(string segment, int bit)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        var index = segment.Length == 0 ? -1 : Alphabet.IndexOf(segment[^1], StringComparison.Ordinal);
        return index < 0 ? segment : segment[..^1] + Alphabet[index ^ (1 + (bit % 3))];
    }

    private static string Encode(string value, int how) => how switch
    {
        0 => value,
        1 => Uri.EscapeDataString(RemoveLoneSurrogates(value)),
        _ => value.Replace(' ', '+'),
    };

    private static string RemoveLoneSurrogates(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(value, i++, 2);
            }
            else if (!char.IsSurrogate(value[i]))
            {
                builder.Append(value[i]);
            }
        }

        return builder.ToString();
    }
}
