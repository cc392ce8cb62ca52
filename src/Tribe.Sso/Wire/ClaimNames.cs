namespace Tribe.Sso;

/// <summary>The claim names of the Tribe JWT SSO protocol, in the order they are written.</summary>
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
}
