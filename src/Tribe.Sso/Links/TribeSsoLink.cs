using System;

namespace Tribe.Sso;

/// <summary>
/// A sign-in link to the community, exactly as <see cref="TribeSsoIssuer.CreateLoginUrl"/> wrote it: ASCII only (an
/// internationalised host is in its punycode form, every other character is percent-encoded). Every way of turning it
/// into text gives that exact link: <see cref="ToString"/>, string interpolation and <see cref="AbsoluteUri"/>.
/// Immutable; two links are equal when their text is.
/// </summary>
/// <remarks>
/// It is not a <see cref="Uri"/> on purpose: <see cref="Uri.ToString"/> unescapes non-ASCII characters, so
/// <c>Response.Redirect(uri.ToString())</c> with a target such as <c>/café</c> sends a header that servers refuse.
/// Whoever holds the link can sign in as the user until the token expires: send it as a redirect and never log it.
/// </remarks>
/// <example>
/// <code>
/// TribeSsoLink link = issuer.CreateLoginUrl(user, "/answers");
/// return Results.Redirect(link.ToString());
/// </code>
/// </example>
public sealed class TribeSsoLink : IEquatable<TribeSsoLink>
{
    internal TribeSsoLink(string absoluteUri) => AbsoluteUri = absoluteUri;

    /// <summary>Gets the exact link, such as <c>https://community.example.com/auth/sso?jwt=eyJ…&amp;redirect=/answers</c>.</summary>
    public string AbsoluteUri { get; }

    /// <summary>Compares two links by their exact text.</summary>
    /// <param name="left">A link, or null.</param>
    /// <param name="right">Another link, or null.</param>
    /// <returns>True when both are null or have the same text.</returns>
    public static bool operator ==(TribeSsoLink? left, TribeSsoLink? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two links by their exact text.</summary>
    /// <param name="left">A link, or null.</param>
    /// <param name="right">Another link, or null.</param>
    /// <returns>True when exactly one is null or their texts differ.</returns>
    public static bool operator !=(TribeSsoLink? left, TribeSsoLink? right) => !(left == right);

    /// <summary>Creates a <see cref="Uri"/> for APIs that need one. Use <see cref="AbsoluteUri"/>, not <see cref="Uri.ToString"/>, for its text.</summary>
    /// <returns>A new absolute <see cref="Uri"/> over the link.</returns>
    public Uri ToUri() => new(AbsoluteUri, UriKind.Absolute);

    /// <summary>Returns the exact link, the same text as <see cref="AbsoluteUri"/>.</summary>
    /// <returns>The link.</returns>
    public override string ToString() => AbsoluteUri;

    /// <inheritdoc />
    public bool Equals(TribeSsoLink? other) => other is not null && string.Equals(AbsoluteUri, other.AbsoluteUri, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as TribeSsoLink);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(AbsoluteUri);
}
