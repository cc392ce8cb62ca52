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
}
