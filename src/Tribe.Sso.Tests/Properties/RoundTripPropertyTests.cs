using System;
using System.Linq;
using CsCheck;

namespace Tribe.Sso.Tests.Properties;

/// <summary>For random users, full of text that breaks naive encoders, the token verifies and every claim round-trips exactly.</summary>
public class RoundTripPropertyTests
{
    /// <summary>Pieces chosen to break naive JSON and URL handling: quotes, backslashes, script tags, injection, emoji, RTL, CJK.</summary>
    private static readonly string[] Atoms =
    {
        "a", "Z", "0", " ", "\"", "\\", "'", "/", "</script>", "\",\"role\":\"admin", "&", "+", "%", "=", "?", "#",
        "😀", "👩‍💻", "🇨🇦", "שלום", "مرحبا", "\u200F", "漢字", "é", "ß", "Ω", "\u00A0", "{", "}", "[", "]", ":", ",",
        "\\u0000", "null", "true",
    };

    private static readonly Gen<string> Text = Gen.Int[1, 12].SelectMany(n => Gen.OneOf(Atoms).Array[n])
        .Select(parts => string.Concat(parts))
        .Where(s => s.Trim().Length > 0);

    /// <summary>An id is an identifier: no invisible or direction-changing character (RLM, the ZWJ inside 👩‍💻), which display text may hold.</summary>
    private static readonly Gen<string> Id = Text.Where(s => s.Length <= 255 && !s.Contains('\u200F', StringComparison.Ordinal) && !s.Contains('\u200D', StringComparison.Ordinal));

    private static readonly Gen<string> LocalPart = Gen.OneOf("jane", "o'brien", "a+b", "x_y", "josé", "漢字", "a.b", "_", "1")
        .Array[1, 3].Select(p => string.Join(".", p));

    private static readonly Gen<string> Domain = Gen.OneOf("example", "xn--bcher-kva", "exämple", "sub-1", "a")
        .Array[1, 3].Select(p => string.Join(".", p) + ".com");

    private static readonly Gen<string> Email = Gen.Select(LocalPart, Domain, (l, d) => l + "@" + d);

    private static readonly Gen<TribeSsoUser> Users =
        Gen.Select(Id, Text, Email, Gen.Int[0, 3], Text.Null(), Text.Null(), Gen.Int[0, 2])
            .Select(t =>
            {
                var (id, name, email, role, title, bio, groups) = t;
                var builder = TribeSsoUser.Create(id, name, email);
                builder = role == 3 ? builder : builder.WithRole((TribeRole)role);
                builder = title is null ? builder : builder.WithTitle(title);
                builder = bio is null ? builder : builder.WithBio(bio + "\n<p>end</p>");
                builder = groups switch
                {
                    1 => builder.ReplaceGroups(TribeGroup.FromId("g-" + id.Length), TribeGroup.Joined("h" + name.Length, TribeGroupRole.Admin)),
                    2 => builder.AddToGroups(TribeGroup.Unapproved("u" + email.Length)),
                    _ => builder,
                };
                return builder.WithPicture(new Uri("https://cdn.example.com/" + Uri.EscapeDataString(name) + ".png")).Build();
            });

    [Test]
    public void AnyUser_TokenVerifiesWithJsonWebTokenHandler_AndEveryClaimRoundTrips()
    {
        var issuer = new TribeSsoIssuer(Issuers.AdminAllowed());

        Users.Sample(
            user =>
            {
                var token = issuer.CreateToken(user);

                var result = IndependentVerifier.ValidateAsync(token, TestKeys.Primary).GetAwaiter().GetResult();
                result.IsValid.Should().BeTrue(result.Exception?.Message);
                var payload = Jwt.Payload(token);
                payload.GetProperty("sub").GetString().Should().Be(user.Id);
                payload.GetProperty("name").GetString().Should().Be(user.Name);
                payload.GetProperty("email").GetString().Should().Be(user.Email);
                result.Claims["name"].Should().Be(user.Name, "JsonWebTokenHandler reads the same name");
                (payload.TryGetProperty("title", out var title) ? title.GetString() : null).Should().Be(user.Profile.Title);
                (payload.TryGetProperty("bio", out var bio) ? bio.GetString() : null).Should().Be(user.Profile.Bio);
                payload.GetProperty("picture").GetString().Should().Be(user.Profile.Picture!.AbsoluteUri);
                payload.EnumerateObject().Select(p => p.Name).Should().OnlyHaveUniqueItems();
                payload.GetProperty("exp").GetInt64().Should().Be(payload.GetProperty("iat").GetInt64() + 60);
                if (user.Groups is null)
                {
                    payload.TryGetProperty("groups", out _).Should().BeFalse();
                }
                else
                {
                    payload.GetProperty("groups").GetArrayLength().Should().Be(user.Groups.Count);
                }
            },
            iter: 300);
    }

    [Test]
    public void AnyUserAndRedirect_LoginUrlCarriesTheSameTokenAndTarget()
    {
        var issuer = Issuers.AtFixedClock(Issuers.AdminAllowed());
        var targets = Gen.OneOf("/a", "/ü", "/q?x=1&y=2", "/p#f", "/%25", "/漢字?q=😀", "/a/b/c")
            .Array[1, 3].Select(parts => string.Concat(parts));

        Gen.Select(Users, targets, (user, target) => (User: user, Target: target)).Sample(
            pair =>
            {
                var (user, target) = pair;
                var link = issuer.CreateLoginUrl(user, target);
                var query = link.ToUri().Query.TrimStart('?').Split('&');

                query.Should().HaveCount(2);
                query[0].Should().Be("jwt=" + issuer.CreateToken(user));
                Uri.UnescapeDataString(query[1]["redirect=".Length..]).Should().Be(target);
                link.ToUri().Fragment.Should().BeEmpty();
                link.AbsoluteUri.Should().MatchRegex("^[\\x21-\\x7E]+$", "the link is printable ASCII");
            },
            iter: 200);
    }
}
