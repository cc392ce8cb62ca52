namespace Tribe.Sso;

/// <summary>The SSO private key is unusable: empty, too short for HS256, or surrounded by whitespace.</summary>
/// <remarks>The message describes the problem and the fix; it never contains the key or any part of it.</remarks>
public sealed class TribeSsoKeyException : TribeSsoException
{
    internal TribeSsoKeyException(string message)
        : base(message)
    {
    }
}
