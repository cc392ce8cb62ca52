using System;

namespace Tribe.Sso;

/// <summary>The one place where <see cref="TribeSsoOptions"/> rules live.</summary>
internal static class OptionRules
{
    public static void Validate(TribeSsoOptions options)
    {
        Guard.NotNull(options, nameof(options));
        CommunityUrl(options.CommunityUrl);
        if (options.PrivateKey is null)
        {
            throw Fail(nameof(TribeSsoOptions.PrivateKey), "is not set. Set it to TribeSsoKey.FromString(...) with the key of the community's \"JWT SSO\" app, loaded from configuration or a secret store");
        }

        TokenLifetime(options.TokenLifetime);
        Audience(options.Audience);
        SsoPath(options.SsoPath);
        TokenParameterName(options.TokenParameterName);
        RedirectParameterName(options.RedirectParameterName, options.TokenParameterName);
    }

    private static void CommunityUrl(Uri? url)
    {
        const string Name = nameof(TribeSsoOptions.CommunityUrl);
        if (url is null)
        {
            throw Fail(Name, "is not set. Set it to your community's address, such as https://community.example.com");
        }

        if (!url.IsAbsoluteUri)
        {
            throw Fail(Name, "is a relative URL. Use the community's absolute address, such as https://community.example.com");
        }

        var isLocal = url.Host is "localhost" or "127.0.0.1" or "[::1]";
        if (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && isLocal))
        {
            throw Fail(Name, "uses the scheme '" + url.Scheme + "'; tokens may only travel over https (plain http is accepted for localhost, 127.0.0.1 and [::1]). Use the community's https address");
        }

        if (url.UserInfo.Length > 0)
        {
            throw Fail(Name, "contains user info (user:password@). Remove it; the SSO link must not carry credentials");
        }

        if (url.Query.Length > 0 || url.Fragment.Length > 0 || url.OriginalString.Contains('?') || url.OriginalString.Contains('#'))
        {
            throw Fail(Name, "has a query or fragment. Use only the community's address and optional base path, such as https://example.com/community");
        }

        foreach (var c in UrlText.CommunityBase(url))
        {
            if (c > 0x7F)
            {
                throw Fail(Name, "has a host that has no ASCII (punycode) form, and a link can carry nothing else. Use the community's address as its admin panel shows it");
            }
        }
    }

    private static void TokenLifetime(TimeSpan lifetime)
    {
        const string Name = nameof(TribeSsoOptions.TokenLifetime);
        if (lifetime < TimeSpan.FromSeconds(1) || lifetime > TribeSsoOptions.MaximumTokenLifetime)
        {
            throw Fail(Name, TextRules.Invariant($"is {lifetime}; it must be from 1 second to 10 minutes, because tokens travel in URLs that leak into logs and browser history. Keep the default of 60 seconds unless clocks are far apart"));
        }

        if (lifetime.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw Fail(Name, TextRules.Invariant($"is {lifetime}, which is not a whole number of seconds; exp is written in whole seconds. Use TimeSpan.FromSeconds with an integer"));
        }
    }

    private static void Audience(string? audience)
    {
        const string Name = nameof(TribeSsoOptions.Audience);
        if (audience is null)
        {
            return;
        }

        if (audience.Trim().Length == 0 || audience.Trim().Length != audience.Length)
        {
            throw Fail(Name, "is empty or has surrounding whitespace. Set it to the audience the community expects, or leave it null to omit the aud claim");
        }

        var forbidden = TextRules.FindForbiddenCharacter(audience, allowLineBreaks: false);
        if (forbidden is not null)
        {
            throw Fail(Name, "contains " + forbidden);
        }
    }

    private static void SsoPath(string? path)
    {
        const string Name = nameof(TribeSsoOptions.SsoPath);
        const string Fix = "Use a path such as /auth/sso (the default) or /api/auth/sso";
        if (path is null || path.Length < 2 || path[0] != '/')
        {
            throw Fail(Name, "must be a path that starts with '/'. " + Fix);
        }

        if (path.Contains("//", StringComparison.Ordinal) || path.EndsWith('/'))
        {
            throw Fail(Name, "contains an empty segment ('//' or a trailing '/'). " + Fix);
        }

        foreach (var c in path)
        {
            if (!TextRules.IsAsciiLetterOrDigit(c) && c != '/' && c != '-' && c != '_' && c != '.' && c != '~')
            {
                throw Fail(Name, "may contain only letters, digits, '/', '-', '_', '.' and '~'. " + Fix);
            }
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment is "." or "..")
            {
                throw Fail(Name, "contains a '.' or '..' segment. " + Fix);
            }
        }
    }

    private static void TokenParameterName(string? name)
    {
        const string Name = nameof(TribeSsoOptions.TokenParameterName);
        const string Fix = "Use jwt (the default), or token or ssoToken if your community reads that name";
        ParameterName(Name, name, Fix);
        foreach (var redirect in LinkFormat.RedirectParameters)
        {
            // The reader, like the community, matches parameter names ignoring case: "Redirect" is the redirect parameter too.
            if (string.Equals(name, redirect, StringComparison.OrdinalIgnoreCase))
            {
                throw Fail(Name, "is '" + name + "', a parameter that carries the redirect target. " + Fix);
            }
        }
    }

    private static void RedirectParameterName(string? name, string tokenParameterName)
    {
        const string Name = nameof(TribeSsoOptions.RedirectParameterName);
        const string Fix = "Use redirect (the default) or redirect_uri";
        ParameterName(Name, name, Fix);
        if (string.Equals(name, tokenParameterName, StringComparison.OrdinalIgnoreCase))
        {
            throw Fail(Name, "is '" + name + "', the parameter that carries the token. " + Fix);
        }
    }

    private static void ParameterName(string option, string? name, string fix)
    {
        if (name is null || name.Length == 0 || name.Length > UrlText.MaxTokenLength)
        {
            throw Fail(option, "must be 1 to 64 characters. " + fix);
        }

        if (!UrlText.IsToken(name))
        {
            throw Fail(option, "may contain only letters, digits, '_', '-' and '.'. " + fix);
        }
    }

    private static TribeSsoConfigurationException Fail(string option, string ruleAndFix)
        => new(option, "Option '" + option + "' " + ruleAndFix + ".");
}
