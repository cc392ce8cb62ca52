using System;

namespace Tribe.Sso;

/// <summary>
/// The options of a <see cref="TribeSsoIssuer"/>, set in code. <see cref="TribeSsoIssuer"/> validates them (see
/// <see cref="Validate"/>) and copies them, so later changes have no effect on an issuer. ASP.NET Core applications bind
/// <c>TribeSsoCommunityOptions</c> from configuration instead (package Tribe.Sso.AspNetCore).
/// </summary>
public sealed class TribeSsoOptions
{
    /// <summary>The SSO path of the source document: <c>/auth/sso</c>.</summary>
    public const string DefaultSsoPath = "/auth/sso";

    /// <summary>The redirect query parameter of the source document: <c>redirect</c>.</summary>
    public const string DefaultRedirectParameterName = LinkFormat.RedirectParameter;

    /// <summary>The query parameter that carries the token by default: <c>jwt</c>. Some Tribe pages name it <c>token</c> or <c>ssoToken</c>; see <see cref="TokenParameterName"/>.</summary>
    public const string DefaultTokenParameterName = LinkFormat.TokenParameter;

    /// <summary>The SSO path of the newer Tribe/Bettermode docs: <c>/api/auth/sso</c>.</summary>
    public const string BettermodeSsoPath = "/api/auth/sso";

    /// <summary>The redirect query parameter of the newer Tribe/Bettermode docs: <c>redirect_uri</c>.</summary>
    public const string BettermodeRedirectParameterName = LinkFormat.RedirectUriParameter;

    /// <summary>The longest accepted token lifetime: 10 minutes. Tokens travel in URLs, which leak into logs and history.</summary>
    public static readonly TimeSpan MaximumTokenLifetime = TimeSpan.FromMinutes(10);

    /// <summary>The default token lifetime: 60 seconds, as Tribe recommends.</summary>
    public static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets or sets the community's address, such as <c>https://community.example.com</c>. A base path
    /// (<c>https://example.com/community</c>) is kept. Must be https (http only for localhost, 127.0.0.1 and [::1]),
    /// without query, fragment or user info. Required.
    /// </summary>
    public Uri? CommunityUrl { get; set; }

    /// <summary>Gets or sets the SSO private key from the community's "JWT SSO" app. Required.</summary>
    public TribeSsoKey? PrivateKey { get; set; }

    /// <summary>Gets or sets how long a token is accepted after it is issued: whole seconds from 1 second to 10 minutes. Default 60 seconds.</summary>
    public TimeSpan TokenLifetime { get; set; } = DefaultTokenLifetime;

    /// <summary>Gets or sets the optional <c>aud</c> claim. Default: none.</summary>
    public string? Audience { get; set; }

    /// <summary>Gets or sets the path of the community's SSO endpoint, appended to <see cref="CommunityUrl"/>. Default <c>/auth/sso</c>.</summary>
    public string SsoPath { get; set; } = DefaultSsoPath;

    /// <summary>Gets or sets the query parameter that carries the redirect target. Default <c>redirect</c>.</summary>
    public string RedirectParameterName { get; set; } = DefaultRedirectParameterName;

    /// <summary>
    /// Gets or sets the query parameter that carries the token. Default <c>jwt</c>. Some Tribe pages name it <c>token</c>
    /// (a 2021 draft) or <c>ssoToken</c> (widgets); change it only if your community reads that name. 1 to 64 letters,
    /// digits, '_', '-' and '.', and never a redirect parameter's name.
    /// </summary>
    public string TokenParameterName { get; set; } = DefaultTokenParameterName;

    /// <summary>
    /// Gets or sets whether the issuer signs tokens with <c>role: admin</c>, which make their holder a community admin.
    /// Default false: <see cref="TribeSsoIssuer.CreateToken"/> and <see cref="TribeSsoIssuer.CreateLoginUrl"/> refuse an
    /// admin user with a <see cref="TribeSsoClaimException"/>, so a role-mapping bug cannot promote every user. Set it only
    /// when your site deliberately grants community admin through SSO. Moderator and member need nothing.
    /// </summary>
    public bool AllowAdminRole { get; set; }

    /// <summary>
    /// Switches to the URL shape of the newer Tribe/Bettermode docs: <c>/api/auth/sso</c> with <c>redirect_uri</c>.
    /// </summary>
    /// <returns>This instance.</returns>
    public TribeSsoOptions UseBettermodeUrlShape()
    {
        SsoPath = BettermodeSsoPath;
        RedirectParameterName = BettermodeRedirectParameterName;
        return this;
    }

    /// <summary>Checks every option; the first broken rule throws.</summary>
    /// <exception cref="TribeSsoConfigurationException">An option breaks a rule; <see cref="TribeSsoConfigurationException.OptionName"/> names it.</exception>
    public void Validate() => OptionRules.Validate(this);

    /// <summary>Describes the options without the key.</summary>
    /// <returns>The community URL, SSO path and lifetime.</returns>
    public override string ToString()
        => TextRules.Invariant($"TribeSsoOptions {{ CommunityUrl = {CommunityUrl}, SsoPath = {SsoPath}, TokenLifetime = {TokenLifetime}, PrivateKey = {(PrivateKey is null ? "(not set)" : "(hidden)")} }}");
}
