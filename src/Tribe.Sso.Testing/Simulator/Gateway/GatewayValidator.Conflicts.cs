using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using GraphQLParser.AST;

namespace Tribe.Sso.Testing;

/// <content>
/// The merging rule's parts: whether two fields conflict and why, the budget of comparisons, and the fields and fragments
/// a selection set holds, grouped by response key.
/// </content>
internal sealed partial class GatewayValidator
{
    /// <summary>
    /// Why two fields with one key, on one type, cannot be merged, their sub-selections compared; null when they can.
    /// Fields of one name on one type have one return type, so they never "return conflicting types" here, and both
    /// have a sub-selection or neither (the leaf and composite rules saw to it).
    /// </summary>
    private MergeConflict? FindConflict(string key, GraphQLField field1, GraphQLField field2, string typeName)
    {
        Spend(2);
        if (!_comparisons.TryGetValue((field1, field2), out var reason))
        {
            reason = _comparisons[(field1, field2)] = GatewayMerging.Conflict(field1, field2);
            SpendOnArguments(field1, field2);
        }

        if (reason is not null)
        {
            return new MergeConflict(key, reason, new List<ASTNode> { field1 }, new List<ASTNode> { field2 });
        }

        if (field1.SelectionSet is not { } set1)
        {
            return null;
        }

        var fieldType = GatewaySchema.NamedType(_schema.Field(typeName, field1.Name.StringValue)!.Type);
        var inner = BetweenSubSelections(fieldType, set1, field2.SelectionSet!);
        if (inner.Count == 0)
        {
            return null;
        }

        var message = new StringBuilder();
        foreach (var conflict in inner)
        {
            message.Append(message.Length == 0 ? string.Empty : " and ").Append("subfields \"").Append(Abbreviate(conflict.Key)).Append("\" conflict because ").Append(conflict.Reason);
            if (message.Length > MaxConflictDetailLength)
            {
                break;
            }
        }

        return new MergeConflict(key, Abbreviate(message.ToString()), Nodes(field1, inner, c => c.Fields1), Nodes(field2, inner, c => c.Fields2));
    }

    /// <summary>graphql-js spends one unit per argument it compares, until one differs, when both fields of one name have as many.</summary>
    private void SpendOnArguments(GraphQLField field1, GraphQLField field2)
    {
        var arguments1 = field1.Arguments?.Items ?? new List<GraphQLArgument>();
        var arguments2 = field2.Arguments?.Items ?? new List<GraphQLArgument>();
        if (field1.Name.StringValue != field2.Name.StringValue || arguments1.Count != arguments2.Count)
        {
            return;
        }

        foreach (var argument in arguments1)
        {
            Spend(1);
            if (arguments2.FirstOrDefault(a => a.Name.StringValue == argument.Name.StringValue) is not { } other || GatewayMerging.Value(argument.Value) != GatewayMerging.Value(other.Value))
            {
                return;
            }
        }
    }

    /// <summary>The field, then the fields of its sub-conflicts, at most <see cref="MaxConflictNodes"/> (the latest kept).</summary>
    private static List<ASTNode> Nodes(GraphQLField field, List<MergeConflict> inner, Func<MergeConflict, List<ASTNode>> side)
    {
        var nodes = new List<ASTNode> { field };
        foreach (var conflict in inner)
        {
            var taken = side(conflict);
            nodes.AddRange(taken.Skip(Math.Max(0, taken.Count - (MaxConflictNodes - nodes.Count))));
            if (nodes.Count == MaxConflictNodes)
            {
                break;
            }
        }

        return nodes;
    }

    private static void Add(List<MergeConflict> conflicts, MergeConflict? conflict)
    {
        if (conflict is not null)
        {
            conflicts.Add(conflict);
        }
    }

    private static string Abbreviate(string text) => text.Length > MaxConflictDetailLength ? new StringBuilder(text, 0, MaxConflictDetailLength, MaxConflictDetailLength + 3).Append("...").ToString() : text;

    /// <exception cref="GatewayException">The comparisons went past graphql-js's budget.</exception>
    private void Spend(int cost)
    {
        _budget -= cost;
        if (_budget < 0)
        {
            throw new GatewayException(GatewayCodes.ValidationFailed, Aborted);
        }
    }

    private Collected CollectFragment(string name)
    {
        var fragment = _fragments[name];
        return Collect(fragment.SelectionSet, fragment.TypeCondition.Type.Name.StringValue);
    }

    /// <summary>A selection set's fields by response key (inline fragments flattened) and the fragments it spreads, each once.</summary>
    private Collected Collect(GraphQLSelectionSet set, string typeName)
    {
        if (_collected.TryGetValue(set, out var known))
        {
            return known;
        }

        var collected = new Collected(typeName);
        void Gather(GraphQLSelectionSet current)
        {
            foreach (var selection in current.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var key = field.Alias?.Name.StringValue ?? field.Name.StringValue;
                        if (!collected.ByKey.TryGetValue(key, out var fields))
                        {
                            collected.ByKey[key] = fields = new List<GraphQLField>();
                            collected.Grouped.Add((key, fields));
                        }

                        fields.Add(field);
                        break;
                    case GraphQLFragmentSpread spread when !collected.FragmentNames.Contains(spread.FragmentName.Name.StringValue):
                        collected.FragmentNames.Add(spread.FragmentName.Name.StringValue);
                        break;
                    case GraphQLInlineFragment inline:
                        Gather(inline.SelectionSet);
                        break;
                }
            }
        }

        Gather(set);
        return _collected[set] = collected;
    }

    /// <summary>Fields with one key that cannot be merged, the reason, and the fields of each side involved.</summary>
    private sealed class MergeConflict
    {
        public MergeConflict(string key, string reason, List<ASTNode> fields1, List<ASTNode> fields2)
        {
            Key = key;
            Reason = reason;
            Fields1 = fields1;
            Fields2 = fields2;
        }

        public string Key { get; }

        public string Reason { get; }

        public List<ASTNode> Fields1 { get; }

        public List<ASTNode> Fields2 { get; }
    }

    /// <summary>What <see cref="Collect"/> found in a selection set, and the comparisons already made with it.</summary>
    private sealed class Collected
    {
        public Collected(string typeName) => TypeName = typeName;

        public string TypeName { get; }

        public List<(string Key, List<GraphQLField> Fields)> Grouped { get; } = new();

        public Dictionary<string, List<GraphQLField>> ByKey { get; } = new(StringComparer.Ordinal);

        public List<string> FragmentNames { get; } = new();

        public HashSet<string> ComparedFragments { get; } = new(StringComparer.Ordinal);

        public Dictionary<Collected, List<(string Key, List<GraphQLField> Fields1, List<GraphQLField> Fields2)>> Overlapping { get; } = new();
    }
}
