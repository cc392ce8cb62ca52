using System;

namespace Tribe.Sso.Testing;

/// <summary>Settings of a <see cref="TribeSsoTokenReader"/>.</summary>
public sealed class TribeSsoTokenReaderOptions
{
    /// <summary>The default leeway for <c>exp</c>, <c>nbf</c> and <c>iat</c>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultLeeway = TimeSpan.FromSeconds(30);

    /// <summary>Gets or sets the tolerated clock difference between issuer and community. Default 30 seconds; 0 to 5 minutes.</summary>
    public TimeSpan Leeway { get; set; } = DefaultLeeway;

    /// <summary>Gets or sets the audience the community expects, or null to accept any (Tribe's default).</summary>
    public string? ExpectedAudience { get; set; }

    /// <summary>
    /// Gets or sets the query parameter of a link that carries the token. Default <c>jwt</c>; set it to the issuer's
    /// <c>TokenParameterName</c> when that names another (<c>token</c>, <c>ssoToken</c>). Only this name is read: a link
    /// carrying the token under another name is reported as having none.
    /// </summary>
    public string TokenParameterName { get; set; } = LinkFormat.TokenParameter;

    /// <summary>Gets or sets the clock; <see cref="TimeProvider.System"/> when null.</summary>
    public TimeProvider? TimeProvider { get; set; }
}
