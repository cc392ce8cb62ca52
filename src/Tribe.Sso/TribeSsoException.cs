using System;

namespace Tribe.Sso;

/// <summary>
/// The base of every error that Tribe.Sso raises for input it refuses. The derived type tells what
/// to fix: the key (<see cref="TribeSsoKeyException"/>), the options
/// (<see cref="TribeSsoConfigurationException"/>), a claim of the user
/// (<see cref="TribeSsoClaimException"/>) or a redirect target (<see cref="TribeSsoRedirectException"/>).
/// </summary>
/// <remarks>Messages name the rule and the fix. They never contain key material, and never echo an email address or a name.</remarks>
public abstract class TribeSsoException : Exception
{
    /// <summary>Creates the exception with a message that names the rule and the fix.</summary>
    /// <param name="message">The message.</param>
    protected TribeSsoException(string message)
        : base(message)
    {
    }
}
