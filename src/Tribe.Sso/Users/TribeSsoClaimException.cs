namespace Tribe.Sso;

/// <summary>A user value breaks a rule of the claim it becomes; <see cref="ClaimName"/> says which claim.</summary>
/// <remarks>The message names the claim, the rule and the fix. It does not echo the offending value, which may be personal data.</remarks>
public sealed class TribeSsoClaimException : TribeSsoException
{
    /// <summary>Creates the exception; for code that maps its own users, such as an ASP.NET Core claims mapping.</summary>
    /// <param name="claimName">The JWT claim the value belongs to, such as <c>email</c>.</param>
    /// <param name="message">What is wrong and how to fix it, without repeating the value.</param>
    public TribeSsoClaimException(string claimName, string message)
        : base(Guard.NotNull(message, nameof(message)))
    {
        ClaimName = Guard.NotNull(claimName, nameof(claimName));
    }

    /// <summary>The JWT claim name the value belongs to, for example <c>email</c> or <c>groups</c>.</summary>
    public string ClaimName { get; }
}
