using System;
using System.Linq;
using System.Text.Json.Nodes;
using CsCheck;
using Tribe.Sso.Tests.Issuing;

namespace Tribe.Sso.Tests.Interop;

/// <summary>Tokens from the SDK verify and decode identically in Node's jsonwebtoken (Tribe's own sample library) and jose.</summary>
public class NodeInteropTests
{
    [Test]
    public void GoldenTokens_VerifyInJsonwebtokenAndJose_WithIdenticalClaims()
    {
        var results = NodeInterop.Verify(TestKeys.Primary, TestClock.UnixSeconds, GoldenVectors.MinimalToken, GoldenVectors.FullToken);

        foreach (var (result, token) in results.Zip(new[] { GoldenVectors.MinimalToken, GoldenVectors.FullToken }))
        {
            foreach (var library in new[] { "jsonwebtoken", "jose" })
            {
                result![library]!["ok"]!.GetValue<bool>().Should().BeTrue(result[library]!["error"]?.ToString());
                JsonNode.DeepEquals(result[library]!["payload"], JsonNode.Parse(Jwt.PayloadJson(token))).Should().BeTrue(library + " decodes the same claims");
            }
        }
    }

    [Test]
    public void RandomUsers_VerifyInBothLibraries_AndEveryClaimRoundTrips()
    {
        var issuer = Issuers.AtFixedClock();
        var texts = Gen.OneOf("Jane", "\"", "\\", "</script>", "\",\"role\":\"admin", "😀", "שלום", "مرحبا", "漢字", " ", "é", "'")
            .Array[1, 10].Select(p => string.Concat(p)).Where(s => s.Trim().Length > 0);
        var users = Gen.Select(texts, texts, Gen.Int[0, 999], (name, bio, n) =>
            TribeSsoUser.Create("id-" + n + name, name, "user" + n + "@example.com").WithBio(bio).WithLocale("fr-CA")
                .AddToGroups(TribeGroup.Joined("g" + n)).Build());
        var sample = users.Array[120].Single();
        var tokens = sample.Select(issuer.CreateToken).ToArray();

        var results = NodeInterop.Verify(TestKeys.Primary, TestClock.UnixSeconds, tokens);

        for (var i = 0; i < tokens.Length; i++)
        {
            foreach (var library in new[] { "jsonwebtoken", "jose" })
            {
                var result = results[i]![library]!;
                result["ok"]!.GetValue<bool>().Should().BeTrue(result["error"]?.ToString());
                result["payload"]!["name"]!.GetValue<string>().Should().Be(sample[i].Name);
                result["payload"]!["bio"]!.GetValue<string>().Should().Be(sample[i].Profile.Bio);
                result["payload"]!["sub"]!.GetValue<string>().Should().Be(sample[i].Id);
                result["payload"]!["groupsOperation"]!.GetValue<string>().Should().Be("add");
            }
        }
    }

    [Test]
    public void ShortCommunityKey_VerifiesInBothLibrariesWithTheOriginalShortKey()
    {
        var options = Issuers.Options();
        options.PrivateKey = TribeSsoKey.FromShortCommunityKey(TestKeys.Short);
        var token = Issuers.AtFixedClock(options).CreateToken(Issuers.Jane());

        var result = NodeInterop.Verify(TestKeys.Short, TestClock.UnixSeconds, token)[0]!;

        result["jsonwebtoken"]!["ok"]!.GetValue<bool>().Should().BeTrue(result["jsonwebtoken"]!["error"]?.ToString());
        result["jose"]!["ok"]!.GetValue<bool>().Should().BeTrue(result["jose"]!["error"]?.ToString());
    }

    [Test]
    public void WrongKeyAndExpiry_AreRejectedByBothLibraries()
    {
        var token = Issuers.AtFixedClock().CreateToken(Issuers.Jane());

        var wrongKey = NodeInterop.Verify(TestKeys.Other, TestClock.UnixSeconds, token)[0]!;
        var expired = NodeInterop.Verify(TestKeys.Primary, TestClock.UnixSeconds + 61, token)[0]!;

        foreach (var library in new[] { "jsonwebtoken", "jose" })
        {
            wrongKey[library]!["ok"]!.GetValue<bool>().Should().BeFalse();
            expired[library]!["ok"]!.GetValue<bool>().Should().BeFalse();
            expired[library]!["error"]!.GetValue<string>().Should().MatchRegex("(?i)expired|exp");
        }
    }
}
