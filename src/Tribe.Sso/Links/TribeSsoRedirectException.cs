namespace Tribe.Sso;

/// <summary>
/// A redirect target was refused because the community could send the user somewhere other than one of its own pages
/// (an open redirect), or because it could break the SSO link.
/// </summary>
public sealed class TribeSsoRedirectException : TribeSsoException
{
    internal TribeSsoRedirectException(string message)
        : base(message)
    {
    }
}
