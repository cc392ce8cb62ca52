namespace Tribe.Sso.Members;

/// <summary>The body of every request: <c>{ "query": ..., "variables": ... }</c>.</summary>
internal sealed class GraphQlRequest<TVariables>
{
    public GraphQlRequest(string query, TVariables variables)
    {
        Query = query;
        Variables = variables;
    }

    public string Query { get; }

    public TVariables Variables { get; }
}
