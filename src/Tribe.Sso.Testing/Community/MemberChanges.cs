namespace Tribe.Sso.Testing;

/// <summary>
/// What the community's API changes on a member (<c>updateMember</c>), already checked against the claim rules: a null
/// value leaves the stored one as it is, except <see cref="ExternalId"/> when <see cref="SetsExternalId"/> is set, where
/// null unlinks the member.
/// </summary>
internal sealed class MemberChanges
{
    /// <summary>Gets a value indicating whether <see cref="ExternalId"/> is given (null then unlinks the member).</summary>
    public bool SetsExternalId { get; set; }

    public string? ExternalId { get; set; }

    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Locale { get; set; }

    public string? Tagline { get; set; }

    public TribeRole? Role { get; set; }
}
