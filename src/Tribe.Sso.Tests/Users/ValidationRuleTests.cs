using System;
using System.Collections.Generic;

namespace Tribe.Sso.Tests.Users;

/// <summary>
/// Every refusal rule of docs/protocol.md#claims for keys, claims and options: each case asserts the exception type, the claim or
/// option named, and that neither the key nor the offending value (an id, a name, an email, profile text) appears in
/// the message.
/// </summary>
public class ValidationRuleTests
{
    private const string Id = "42";
    private const string Name = "Jane Doe";
    private const string Email = "jane@example.com";

    /// <summary>Part of every offending id, name and text below: no message may repeat it, as messages may be logged.</summary>
    private const string Sentinel = "Sentinel";

    public static IEnumerable<TestCaseData> KeyCases()
    {
        yield return Key("empty", () => TribeSsoKey.FromString(string.Empty), "is empty");
        yield return Key("leading space", () => TribeSsoKey.FromString(" " + TestKeys.Primary), "whitespace");
        yield return Key("trailing newline", () => TribeSsoKey.FromString(TestKeys.Primary + "\n"), "whitespace");
        yield return Key("trailing tab", () => TribeSsoKey.FromString(TestKeys.Primary + "\t"), "whitespace");
        yield return Key("31 bytes", () => TribeSsoKey.FromString(TestKeys.Primary.Substring(0, 31)), "31 UTF-8 bytes");
        yield return Key("1 byte", () => TribeSsoKey.FromString("k"), "1 UTF-8 byte long");
        yield return Key("31 raw bytes", () => TribeSsoKey.FromBytes(new byte[31]), "31 bytes");
        yield return Key("no raw bytes", () => TribeSsoKey.FromBytes(ReadOnlySpan<byte>.Empty), "0 bytes");
        yield return Key("lone surrogate", () => TribeSsoKey.FromString(TestKeys.Primary + "\uD800x"), "unpaired UTF-16 surrogate");
        yield return Key("short opt-in, empty", () => TribeSsoKey.FromShortCommunityKey(string.Empty), "is empty");
        yield return Key("short opt-in, whitespace", () => TribeSsoKey.FromShortCommunityKey(TestKeys.Short + " "), "whitespace");
    }

    public static IEnumerable<TestCaseData> ClaimCases()
    {
        yield return Claim("sub empty", "sub", () => User(id: string.Empty), "empty");
        yield return Claim("sub blank", "sub", () => User(id: "   "), "empty or only whitespace");
        yield return Claim("sub 256 chars", "sub", () => User(id: Sentinel + new string('1', 248)), "at most 255");
        yield return Claim("sub line feed", "sub", () => User(id: Sentinel + "\n42"), "control character (U+000A)");
        yield return Claim("sub NUL", "sub", () => User(id: Sentinel + "\u000042"), "control character (U+0000)");
        yield return Claim("sub lone high surrogate", "sub", () => User(id: Sentinel + "42\uD800"), "unpaired UTF-16 surrogate");
        yield return Claim("sub line separator", "sub", () => User(id: Sentinel + "\u202842"), "U+2028");
        yield return Claim("name empty", "name", () => User(name: string.Empty), "empty");
        yield return Claim("name blank", "name", () => User(name: " \u3000 "), "only whitespace");
        yield return Claim("name bell", "name", () => User(name: Sentinel + " Jane\u0007"), "U+0007");
        yield return Claim("name lone low surrogate", "name", () => User(name: Sentinel + "\uDC00Doe"), "unpaired UTF-16 surrogate at index 8");
        yield return Claim("name CRLF", "name", () => User(name: Sentinel + "\r\nDoe"), "U+000D");
        yield return Claim("name DEL", "name", () => User(name: Sentinel + "\u007F"), "U+007F");
        foreach (var (label, email, reason) in BadEmails())
        {
            yield return Claim("email " + label, "email", () => User(email: email), reason, echoed: email);
        }

        yield return Claim("picture relative", "picture", () => Builder().WithPicture(new Uri("/jane.png", UriKind.Relative)), "relative");
        yield return Claim("picture ftp", "picture", () => Builder().WithPicture(new Uri("ftp://cdn.example.com/jane.png")), "scheme 'ftp'");
        yield return Claim("picture javascript", "picture", () => Builder().WithPicture(new Uri("javascript:alert(1)")), "scheme 'javascript'");
        yield return Claim("picture file", "picture", () => Builder().WithPicture(new Uri("file:///etc/passwd")), "scheme 'file'");
        yield return Claim("picture data", "picture", () => Builder().WithPicture(new Uri("data:image/png;base64,AAAA")), "scheme 'data'");
        yield return Claim("locale empty", "locale", () => Builder().WithLocale(string.Empty), "empty");
        yield return Claim("locale underscore", "locale", () => Builder().WithLocale("fr_CA"), "write fr-CA, not fr_CA");
        yield return Claim("locale one letter", "locale", () => Builder().WithLocale("e"), "2–3 letters");
        yield return Claim("locale four letters", "locale", () => Builder().WithLocale("engl"), "2–3 letters");
        yield return Claim("locale digits", "locale", () => Builder().WithLocale("12"), "2–3 letters");
        yield return Claim("locale trailing dash", "locale", () => Builder().WithLocale("en-"), "1–8 letters or digits");
        yield return Claim("locale double dash", "locale", () => Builder().WithLocale("en--US"), "1–8 letters or digits");
        yield return Claim("locale space", "locale", () => Builder().WithLocale("en US"), "2–3 letters");
        yield return Claim("locale long subtag", "locale", () => Builder().WithLocale("en-toolongsub"), "1–8 letters or digits");
        yield return Claim("locale too long", "locale", () => Builder().WithLocale("en-" + string.Join("-", new string('a', 8), new string('b', 8), new string('c', 8), new string('d', 8))), "longer than 35");
        yield return Claim("source empty", "source", () => Builder().WithSource(string.Empty), "empty");
        yield return Claim("title NUL", "title", () => Builder().WithTitle(Sentinel + "\u0000"), "U+0000");
        yield return Claim("tagline line feed", "tagline", () => Builder().WithTagline(Sentinel + "\nb"), "U+000A");
        yield return Claim("bio NUL", "bio", () => Builder().WithBio("<p>" + Sentinel + "\u0000</p>"), "U+0000");
        yield return Claim("bio lone surrogate", "bio", () => Builder().WithBio(Sentinel + " \uD83D"), "unpaired UTF-16 surrogate");
        yield return Claim("bio escape char", "bio", () => Builder().WithBio("\u001b[31m" + Sentinel), "U+001B");
        yield return Claim("role undefined", "role", () => Builder().WithRole((TribeRole)42), "undefined value 42");
        yield return Claim("group id empty", "groups", () => TribeGroup.FromId(string.Empty), "empty group id");
        yield return Claim("group id with space", "groups", () => TribeGroup.Joined(Sentinel + " 1"), "whitespace");
        yield return Claim("group id 256 chars", "groups", () => TribeGroup.FromId(Sentinel + new string('a', 248)), "at most 255");
        yield return Claim("group role undefined", "groups", () => TribeGroup.Joined("g1", (TribeGroupRole)9), "undefined group role");
        yield return Claim("replace with empty list", "groups", () => Builder().ReplaceGroups(), "RemoveFromAllGroups()");
        yield return Claim("add empty list", "groups", () => Builder().AddToGroups(), "would add no group");
        yield return Claim("replace duplicate", "groups", () => Builder().ReplaceGroups(TribeGroup.FromId("g1"), TribeGroup.Joined("g1")), "same group id twice (entry 1)");
        yield return Claim("add duplicate across calls", "groups", () => Builder().AddToGroups(TribeGroup.FromId("g1")).AddToGroups(TribeGroup.Unapproved("g1")), "same group id twice");
        yield return Claim("replace then add", "groups", () => Builder().ReplaceGroups(TribeGroup.FromId("g1")).AddToGroups(TribeGroup.FromId("g2")), "Use ReplaceGroups or AddToGroups, not both");
        yield return Claim("add then replace", "groups", () => Builder().AddToGroups(TribeGroup.FromId("g1")).ReplaceGroups(TribeGroup.FromId("g2")), "already set by AddToGroups");
        yield return Claim("replace twice", "groups", () => Builder().ReplaceGroups(TribeGroup.FromId("g1")).ReplaceGroups(TribeGroup.FromId("g2")), "single ReplaceGroups call");
        yield return Claim("remove all then add", "groups", () => Builder().RemoveFromAllGroups().AddToGroups(TribeGroup.FromId("g1")), "already set by RemoveFromAllGroups");
        yield return Claim("add then remove all", "groups", () => Builder().AddToGroups(TribeGroup.FromId("g1")).RemoveFromAllGroups(), "cannot be combined");
    }

    public static IEnumerable<TestCaseData> OptionCases()
    {
        yield return Option("community missing", "CommunityUrl", o => o.CommunityUrl = null, "is not set");
        yield return Option("community relative", "CommunityUrl", o => o.CommunityUrl = new Uri("/community", UriKind.Relative), "relative");
        yield return Option("community http", "CommunityUrl", o => o.CommunityUrl = new Uri("http://community.example.com"), "scheme 'http'");
        yield return Option("community http private IP", "CommunityUrl", o => o.CommunityUrl = new Uri("http://192.168.1.5"), "scheme 'http'");
        yield return Option("community ftp", "CommunityUrl", o => o.CommunityUrl = new Uri("ftp://community.example.com"), "scheme 'ftp'");
        yield return Option("community query", "CommunityUrl", o => o.CommunityUrl = new Uri("https://community.example.com/?x=1"), "query or fragment");
        yield return Option("community empty query", "CommunityUrl", o => o.CommunityUrl = new Uri("https://community.example.com/?"), "query or fragment");
        yield return Option("community fragment", "CommunityUrl", o => o.CommunityUrl = new Uri("https://community.example.com/#top"), "query or fragment");
        yield return Option("community user info", "CommunityUrl", o => o.CommunityUrl = new Uri("https://admin:pw@community.example.com"), "user info");
        yield return Option("key missing", "PrivateKey", o => o.PrivateKey = null, "TribeSsoKey.FromString");
        yield return Option("lifetime zero", "TokenLifetime", o => o.TokenLifetime = TimeSpan.Zero, "from 1 second to 10 minutes");
        yield return Option("lifetime negative", "TokenLifetime", o => o.TokenLifetime = TimeSpan.FromSeconds(-60), "from 1 second to 10 minutes");
        yield return Option("lifetime 601 s", "TokenLifetime", o => o.TokenLifetime = TimeSpan.FromSeconds(601), "from 1 second to 10 minutes");
        yield return Option("lifetime a day", "TokenLifetime", o => o.TokenLifetime = TimeSpan.FromDays(1), "from 1 second to 10 minutes");
        yield return Option("lifetime fractional", "TokenLifetime", o => o.TokenLifetime = TimeSpan.FromMilliseconds(1500), "whole number of seconds");
        yield return Option("audience empty", "Audience", o => o.Audience = string.Empty, "empty or has surrounding whitespace");
        yield return Option("audience padded", "Audience", o => o.Audience = " community", "surrounding whitespace");
        yield return Option("audience control", "Audience", o => o.Audience = "comm\u0001unity", "U+0001");
        yield return Option("sso path empty", "SsoPath", o => o.SsoPath = string.Empty, "starts with '/'");
        yield return Option("sso path null", "SsoPath", o => o.SsoPath = null!, "starts with '/'");
        yield return Option("sso path relative", "SsoPath", o => o.SsoPath = "auth/sso", "starts with '/'");
        yield return Option("sso path double slash", "SsoPath", o => o.SsoPath = "//evil.example/sso", "empty segment");
        yield return Option("sso path trailing slash", "SsoPath", o => o.SsoPath = "/auth/sso/", "empty segment");
        yield return Option("sso path space", "SsoPath", o => o.SsoPath = "/auth sso", "only letters");
        yield return Option("sso path query", "SsoPath", o => o.SsoPath = "/auth/sso?x=1", "only letters");
        yield return Option("sso path dot-dot", "SsoPath", o => o.SsoPath = "/auth/../admin", "'..' segment");
        yield return Option("redirect parameter empty", "RedirectParameterName", o => o.RedirectParameterName = string.Empty, "1 to 64 characters");
        yield return Option("redirect parameter jwt", "RedirectParameterName", o => o.RedirectParameterName = "jwt", "carries the token");
        yield return Option("redirect parameter JWT", "RedirectParameterName", o => o.RedirectParameterName = "JWT", "is 'JWT', the parameter that carries the token");
        yield return Option("redirect parameter Token, token parameter token", "RedirectParameterName", o => { o.TokenParameterName = "token"; o.RedirectParameterName = "Token"; }, "carries the token");
        yield return Option("token parameter Redirect", "TokenParameterName", o => o.TokenParameterName = "Redirect", "is 'Redirect', a parameter that carries the redirect target");
        yield return Option("token parameter REDIRECT_URI", "TokenParameterName", o => o.TokenParameterName = "REDIRECT_URI", "carries the redirect target");
        yield return Option("redirect parameter space", "RedirectParameterName", o => o.RedirectParameterName = "re direct", "only letters");
        yield return Option("redirect parameter ampersand", "RedirectParameterName", o => o.RedirectParameterName = "a&b=c", "only letters");
    }

    [TestCaseSource(nameof(KeyCases))]
    public void Key_BreakingARule_ThrowsKeyExceptionWithTheFix(Func<object> act, string reason)
    {
        var exception = Catch<TribeSsoKeyException>(act);

        exception.Message.Should().Contain(reason).And.Contain("key").And.NotContain(TestKeys.Primary).And.NotContain(TestKeys.Short);
    }

    [TestCaseSource(nameof(ClaimCases))]
    public void Claim_BreakingARule_ThrowsClaimExceptionNamingTheClaim(string claim, Func<object> act, string reason, string? echoed)
    {
        var exception = Catch<TribeSsoClaimException>(act);

        exception.ClaimName.Should().Be(claim);
        exception.Message.Should().StartWith("Claim '" + claim + "' ").And.Contain(reason).And.EndWith(".").And.NotContain(TestKeys.Primary)
            .And.NotContain(Sentinel, "ids, names and profile text are personal data and stay out of exception messages");
        if (echoed is { Length: > 3 })
        {
            exception.Message.Should().NotContain(echoed, "personal data stays out of exception messages");
        }
    }

    [TestCaseSource(nameof(OptionCases))]
    public void Option_BreakingARule_ThrowsConfigurationExceptionNamingTheOption(string option, Action<TribeSsoOptions> change, string reason)
    {
        var options = Issuers.Options();
        change(options);

        var exception = Catch<TribeSsoConfigurationException>(() => new TribeSsoIssuer(options));

        exception.OptionName.Should().Be(option);
        exception.Message.Should().StartWith("Option '" + option + "' ").And.Contain(reason).And.NotContain(TestKeys.Primary);
    }

    [Test]
    public void Tables_CoverAtLeastSixtyRules()
    {
        var total = 0;
        foreach (var source in new[] { KeyCases(), ClaimCases(), OptionCases() })
        {
            foreach (var unused in source)
            {
                total++;
            }
        }

        total.Should().BeGreaterThanOrEqualTo(60);
    }

    private static IEnumerable<(string Label, string Email, string Reason)> BadEmails()
    {
        yield return ("empty", string.Empty, "is empty");
        yield return ("no at", "jane.example.com", "no '@'");
        yield return ("two ats", "jane@doe@example.com", "more than one '@'");
        yield return ("display name", "Jane Doe <jane@example.com>", "whitespace");
        yield return ("angle brackets", "<jane@example.com>", "needs quoting");
        yield return ("space in local part", "jane doe@example.com", "whitespace");
        yield return ("space in domain", "jane@exa mple.com", "whitespace");
        yield return ("no-break space", "jane\u00A0@example.com", "whitespace");
        yield return ("empty local part", "@example.com", "before '@' is empty");
        yield return ("empty domain", "jane@", "after '@' is empty");
        yield return ("single-label domain", "jane@example", "has no '.'");
        yield return ("leading dot", ".jane@example.com", "starts or ends with '.'");
        yield return ("trailing dot local", "jane.@example.com", "starts or ends with '.'");
        yield return ("double dot local", "jane..doe@example.com", "contains '..'");
        yield return ("double dot domain", "jane@example..com", "empty label");
        yield return ("leading dot domain", "jane@.example.com", "empty label");
        yield return ("trailing dot domain", "jane@example.com.", "empty label");
        yield return ("hyphen label start", "jane@-example.com", "starts or ends with '-'");
        yield return ("hyphen label end", "jane@example-.com", "starts or ends with '-'");
        yield return ("underscore domain", "jane@exa_mple.com", "not a letter, digit");
        yield return ("address literal", "jane@[192.0.2.1]", "not a letter, digit");
        yield return ("ip address", "jane@192.0.2.1", "ends in a number");
        yield return ("quoted local part", "\"jane\"@example.com", "needs quoting");
        yield return ("comma", "jane,doe@example.com", "needs quoting");
        yield return ("colon", "mailto:jane@example.com", "needs quoting");
        yield return ("local part 65", new string('j', 65) + "@example.com", "longer than 64");
        yield return ("label 64", "jane@" + new string('e', 64) + ".com", "longer than 63");
        yield return ("address 255", new string('j', 60) + "@" + new string('e', 60) + "." + new string('e', 60) + "." + new string('e', 60) + "." + new string('e', 9) + ".com", "at most 254");
        yield return ("trailing newline", "jane@example.com\n", "U+000A");
        yield return ("lone surrogate", "jane\uD800@example.com", "unpaired UTF-16 surrogate");
    }

    private static TribeSsoUserBuilder Builder() => TribeSsoUser.Create(Id, Name, Email);

    private static TribeSsoUserBuilder User(string id = Id, string name = Name, string email = Email) => TribeSsoUser.Create(id, name, email);

    private static TestCaseData Key(string label, Func<object> act, string reason)
        => new TestCaseData(act, reason).SetName("Key: " + label);

    private static TestCaseData Claim(string label, string claim, Func<object> act, string reason, string? echoed = null)
        => new TestCaseData(claim, act, reason, echoed).SetName("Claim " + claim + ": " + label);

    private static TestCaseData Option(string label, string option, Action<TribeSsoOptions> change, string reason)
        => new TestCaseData(option, change, reason).SetName("Option " + option + ": " + label);

    private static T Catch<T>(Func<object> act)
        where T : Exception
    {
        try
        {
            act();
        }
        catch (T expected)
        {
            return expected;
        }

        Assert.Fail("Expected " + typeof(T).Name + " but nothing was thrown.");
        throw new InvalidOperationException();
    }
}
