namespace Tribe.Sso;

/// <summary>A user value breaks a rule of the claim it becomes; <see cref="ClaimName"/> says which claim.</summary>
/// <remarks>The message names the claim, the rule and the fix. It does not echo the offending value, which may be personal data.</remarks>
public sealed class TribeSsoClaimException : TribeSsoException
{
    internal TribeSsoClaimException(string claimName, string message)
        : base(message)
    {
        ClaimName = claimName;
    }

    /// <summary>The JWT claim name the value belongs to, for example <c>email</c> or <c>groups</c>.</summary>
    public string ClaimName { get; }
}
