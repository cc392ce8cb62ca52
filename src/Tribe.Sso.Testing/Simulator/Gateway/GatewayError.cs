using System.Collections.Generic;

namespace Tribe.Sso.Testing;

/// <summary>
/// One entry of a GraphQL response's <c>errors</c>: the community puts its string <c>code</c> at the entry's top level,
/// beside <c>message</c>, where its Node client reads it. Messages never hold a secret, a token or an email.
/// </summary>
internal sealed class GatewayError
{
    public GatewayError(string code, string message, IReadOnlyList<object>? path = null, (int Line, int Column)? location = null)
    {
        Code = code;
        Message = message;
        Path = path;
        Location = location;
    }

    public string Code { get; }

    public string Message { get; }

    /// <summary>Gets the response path of a field's error, such as <c>["member"]</c>, or null for a request error.</summary>
    public IReadOnlyList<object>? Path { get; }

    /// <summary>Gets the line and column (1-based) of a document error, or null.</summary>
    public (int Line, int Column)? Location { get; }
}
