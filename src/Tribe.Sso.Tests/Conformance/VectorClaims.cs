using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace Tribe.Sso.Tests.Conformance;

/// <summary>
/// Turns a conformance vector's claims object into the SDK calls a partner would make: the user builder for the user's
/// claims, the issuer options for <c>aud</c> and the lifetime. Shared by the generator (eng/ConformanceGenerator) and the
/// tests that read the vectors back, so both speak of a vector in the same way.
/// </summary>
/// <remarks>
/// The SDK's role and group role are enums, so a role name it does not know becomes an undefined enum value, which the
/// SDK refuses as an SDK in another language refuses the unknown name.
/// </remarks>
internal static class VectorClaims
{
    public const string DefaultCommunity = "https://community.example.com";

    public static TribeSsoUser User(JsonObject claims)
    {
        var builder = TribeSsoUser.Create(Text(claims, "sub")!, Text(claims, "name")!, Text(claims, "email")!);
        if (Text(claims, "role") is { } role)
        {
            builder = builder.WithRole(role switch
            {
                "member" => TribeRole.Member,
                "moderator" => TribeRole.Moderator,
                "admin" => TribeRole.Admin,
                _ => (TribeRole)int.MaxValue,
            });
        }

        if (Text(claims, "picture") is { } picture)
        {
            builder = builder.WithPicture(new Uri(picture, UriKind.RelativeOrAbsolute));
        }

        builder = Optional(claims, "source", builder, (b, v) => b.WithSource(v));
        builder = Optional(claims, "title", builder, (b, v) => b.WithTitle(v));
        builder = Optional(claims, "bio", builder, (b, v) => b.WithBio(v));
        builder = Optional(claims, "locale", builder, (b, v) => b.WithLocale(v));
        builder = Optional(claims, "tagline", builder, (b, v) => b.WithTagline(v));
        if (claims["groups"] is JsonArray groups)
        {
            var entries = groups.Select(Group).ToArray();
            builder = Text(claims, "groupsOperation") == "add" ? builder.AddToGroups(entries)
                : entries.Length == 0 ? builder.RemoveFromAllGroups()
                : builder.ReplaceGroups(entries);
        }

        return builder.Build();
    }

    /// <summary>Options for a vector: the community and link shape of <paramref name="link"/> (when there is one), its <c>aud</c> and lifetime.</summary>
    public static TribeSsoOptions Options(string key, JsonObject claims, JsonObject? link)
    {
        var options = new TribeSsoOptions
        {
            CommunityUrl = new Uri(link is null ? DefaultCommunity : Text(link, "community")!),
            PrivateKey = TribeSsoKey.FromString(key),
            Audience = Text(claims, "aud"),

            // The vectors describe what the community reads, and it reads role admin: signing one is the partner's choice.
            AllowAdminRole = true,
        };
        if (claims["iat"] is JsonValue iat && claims["exp"] is JsonValue exp)
        {
            options.TokenLifetime = TimeSpan.FromSeconds(exp.GetValue<long>() - iat.GetValue<long>());
        }

        if (link is not null)
        {
            options.SsoPath = Text(link, "ssoPath")!;
            options.RedirectParameterName = Text(link, "redirectParameter")!;
        }

        return options;
    }

    /// <summary>The claim (or the option's claim, <c>aud</c>) that the SDK refuses in these claims, or null when it signs them.</summary>
    public static string? RefusedField(string key, JsonObject claims)
    {
        try
        {
            var options = Options(key, claims, link: null);
            var issuer = new TribeSsoIssuer(options, new FixedClock(1_767_225_600));
            issuer.CreateLoginUrl(User(claims), "/");
            return null;
        }
        catch (TribeSsoClaimException e)
        {
            return e.ClaimName;
        }
        catch (TribeSsoConfigurationException e) when (e.OptionName == nameof(TribeSsoOptions.Audience))
        {
            return "aud";
        }
    }

    private static TribeGroup Group(JsonNode? entry)
    {
        if (entry is JsonValue id)
        {
            return TribeGroup.FromId(id.GetValue<string>());
        }

        var group = (JsonObject)entry!;
        var role = Text(group, "role") switch
        {
            "member" => TribeGroupRole.Member,
            "admin" => TribeGroupRole.Admin,
            _ => (TribeGroupRole)int.MaxValue,
        };
        return Text(group, "status") switch
        {
            "joined" => TribeGroup.Joined(Text(group, "group")!, role),
            "unapproved" => TribeGroup.Unapproved(Text(group, "group")!, role),
            var status => throw new ArgumentException("A group status the SDK cannot express: " + status, nameof(entry)),
        };
    }

    private static TribeSsoUserBuilder Optional(JsonObject claims, string name, TribeSsoUserBuilder builder, Func<TribeSsoUserBuilder, string, TribeSsoUserBuilder> with)
        => Text(claims, name) is { } value ? with(builder, value) : builder;

    private static string? Text(JsonObject node, string name) => node[name] is JsonValue value ? value.GetValue<string>() : null;
}

/// <summary>A clock stopped at one NumericDate: a vector is signed, and re-signed, at its <c>iat</c>.</summary>
internal sealed class FixedClock : TimeProvider
{
    private readonly DateTimeOffset _now;

    public FixedClock(long unixSeconds) => _now = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

    public override DateTimeOffset GetUtcNow() => _now;

    public override string ToString() => _now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
