namespace Tribe.Sso.Members;

/// <summary>No member has the id the call named (code 110). Find the member again with <see cref="TribeMembersClient.FindByExternalIdAsync"/> or <see cref="TribeMembersClient.FindByEmailAsync"/>.</summary>
public sealed class TribeMembersNotFoundException : TribeMembersException
{
    internal TribeMembersNotFoundException(string message, string operation, string? memberId)
        : base(message, operation, TribeErrorCodes.NotFound, innerException: null)
    {
        MemberId = memberId;
    }

    /// <summary>The member id the call named.</summary>
    public string? MemberId { get; }
}
