using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using GraphQLParser.AST;

namespace Tribe.Sso.Testing;

/// <content>
/// Fields that share a response key can be merged (OverlappingFieldsCanBeMerged), as graphql-js 16 checks it: every
/// selection set of the document (operations and fragments, whichever runs, whatever <c>@skip</c> and <c>@include</c>
/// say), every pair of fields with one key, their sub-selections compared pair by pair, fragments compared with the
/// fields beside them and with each other once; each conflict reported with the places of the fields involved, its
/// message and places capped as graphql-js caps them. Runs on documents that passed every other rule and
/// <see cref="GatewayLimits"/>, so every type, field and fragment named is known, no fragment spreads itself and no
/// field's type is abstract (two fields compared never have different parent types). The work is bounded as graphql-js
/// bounds it: past a budget of comparisons the document is refused with "Validation aborted.".
/// </content>
internal sealed partial class GatewayValidator
{
    private const int MaxConflictDetailLength = 1000;
    private const int MaxConflictNodes = 20;
    private const int MaxComplexityBudget = 500000;
    private const string Aborted = "Validation aborted.";

    private readonly Dictionary<GraphQLSelectionSet, Collected> _collected = new();
    private readonly HashSet<(string, string)> _comparedFragmentPairs = new();
    private readonly Dictionary<(GraphQLField, GraphQLField), string?> _comparisons = new();
    private int _budget = MaxComplexityBudget;

    private void Merging(GraphQLDocument document)
    {
        try
        {
            foreach (var definition in document.Definitions)
            {
                // Only operations and fragments are left (other definitions were refused); a subscription was refused too.
                var (set, typeName) = definition is GraphQLFragmentDefinition fragment
                    ? (fragment.SelectionSet, fragment.TypeCondition.Type.Name.StringValue)
                    : (((GraphQLOperationDefinition)definition).SelectionSet, GatewaySchema.RootTypeName(((GraphQLOperationDefinition)definition).Operation)!);
                Visit(set, typeName, flattened: false);
            }
        }
        catch (GatewayException e) when (e.Message == Aborted)
        {
            _errors.Add(new GatewayError(GatewayCodes.ValidationFailed, Aborted)); // past the error limit too, as graphql-js adds it
        }
    }

    /// <summary>Reports the conflicts within a selection set, then visits the sets inside it, in document order.</summary>
    private void Visit(GraphQLSelectionSet set, string typeName, bool flattened)
    {
        // An inline fragment's fields belong to the enclosing set, checked with it; one field alone conflicts with nothing.
        if (!flattened && (set.Selections.Count > 1 || set.Selections[0] is GraphQLInlineFragment))
        {
            foreach (var conflict in ConflictsWithin(set, typeName))
            {
                ErrorAt(GatewayMerging.Message(Abbreviate(conflict.Key), conflict.Reason), conflict.Fields1.Concat(conflict.Fields2).ToList());
            }
        }

        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField { SelectionSet: { } inner } field:
                    Visit(inner, GatewaySchema.NamedType(_schema.Field(typeName, field.Name.StringValue)!.Type), flattened: false);
                    break;
                case GraphQLInlineFragment inline:
                    Visit(inline.SelectionSet, typeName, flattened: true);
                    break;
            }
        }
    }

    private List<MergeConflict> ConflictsWithin(GraphQLSelectionSet set, string typeName)
    {
        var conflicts = new List<MergeConflict>();
        var collected = Collect(set, typeName);
        foreach (var (key, fields) in collected.Grouped)
        {
            for (var i = 0; i < fields.Count; i++)
            {
                for (var j = i + 1; j < fields.Count; j++)
                {
                    Add(conflicts, FindConflict(key, fields[i], fields[j], typeName));
                }
            }
        }

        var names = collected.FragmentNames;
        if (names.Count != 0 && (collected.Grouped.Count != 0 || names.Count > 1))
        {
            for (var i = 0; i < names.Count; i++)
            {
                BetweenFieldsAndFragment(conflicts, collected, names[i]);
                for (var j = i + 1; j < names.Count; j++)
                {
                    BetweenFragments(conflicts, names[i], names[j]);
                }
            }
        }

        return conflicts;
    }

    private void BetweenFieldsAndFragment(List<MergeConflict> conflicts, Collected collected, string fragmentName)
    {
        Spend(1);
        if (collected.Grouped.Count == 0 || !collected.ComparedFragments.Add(fragmentName))
        {
            return;
        }

        var other = CollectFragment(fragmentName);
        Between(conflicts, collected, other);
        foreach (var referenced in other.FragmentNames)
        {
            BetweenFieldsAndFragment(conflicts, collected, referenced);
        }
    }

    private void BetweenFragments(List<MergeConflict> conflicts, string first, string second)
    {
        Spend(2);
        if (first == second || !_comparedFragmentPairs.Add(string.CompareOrdinal(first, second) < 0 ? (first, second) : (second, first)))
        {
            return;
        }

        var collected1 = CollectFragment(first);
        var collected2 = CollectFragment(second);
        Between(conflicts, collected1, collected2);
        foreach (var referenced in collected2.FragmentNames)
        {
            BetweenFragments(conflicts, first, referenced);
        }

        foreach (var referenced in collected1.FragmentNames)
        {
            BetweenFragments(conflicts, referenced, second);
        }
    }

    private List<MergeConflict> BetweenSubSelections(string typeName, GraphQLSelectionSet set1, GraphQLSelectionSet set2)
    {
        var conflicts = new List<MergeConflict>();
        var collected1 = Collect(set1, typeName);
        var collected2 = Collect(set2, typeName);
        Between(conflicts, collected1, collected2);
        foreach (var name in collected2.FragmentNames)
        {
            BetweenFieldsAndFragment(conflicts, collected1, name);
        }

        foreach (var name in collected1.FragmentNames)
        {
            BetweenFieldsAndFragment(conflicts, collected2, name);
        }

        foreach (var name1 in collected1.FragmentNames)
        {
            foreach (var name2 in collected2.FragmentNames)
            {
                BetweenFragments(conflicts, name1, name2);
            }
        }

        return conflicts;
    }

    /// <summary>Compares every field of one collection with every field of the other under the same key.</summary>
    private void Between(List<MergeConflict> conflicts, Collected collected1, Collected collected2)
    {
        if (collected1.Grouped.Count == 0 || collected2.Grouped.Count == 0)
        {
            return;
        }

        foreach (var (key, fields1, fields2) in Overlapping(collected1, collected2))
        {
            foreach (var field1 in fields1)
            {
                foreach (var field2 in fields2)
                {
                    Add(conflicts, FindConflict(key, field1, field2, collected1.TypeName));
                }
            }
        }
    }

    private List<(string Key, List<GraphQLField> Fields1, List<GraphQLField> Fields2)> Overlapping(Collected collected1, Collected collected2)
    {
        if (collected1.Overlapping.TryGetValue(collected2, out var known))
        {
            return known;
        }

        var overlapping = new List<(string, List<GraphQLField>, List<GraphQLField>)>();
        foreach (var (key, fields1) in collected1.Grouped)
        {
            Spend(1);
            if (collected2.ByKey.TryGetValue(key, out var fields2))
            {
                overlapping.Add((key, fields1, fields2));
            }
        }

        return collected1.Overlapping[collected2] = overlapping;
    }

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
