using System;

namespace Tribe.Sso.Members;

/// <summary>The community refused the app's credentials or the access token (code 108 or HTTP 401). Check ClientId and ClientSecret against the app in the developer portal, or obtain a new AccessToken.</summary>
public sealed class TribeMembersCredentialsException : TribeMembersException
{
    internal TribeMembersCredentialsException(string message, string? operation, string? errorCode, Exception? innerException = null)
        : base(message, operation, errorCode, innerException)
    {
    }
}
