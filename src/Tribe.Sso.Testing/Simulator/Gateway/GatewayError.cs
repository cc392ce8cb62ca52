using System.Collections.Generic;

namespace Tribe.Sso.Testing;

/// <summary>
/// One entry of a GraphQL response's <c>errors</c>: the community puts its string <c>code</c> at the entry's top level,
/// beside <c>message</c>, where its Node client reads it. Messages never hold a secret, a token or an email.
/// </summary>
internal sealed class GatewayError
{
    public GatewayError(string code, string message, IReadOnlyList<object>? path = null, IReadOnlyList<(int Line, int Column)>? locations = null)
    {
        Code = code;
        Message = message;
        Path = path;
        Locations = locations;
    }

    public string Code { get; }

    public string Message { get; }

    /// <summary>Gets the response path of a field's error, such as <c>["member"]</c>, or null for a request error.</summary>
    public IReadOnlyList<object>? Path { get; }

    /// <summary>
    /// Gets the lines and columns (1-based) of a document error, or null: one place for most, each field of a conflict
    /// for fields that cannot be merged, as graphql-js gives them.
    /// </summary>
    public IReadOnlyList<(int Line, int Column)>? Locations { get; }
}
