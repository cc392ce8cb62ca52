using System.Linq;
using System.Text.Json.Nodes;

namespace Tribe.Sso.ConformanceGenerator;

/// <summary>Claims objects for the vectors: Jane's three required claims and whatever a vector adds or replaces.</summary>
internal static class Claims
{
    /// <summary>The key every token vector is signed with: 44 bytes of ASCII, a test key and nothing else.</summary>
    public const string Key = "tribe-sso-conformance-vectors-key-not-secret";

    /// <summary>2026-01-01T00:00:00Z.</summary>
    public const long Iat = 1_767_225_600;

    public static JsonObject Jane(params (string Name, JsonNode? Value)[] claims)
    {
        var result = new JsonObject { ["sub"] = "42", ["name"] = "Jane Doe", ["email"] = "jane@example.com" };
        foreach (var (name, value) in claims)
        {
            result[name] = value;
        }

        return result;
    }

    public static JsonArray Array(params JsonNode?[] items) => new(items);

    public static JsonObject Group(string id, string role, string status) => new() { ["group"] = id, ["role"] = role, ["status"] = status };

    public static JsonArray BareGroups(int count) => new(Enumerable.Range(1, count).Select(i => (JsonNode?)JsonValue.Create("g" + i)).ToArray());
}
