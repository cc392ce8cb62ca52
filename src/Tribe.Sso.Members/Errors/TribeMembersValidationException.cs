using System;

namespace Tribe.Sso.Members;

/// <summary>The community refused the input (code 100, or 106, 112, 114): a value it does not accept, such as an email another member already has.</summary>
public sealed class TribeMembersValidationException : TribeMembersException
{
    internal TribeMembersValidationException(string message, string? operation, string? errorCode, Exception? innerException = null)
        : base(message, operation, errorCode, innerException)
    {
    }
}
