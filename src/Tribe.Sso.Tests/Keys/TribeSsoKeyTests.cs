using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Tribe.Sso.Tests.Keys;

public class TribeSsoKeyTests
{
    [Test]
    public void FromString_KeyOf32Bytes_IsAccepted()
    {
        var key = TribeSsoKey.FromString(new string('k', 32));

        key.IsShortCommunityKey.Should().BeFalse();
    }

    [Test]
    public void FromString_KeyOf31Bytes_ExplainsTheRuleAndTheFix()
    {
        var act = () => TribeSsoKey.FromString(new string('k', 31));

        act.Should().Throw<TribeSsoKeyException>().WithMessage(
            "The SSO private key is 31 UTF-8 bytes long; HS256 requires at least 32 bytes (256 bits, RFC 7518 §3.2). " +
            "Copy the whole key from the community's \"JWT SSO\" app. If the community really issued a shorter key, " +
            "opt in with TribeSsoKey.FromShortCommunityKey(...) and ask the community admin to generate a longer one.");
    }

    [Test]
    public void FromString_CountsUtf8BytesNotCharacters()
    {
        // 16 characters of 2 UTF-8 bytes each: 32 bytes, as every Tribe sample (getBytes("UTF-8")) would see it.
        var key = TribeSsoKey.FromString(new string('é', 16));

        key.IsShortCommunityKey.Should().BeFalse();
    }

    [TestCase(" " + TestKeys.Primary)]
    [TestCase(TestKeys.Primary + "\n")]
    [TestCase(TestKeys.Primary + "\r\n")]
    [TestCase("\t" + TestKeys.Primary)]
    public void FromString_SurroundingWhitespace_IsRefusedAsCopyPasteAccident(string key)
    {
        var act = () => TribeSsoKey.FromString(key);

        act.Should().Throw<TribeSsoKeyException>()
            .Which.Message.Should().Contain("copy/paste accident").And.NotContain(TestKeys.Primary);
    }

    [Test]
    public void FromString_Null_ThrowsArgumentNull()
    {
        var act = () => TribeSsoKey.FromString(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("key");
    }

    [Test]
    public void FromBytes_CopiesTheInput()
    {
        var bytes = TestKeys.Bytes(TestKeys.Primary);
        var fromBytes = new TribeSsoIssuer(new TribeSsoOptions { CommunityUrl = Issuers.Community, PrivateKey = TribeSsoKey.FromBytes(bytes) }, TestClock.Create());
        Array.Clear(bytes, 0, bytes.Length);

        var token = fromBytes.CreateToken(Issuers.Jane());

        token.Should().Be(Issuers.AtFixedClock().CreateToken(Issuers.Jane()));
    }

    [Test]
    public void ToString_NeverShowsKeyMaterial()
    {
        var key = TribeSsoKey.FromString(TestKeys.Primary);

        key.ToString().Should().Be("TribeSsoKey (hidden)");
    }

    [Test]
    public void SerializingOptions_DoesNotWriteTheKey()
    {
        var options = Issuers.Options();

        var json = JsonSerializer.Serialize(options);

        json.Should().NotContain("SENTINEL").And.NotContain(Convert.ToBase64String(TestKeys.Bytes(TestKeys.Primary)));
        options.ToString().Should().Contain("PrivateKey = (hidden)").And.NotContain("SENTINEL");
    }

    [Test]
    public void DebuggerDisplay_UsesTheRedactedText()
    {
        var attribute = (System.Diagnostics.DebuggerDisplayAttribute)Attribute.GetCustomAttribute(typeof(TribeSsoKey), typeof(System.Diagnostics.DebuggerDisplayAttribute))!;

        attribute.Value.Should().Be("{ToString(),nq}");
        typeof(TribeSsoKey).GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)
            .Should().OnlyContain(f => f.FieldType != typeof(byte[]) || f.GetCustomAttributes(typeof(System.Diagnostics.DebuggerBrowsableAttribute), false).Length == 1);
    }

    [Test]
    public void FromShortCommunityKey_SignsExactlyAsHmacWithTheOriginalShortKey()
    {
        var options = Issuers.Options();
        options.PrivateKey = TribeSsoKey.FromShortCommunityKey(TestKeys.Short);
        var token = new TribeSsoIssuer(options, TestClock.Create()).CreateToken(Issuers.Jane());

        // An independent verifier: the BCL's HMAC-SHA-256 over the original 20-byte key, no padding.
        var segments = Jwt.Segments(token);
        using var hmac = new HMACSHA256(TestKeys.Bytes(TestKeys.Short));
        var expected = hmac.ComputeHash(Encoding.ASCII.GetBytes(segments[0] + "." + segments[1]));

        options.PrivateKey.IsShortCommunityKey.Should().BeTrue();
        segments[2].Should().Be(Jwt.Base64UrlEncode(expected));
    }

    [Test]
    public void FromShortCommunityKey_KeyOf32BytesOrMore_IsAnOrdinaryKey()
    {
        TribeSsoKey.FromShortCommunityKey(TestKeys.Primary).IsShortCommunityKey.Should().BeFalse();
    }
}
