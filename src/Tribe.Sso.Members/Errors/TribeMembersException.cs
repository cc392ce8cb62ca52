using System;

namespace Tribe.Sso.Members;

/// <summary>
/// The base of every error a <see cref="TribeMembersClient"/> raises. The derived type says what to fix: the options
/// (<see cref="TribeMembersConfigurationException"/>), the app's credentials (<see cref="TribeMembersCredentialsException"/>),
/// the app's installation (<see cref="TribeMembersAppNotInstalledException"/>), its permissions
/// (<see cref="TribeMembersPermissionException"/>), the member (<see cref="TribeMembersNotFoundException"/>), the input
/// (<see cref="TribeMembersValidationException"/>), the pace (<see cref="TribeMembersRateLimitedException"/>) or the
/// community's answer (<see cref="TribeMembersResponseException"/>).
/// </summary>
/// <remarks>
/// Messages name the operation, the community's error code and the fix. They never contain the client secret, an access
/// token or a member's email, and never repeat the community's own message text, which may quote the input.
/// </remarks>
public abstract class TribeMembersException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong and how to fix it, without secrets or emails.</param>
    /// <param name="operation">The GraphQL operation, such as <c>updateMember</c>, or null.</param>
    /// <param name="errorCode">The community's error code, such as <c>110</c>, or null.</param>
    /// <param name="innerException">The transport error behind it, or null.</param>
    protected TribeMembersException(string message, string? operation, string? errorCode, Exception? innerException)
        : base(message, innerException)
    {
        Operation = operation;
        ErrorCode = errorCode;
    }

    /// <summary>The GraphQL operation that failed, such as <c>limitedToken</c> or <c>updateMember</c>; null for configuration errors.</summary>
    public string? Operation { get; }

    /// <summary>The community's error code (<c>100</c>, <c>102</c>, <c>104</c>, <c>108</c>, <c>110</c>, ...), or null when the answer carried none.</summary>
    public string? ErrorCode { get; }
}
