using System.Text.Json.Serialization.Metadata;

namespace Tribe.Sso.Members;

/// <summary>One GraphQL operation: its name in messages, its document, its JSON shapes and whether a repeat is harmless.</summary>
internal sealed class GraphQlOperation<TVariables, TData>
    where TData : class
{
    public GraphQlOperation(string name, string document, JsonTypeInfo<GraphQlRequest<TVariables>> request, JsonTypeInfo<GraphQlResponse<TData>> response, bool idempotent)
    {
        Name = name;
        Document = document;
        Request = request;
        Response = response;
        Idempotent = idempotent;
    }

    /// <summary>The root field, such as <c>updateMember</c>: what messages call the operation.</summary>
    public string Name { get; }

    public string Document { get; }

    public JsonTypeInfo<GraphQlRequest<TVariables>> Request { get; }

    public JsonTypeInfo<GraphQlResponse<TData>> Response { get; }

    /// <summary>
    /// Whether sending it twice has the effect of sending it once, so it may be repeated after a server error or a
    /// timeout, when the first attempt may have been applied. Refusals (rate limit, invalid token) are repeated for
    /// every operation: the community did not run it.
    /// </summary>
    public bool Idempotent { get; }
}
