using System;

namespace Tribe.Sso;

/// <summary>
/// The optional profile the community shows beside a member's name: picture, marketing source, title, bio, locale and
/// tagline, each null when not given. One type for both sides of sign-in: a <see cref="TribeSsoUser"/> carries the profile
/// its token will write (each value checked by <see cref="TribeSsoUserBuilder"/> when it was set), and a community's record
/// of a member (the Testing package's simulated community) carries the profile it stored, which the community checks by its
/// own, looser rules. A profile on its own is only data: the issuer signs users, never profiles.
/// </summary>
/// <remarks>
/// Immutable, with value equality; derive a changed copy with <c>with</c>. <see cref="ToString"/> shows no value, because a
/// profile is personal data.
/// </remarks>
public sealed record TribeProfile
{
    /// <summary>Gets a profile with nothing set.</summary>
    public static TribeProfile Empty { get; } = new();

    /// <summary>Gets the profile picture URL (<c>picture</c>), or null.</summary>
    public Uri? Picture { get; init; }

    /// <summary>Gets the marketing source (<c>source</c>), like <c>utm_source</c>, or null.</summary>
    public string? Source { get; init; }

    /// <summary>Gets the profile title (<c>title</c>), or null.</summary>
    public string? Title { get; init; }

    /// <summary>Gets the short description (<c>bio</c>), which may contain simple HTML, or null.</summary>
    public string? Bio { get; init; }

    /// <summary>Gets the BCP 47 locale (<c>locale</c>), or null.</summary>
    public string? Locale { get; init; }

    /// <summary>Gets the tagline (<c>tagline</c>), or null.</summary>
    public string? Tagline { get; init; }

    /// <summary>Returns the type name only: the values are personal data and stay out of logs.</summary>
    /// <returns>Always <c>TribeProfile</c>.</returns>
    public override string ToString() => nameof(TribeProfile);
}
