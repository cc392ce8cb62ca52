using System;

namespace Tribe.Sso.AspNetCore;

/// <summary>
/// The options of one community, as ASP.NET Core binds them from configuration (<c>appsettings.json</c>, user secrets,
/// environment variables such as <c>TribeSso__PrivateKey</c>, a secret store) or sets them in code. Validated when the
/// application starts. They become the <see cref="TribeSsoOptions"/> of the community's <see cref="TribeSsoIssuer"/>;
/// the key is a string here because configuration holds strings.
/// </summary>
public sealed class TribeSsoCommunityOptions
{
    /// <summary>The default configuration section: <c>TribeSso</c>.</summary>
    public const string DefaultSectionName = "TribeSso";

    /// <summary>Gets or sets the community's address, such as <c>https://community.example.com</c>. Required.</summary>
    public Uri? CommunityUrl { get; set; }

    /// <summary>Gets or sets the SSO private key from the community's "JWT SSO" app. Required. Keep it in user secrets or a secret store, not in appsettings.json.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>Gets or sets a value indicating whether a key shorter than 32 bytes is accepted (see <see cref="TribeSsoKey.FromShortCommunityKey"/>). Default false.</summary>
    public bool AllowShortPrivateKey { get; set; }

    /// <summary>Gets or sets the token lifetime, such as <c>00:01:00</c>. Default 60 seconds; 1 second to 10 minutes.</summary>
    public TimeSpan TokenLifetime { get; set; } = TribeSsoOptions.DefaultTokenLifetime;

    /// <summary>Gets or sets the optional <c>aud</c> claim.</summary>
    public string? Audience { get; set; }

    /// <summary>Gets or sets the community's SSO path. Default <c>/auth/sso</c>; <c>/api/auth/sso</c> for the newer shape.</summary>
    public string SsoPath { get; set; } = TribeSsoOptions.DefaultSsoPath;

    /// <summary>Gets or sets the community's redirect parameter. Default <c>redirect</c>; <c>redirect_uri</c> for the newer shape.</summary>
    public string RedirectParameterName { get; set; } = TribeSsoOptions.DefaultRedirectParameterName;

    /// <summary>Gets or sets the community's token parameter. Default <c>jwt</c>; <c>token</c> or <c>ssoToken</c> only if your community reads that name.</summary>
    public string TokenParameterName { get; set; } = TribeSsoOptions.DefaultTokenParameterName;

    /// <summary>
    /// Gets or sets a value indicating whether the community's issuer signs tokens with <c>role: admin</c>, which make
    /// their holder a community admin (configuration <c>TribeSso:AllowAdminRole</c>). Default false: an admin user is
    /// refused (see <see cref="TribeSsoOptions.AllowAdminRole"/>).
    /// </summary>
    public bool AllowAdminRole { get; set; }

    /// <summary>Gets or sets why the configuration could not be bound (a value that does not convert), or null.</summary>
    internal string? BindingProblem { get; set; }

    /// <summary>Describes the settings without the key.</summary>
    /// <returns>The community URL and paths; the key shows as hidden.</returns>
    public override string ToString()
        => "TribeSsoCommunityOptions { CommunityUrl = " + CommunityUrl + ", SsoPath = " + SsoPath + ", PrivateKey = " + (string.IsNullOrEmpty(PrivateKey) ? "(not set)" : "(hidden)") + " }";

    /// <summary>Turns the settings into issuer options, or says which setting is wrong and how to fix it.</summary>
    /// <returns>Null when the settings are valid; otherwise the problem, starting with the setting's configuration key.</returns>
    internal string? Check(string prefix, out TribeSsoOptions? result)
    {
        result = null;
        if (BindingProblem is not null)
        {
            return BindingProblem;
        }

        if (string.IsNullOrEmpty(PrivateKey))
        {
            return $"{prefix}:PrivateKey is not set. Store the key of the community's \"JWT SSO\" app in user secrets (dotnet user-secrets set \"{prefix}:PrivateKey\" \"<key>\"), the environment variable {prefix.Replace(":", "__", StringComparison.Ordinal)}__PrivateKey, or your secret store.";
        }

        try
        {
            result = ToOptions();
            return null;
        }
        catch (TribeSsoKeyException e)
        {
            return $"{prefix}:PrivateKey is unusable. {e.Message}" + (IsOnlyShort() ? $" (In configuration, the opt-in is {prefix}:AllowShortPrivateKey = true.)" : string.Empty);
        }
        catch (TribeSsoConfigurationException e)
        {
            return $"{prefix}:{e.OptionName} is invalid. {e.Message}";
        }
    }

    /// <summary>
    /// Whether the short-key opt-in would fix the key: only then is it offered. A key with surrounding whitespace or a
    /// broken UTF-16 sequence stays unusable with the opt-in, and advice about it would send the reader the wrong way.
    /// </summary>
    private bool IsOnlyShort()
    {
        if (AllowShortPrivateKey)
        {
            return false;
        }

        try
        {
            TribeSsoKey.FromShortCommunityKey(PrivateKey!);
            return true;
        }
        catch (TribeSsoKeyException)
        {
            return false;
        }
    }

    /// <summary>Turns the settings into validated issuer options.</summary>
    /// <exception cref="TribeSsoKeyException">The key is unusable.</exception>
    /// <exception cref="TribeSsoConfigurationException">An option breaks a rule.</exception>
    internal TribeSsoOptions ToOptions()
    {
        var options = new TribeSsoOptions
        {
            CommunityUrl = CommunityUrl,
            // Check returns before this with no key.
            PrivateKey = AllowShortPrivateKey ? TribeSsoKey.FromShortCommunityKey(PrivateKey!) : TribeSsoKey.FromString(PrivateKey!),
            TokenLifetime = TokenLifetime,
            Audience = Audience,
            SsoPath = SsoPath,
            RedirectParameterName = RedirectParameterName,
            TokenParameterName = TokenParameterName,
            AllowAdminRole = AllowAdminRole,
        };
        options.Validate();
        return options;
    }
}
