using System.Collections.Generic;

namespace Tribe.Sso.Testing;

/// <summary>
/// A resolved object: its GraphQL type and the value of each of its fields (strings, numbers, booleans, dates, lists,
/// other objects). Objects here are small snapshots, so every field is computed up front and selections only pick.
/// </summary>
internal sealed class GatewayObject
{
    public GatewayObject(string typeName, IReadOnlyDictionary<string, object?> fields)
    {
        TypeName = typeName;
        Fields = fields;
    }

    public string TypeName { get; }

    public IReadOnlyDictionary<string, object?> Fields { get; }
}
