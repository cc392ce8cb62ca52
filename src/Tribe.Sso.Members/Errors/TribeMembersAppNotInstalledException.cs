using System;

namespace Tribe.Sso.Members;

/// <summary>The app's credentials are valid but the community issues it no token for the network (the app is not installed there, or NetworkId names another community). Install the app on the community, or fix NetworkId.</summary>
public sealed class TribeMembersAppNotInstalledException : TribeMembersException
{
    internal TribeMembersAppNotInstalledException(string message, string? operation, string? errorCode, Exception? innerException = null)
        : base(message, operation, errorCode, innerException)
    {
    }
}
