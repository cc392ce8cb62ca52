using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;

namespace Tribe.Sso.Cli;

/// <summary>The user and token options that <c>token</c> and <c>link</c> share.</summary>
internal sealed class ClaimOptions
{
    private static readonly int DefaultLifetime = (int)TribeSsoOptions.DefaultTokenLifetime.TotalSeconds;
    private static readonly int MaxLifetime = (int)TribeSsoOptions.MaximumTokenLifetime.TotalSeconds;

    public Option<string> Sub { get; } = new("--sub") { Description = "The user's id on your site (sub, stored as externalId).", Required = true };

    public Option<string> Name { get; } = new("--name") { Description = "The display name.", Required = true };

    public Option<string> Email { get; } = new("--email") { Description = "The verified email address, sent exactly as given.", Required = true };

    public Option<string?> Role { get; } = new("--role") { Description = "member|moderator|admin." };

    public Option<string?> Picture { get; } = new("--picture") { Description = "Absolute http(s) URL of the profile picture." };

    public Option<string?> Title { get; } = new("--title") { Description = "Profile title." };

    public Option<string?> Bio { get; } = new("--bio") { Description = "Short description; simple HTML is passed through." };

    public Option<string?> Locale { get; } = new("--locale") { Description = "BCP 47 tag such as en or fr-CA." };

    public Option<string?> Source { get; } = new("--source") { Description = "Marketing source, like utm_source." };

    public Option<string?> Tagline { get; } = new("--tagline") { Description = "Tagline." };

    public Option<string?> Audience { get; } = new("--audience") { Description = "The aud claim." };

    public Option<string[]> Groups { get; } = new("--group") { Description = "ID[:ROLE[:STATUS]], repeatable. ROLE member|admin, STATUS joined|unapproved.", AllowMultipleArgumentsPerToken = false };

    public Option<string?> GroupsOperation { get; } = new("--groups-operation") { Description = "replace (default: the user's groups become these) or add." };

    public Option<int?> Lifetime { get; } = WholeNumberOption.Int32(
        "--lifetime",
        string.Format(CultureInfo.InvariantCulture, "Token lifetime in seconds, 1 to {0}. Default {1}.", MaxLifetime, DefaultLifetime),
        string.Format(CultureInfo.InvariantCulture, "the token lifetime in seconds, 1 to {0}, such as {1}", MaxLifetime, DefaultLifetime));

    public Option<long?> IssuedAt { get; } = WholeNumberOption.Int64("--issued-at", "iat as Unix seconds (default: now), for reproducible tokens.", "Unix seconds, such as 1767225600");

    public Option<bool> AllowShortKey { get; } = new("--allow-short-key") { Description = "Accept a key shorter than 32 bytes (signs exactly as HMAC with the short key)." };

    public Option<bool> AllowAdminRole { get; } = new("--allow-admin-role") { Description = "Sign --role admin, which makes the holder a community admin (refused without this option)." };

    /// <summary>Adds every claim, lifetime and key option to <paramref name="command"/> (<c>token</c> and <c>link</c> share them).</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Sub, Name, Email, Role, Picture, Title, Bio, Locale, Source, Tagline, Audience, Groups, GroupsOperation, Lifetime, IssuedAt, KeySource.KeyFile, AllowShortKey, AllowAdminRole })
        {
            command.Add(option);
        }
    }

    public TribeSsoUser BuildUser(ParseResult parse)
    {
        try
        {
            var groups = (parse.GetValue(Groups) ?? Array.Empty<string>()).Select(ParseGroup).ToArray();
            var operation = parse.GetValue(GroupsOperation);
            if (operation is not null && operation is not ("replace" or "add"))
            {
                throw new CliException("--groups-operation", "'" + operation + "' is not replace or add.");
            }

            if (groups.Length == 0 && operation is not null)
            {
                throw new CliException("--groups-operation", "needs at least one --group.");
            }

            // Each text claim's option is named after the claim (OptionFor), so the shared mapping asks for it by name.
            return UserClaims.Build(
                parse.GetValue(Sub)!,
                parse.GetValue(Name)!,
                parse.GetValue(Email)!,
                parse.GetValue(Role) is { } role ? ParseRole(role) : null,
                parse.GetValue(Picture) is { } picture ? ParsePicture(picture) : null,
                claim => parse.GetValue<string?>(OptionFor(claim)),
                groups.Length == 0 ? null : groups,
                operation == "add" ? TribeGroupsOperation.Add : TribeGroupsOperation.Replace);
        }
        catch (TribeSsoClaimException e)
        {
            throw new CliException(OptionFor(e.ClaimName), e.Message);
        }
    }

    public TribeSsoOptions BuildOptions(ParseResult parse, Uri community)
    {
        var options = new TribeSsoOptions
        {
            CommunityUrl = community,
            PrivateKey = KeySource.ForSigning(parse, parse.GetValue(AllowShortKey)),
            Audience = parse.GetValue(Audience),
            AllowAdminRole = parse.GetValue(AllowAdminRole),
        };
        if (parse.GetValue(Lifetime) is { } seconds)
        {
            // Checked here rather than by the issuer: a value beyond int arrives clamped, and must not be shown as such.
            options.TokenLifetime = seconds is >= 1 && seconds <= MaxLifetime
                ? TimeSpan.FromSeconds(seconds)
                : throw new CliException("--lifetime", string.Format(CultureInfo.InvariantCulture, "is outside 1 to {0} seconds: tokens travel in URLs that leak into logs and browser history. Keep the default of {1} unless clocks are far apart.", MaxLifetime, DefaultLifetime));
        }

        return options;
    }

    /// <summary>The clock of <c>iat</c>: <c>--issued-at</c>, early enough that <c>exp</c> still falls before the year 10000, or now.</summary>
    public TimeProvider Clock(ParseResult parse) => parse.GetValue(IssuedAt) is { } issuedAt
        ? new FixedTimeProvider(UnixTime.Parse("--issued-at", issuedAt, latest: UnixTime.Max - Math.Clamp(parse.GetValue(Lifetime) ?? DefaultLifetime, 0, MaxLifetime)))
        : TimeProvider.System;

    /// <summary>The issuer of <c>token</c> and <c>link</c>: these options, the SSO path and redirect parameter when given, and <see cref="Clock"/>.</summary>
    public TribeSsoIssuer CreateIssuer(ParseResult parse, Uri community, string? ssoPath, string? redirectParameter)
    {
        var options = BuildOptions(parse, community);
        options.SsoPath = ssoPath ?? options.SsoPath;
        options.RedirectParameterName = redirectParameter ?? options.RedirectParameterName;
        try
        {
            return new TribeSsoIssuer(options, Clock(parse));
        }
        catch (TribeSsoConfigurationException e)
        {
            throw new CliException(OptionFor(e.OptionName), e.Message);
        }
    }

    /// <summary>
    /// The one-line error for a claim the issuer refused; an admin role refused for want of <c>--allow-admin-role</c> gets the
    /// CLI's own fix rather than the library's option name.
    /// </summary>
    public static CliException Refused(TribeSsoClaimException e, TribeSsoUser user) => e.ClaimName == ClaimNames.Role && user.Role == TribeRole.Admin
        ? new CliException("--role", "admin makes the holder a community admin, so it is signed only on request. Pass --allow-admin-role if you really mean an admin token; otherwise use --role moderator or --role member.")
        : new CliException(OptionFor(e.ClaimName), e.Message);

    public static string OptionFor(string claimOrOption) => claimOrOption switch
    {
        ClaimNames.Subject => "--sub",
        ClaimNames.Groups or ClaimNames.GroupsOperation => "--group",
        ClaimNames.Audience or nameof(TribeSsoOptions.Audience) => "--audience",
        nameof(TribeSsoOptions.CommunityUrl) => "--community",
        nameof(TribeSsoOptions.TokenLifetime) => "--lifetime",
        nameof(TribeSsoOptions.SsoPath) => "--sso-path",
        nameof(TribeSsoOptions.RedirectParameterName) => "--redirect-parameter",
        nameof(TribeSsoOptions.PrivateKey) => KeySource.EnvironmentVariable,
        _ => "--" + claimOrOption,
    };

    private static TribeRole ParseRole(string role) => ClaimValues.TryParseRole(role, out var parsed)
        ? parsed
        : throw new CliException("--role", "'" + role + "' is not member, moderator or admin.");

    private static Uri ParsePicture(string picture) => Uri.TryCreate(picture, UriKind.Absolute, out var uri)
        ? uri
        : throw new CliException("--picture", "is not an absolute URL. Pass an http or https URL such as https://cdn.example.com/jane.png.");

    private static TribeGroup ParseGroup(string value)
    {
        var parts = value.Split(':');
        if (parts.Length > 3)
        {
            throw new CliException("--group", "'" + value + "' has more than ID:ROLE:STATUS.");
        }

        if (parts.Length == 1)
        {
            return UserClaims.Group(parts[0], role: null, TribeGroupStatus.Joined);
        }

        if (!ClaimValues.TryParseGroupRole(parts[1], out var role))
        {
            throw new CliException("--group", "role '" + parts[1] + "' is not member or admin (ID:ROLE:STATUS).");
        }

        var status = TribeGroupStatus.Joined;
        if (parts.Length == 3 && !ClaimValues.TryParseGroupStatus(parts[2], out status))
        {
            throw new CliException("--group", "status '" + parts[2] + "' is not joined or unapproved (ID:ROLE:STATUS).");
        }

        return UserClaims.Group(parts[0], role, status);
    }
}
