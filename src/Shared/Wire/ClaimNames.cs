namespace Tribe.Sso;

/// <summary>
/// The names on the wire: the claims of the Tribe JWT SSO protocol in the order they are written, the fields of a group
/// object and of the header. Shared source: the issuer writes with these names and the reader and CLI read with them.
/// See docs/protocol.md#claims.
/// </summary>
internal static class ClaimNames
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string Audience = "aud";
    public const string Role = "role";
    public const string Picture = "picture";
    public const string Source = "source";
    public const string Title = "title";
    public const string Bio = "bio";
    public const string Locale = "locale";
    public const string Tagline = "tagline";
    public const string Groups = "groups";
    public const string GroupsOperation = "groupsOperation";
    public const string IssuedAt = "iat";
    public const string Expires = "exp";
    public const string NotBefore = "nbf";

    /// <summary>The fields of a <c>groups</c> entry written as an object.</summary>
    public const string GroupId = "group";
    public const string GroupRole = "role";
    public const string GroupStatus = "status";

    /// <summary>The header field naming the algorithm.</summary>
    public const string Algorithm = "alg";

    /// <summary>Every claim the community knows, for telling unknown claims apart.</summary>
    public static readonly string[] Known =
    {
        Subject, Name, Email, Audience, Role, Picture, Source, Title, Bio, Locale, Tagline, Groups, GroupsOperation, IssuedAt, Expires, NotBefore,
    };
}
