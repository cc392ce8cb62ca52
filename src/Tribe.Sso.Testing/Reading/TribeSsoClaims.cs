using System;
using System.Collections.Generic;

namespace Tribe.Sso.Testing;

/// <summary>The claims of a decoded token, typed. A value the reader could not read as its type is null, and a finding says why.</summary>
public sealed class TribeSsoClaims
{
    internal TribeSsoClaims()
    {
    }

    /// <summary>Gets <c>sub</c>: the partner's user id, which the community stores as <c>externalId</c>.</summary>
    public string? Subject { get; internal set; }

    /// <summary>Gets <c>name</c>.</summary>
    public string? Name { get; internal set; }

    /// <summary>Gets <c>email</c>, exactly as sent.</summary>
    public string? Email { get; internal set; }

    /// <summary>Gets <c>aud</c> (the first value when it is an array).</summary>
    public string? Audience { get; internal set; }

    /// <summary>Gets <c>role</c>.</summary>
    public TribeRole? Role { get; internal set; }

    /// <summary>Gets <c>picture</c> when it is an absolute URL.</summary>
    public Uri? Picture { get; internal set; }

    /// <summary>Gets <c>source</c>.</summary>
    public string? Source => Text(ClaimNames.Source);

    /// <summary>Gets <c>title</c>.</summary>
    public string? Title => Text(ClaimNames.Title);

    /// <summary>Gets <c>bio</c>.</summary>
    public string? Bio => Text(ClaimNames.Bio);

    /// <summary>Gets <c>locale</c>.</summary>
    public string? Locale => Text(ClaimNames.Locale);

    /// <summary>Gets <c>tagline</c>.</summary>
    public string? Tagline => Text(ClaimNames.Tagline);

    /// <summary>Gets <c>groups</c>, or null when the token leaves groups alone. Empty means "remove from every group" (unless adding).</summary>
    public IReadOnlyList<TribeSsoGroupClaim>? Groups { get; internal set; }

    /// <summary>Gets what the community does with <see cref="Groups"/>: <see cref="TribeGroupsOperation.Add"/> for <c>"add"</c>, otherwise <see cref="TribeGroupsOperation.Replace"/>; null without groups.</summary>
    public TribeGroupsOperation? GroupsOperation { get; internal set; }

    /// <summary>Gets <c>iat</c>.</summary>
    public DateTimeOffset? IssuedAt { get; internal set; }

    /// <summary>Gets <c>exp</c>; null means the token never expires.</summary>
    public DateTimeOffset? ExpiresAt { get; internal set; }

    /// <summary>Gets <c>nbf</c>.</summary>
    public DateTimeOffset? NotBefore { get; internal set; }

    /// <summary>The optional text claims (<see cref="UserClaims.Text"/>) the token gives, by claim name.</summary>
    private readonly Dictionary<string, string> _text = new(StringComparer.Ordinal);

    /// <summary>Gets every value of <c>aud</c>, for the expected-audience check.</summary>
    internal IReadOnlyList<string> Audiences { get; set; } = Array.Empty<string>();

    /// <summary>Gets the names of claims the community does not know (it ignores them).</summary>
    public IReadOnlyList<string> UnknownClaims { get; internal set; } = Array.Empty<string>();

    /// <summary>Gets an optional text claim's value by its name, or null when the token does not give it as a string.</summary>
    internal string? Text(string claim) => _text.TryGetValue(claim, out var value) ? value : null;

    /// <summary>Records an optional text claim the reader read (null: absent or not a string).</summary>
    internal void SetText(string claim, string? value)
    {
        if (value is not null)
        {
            _text[claim] = value;
        }
    }
}
