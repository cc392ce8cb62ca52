using System;

namespace Tribe.Sso.Members;

/// <summary>The token may not do this (code 102). A bot token of an installed app can manage members; a token given as AccessToken must be an admin's or a bot's.</summary>
public sealed class TribeMembersPermissionException : TribeMembersException
{
    internal TribeMembersPermissionException(string message, string? operation, string? errorCode, Exception? innerException = null)
        : base(message, operation, errorCode, innerException)
    {
    }
}
