namespace Tribe.Sso.Testing;

/// <summary>The outcome of the signature check.</summary>
public enum TribeSsoSignatureStatus
{
    /// <summary>No key was available, or the token could not be decoded far enough: the signature was not checked.</summary>
    NotChecked = 0,

    /// <summary>The HS256 signature matches the key.</summary>
    Valid = 1,

    /// <summary>The signature does not match the key.</summary>
    Invalid = 2,
}
