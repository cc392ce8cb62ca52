namespace Tribe.Sso.Testing;

/// <summary>What came of a <see cref="MemberChanges"/> applied to a member.</summary>
internal enum MemberChangeOutcome
{
    /// <summary>The member was changed.</summary>
    Changed,

    /// <summary>No member has the id.</summary>
    NotFound,

    /// <summary>Another member has the email, ignoring case.</summary>
    EmailTaken,

    /// <summary>Another member has the externalId.</summary>
    ExternalIdTaken,
}
