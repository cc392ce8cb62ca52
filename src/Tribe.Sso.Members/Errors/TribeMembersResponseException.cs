using System;

namespace Tribe.Sso.Members;

/// <summary>
/// The community's answer could not be used: a server error after the retries, an HTTP status or error code the client
/// does not expect, or a body that is not the GraphQL answer asked for (malformed, too large, missing fields).
/// </summary>
public sealed class TribeMembersResponseException : TribeMembersException
{
    internal TribeMembersResponseException(string message, string operation, string? errorCode = null, int? statusCode = null, Exception? innerException = null)
        : base(message, operation, errorCode, innerException)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status of the last answer, or null when none arrived or it was 200.</summary>
    public int? StatusCode { get; }
}
