using System;
using System.Collections.Generic;
using GraphQLParser.AST;

namespace Tribe.Sso.Testing;

/// <summary>
/// How big a request the gateway takes: its length, its nesting (fragments followed) and how many fields it selects
/// (a fragment counted each time it is spread, so a "fragment bomb" of a few lines is refused before it runs). The
/// community's own Node client sends queries far inside these bounds.
/// </summary>
internal static class GatewayLimits
{
    /// <summary>The longest request body, in characters: 256 KiB.</summary>
    public const int MaxBodyLength = TribeCommunitySimulator.MaxRequestBodyLength;

    /// <summary>The longest query document, in characters: 32 KiB.</summary>
    public const int MaxQueryLength = 32 * 1024;

    /// <summary>How deep the parser nests (selections, lists and objects in literals) before refusing.</summary>
    public const int MaxParserDepth = 64;

    /// <summary>The deepest field nesting, fragments followed: 12.</summary>
    public const int MaxDepth = 12;

    /// <summary>The most fields an operation selects, fragments counted each time they are spread: 2,000.</summary>
    public const int MaxFields = 2000;

    /// <summary>The largest page <c>members(limit:)</c> gives: 100.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Checks each operation's depth and size, and that no fragment spreads itself.</summary>
    public static void Check(IEnumerable<GraphQLOperationDefinition> operations, IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments, GatewayValidator validator)
    {
        var measured = new Dictionary<string, (int Depth, int Fields)>(StringComparer.Ordinal);
        var open = new HashSet<string>(StringComparer.Ordinal);
        (int Depth, int Fields) Measure(GraphQLSelectionSet set)
        {
            var depth = 0;
            var fields = 0;
            foreach (var selection in set.Selections)
            {
                var (innerDepth, innerFields) = selection switch
                {
                    GraphQLField field => field.SelectionSet is { } inner ? Add(Measure(inner), 1) : (1, 1),
                    GraphQLInlineFragment inline => Measure(inline.SelectionSet),
                    _ => Spread((GraphQLFragmentSpread)selection), // the parser gives no other kind of selection
                };
                depth = Math.Max(depth, innerDepth);
                fields = (int)Math.Min((long)fields + innerFields, int.MaxValue);
            }

            return (depth, fields);
        }

        (int Depth, int Fields) Spread(GraphQLFragmentSpread spread)
        {
            var name = spread.FragmentName.Name.StringValue;
            if (measured.TryGetValue(name, out var known) || !fragments.TryGetValue(name, out var fragment))
            {
                return known;
            }

            if (!open.Add(name))
            {
                validator.Error("Cannot spread fragment \"" + name + "\" within itself.", spread);
                return measured[name] = (0, 0);
            }

            var size = Measure(fragment.SelectionSet);
            open.Remove(name);
            return measured[name] = size;
        }

        foreach (var operation in operations)
        {
            var (depth, fields) = Measure(operation.SelectionSet);
            if (depth > MaxDepth)
            {
                validator.Error("The operation nests fields " + depth + " deep; the gateway takes at most " + MaxDepth + ".", operation);
            }

            if (fields > MaxFields)
            {
                validator.Error("The operation selects more than " + MaxFields + " fields (fragments counted each time they are spread).", operation);
            }
        }
    }

    private static (int, int) Add((int Depth, int Fields) measured, int field)
        => (measured.Depth + 1, (int)Math.Min((long)measured.Fields + field, int.MaxValue));
}
