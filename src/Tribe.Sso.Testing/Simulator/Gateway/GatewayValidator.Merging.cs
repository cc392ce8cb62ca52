using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;

namespace Tribe.Sso.Testing;

/// <content>
/// Fields that share a response key can be merged (OverlappingFieldsCanBeMerged): checked in every operation, whichever
/// runs, and whatever <c>@skip</c> and <c>@include</c> say, as graphql-js does, so a document is valid or not on its
/// own. Runs on documents that passed every other rule and <see cref="GatewayLimits"/>, whose bound on fields (counting
/// each spread) bounds this work too.
/// </content>
internal sealed partial class GatewayValidator
{
    private void Merging(GraphQLSelectionSet set, string typeName)
    {
        foreach (var (key, fields) in CollectAll(set, typeName))
        {
            for (var i = 1; i < fields.Count; i++)
            {
                if (Conflict(fields[0], fields[i], typeName) is { } reason)
                {
                    Error(GatewayMerging.Message(key, reason), fields[i]);
                    break;
                }
            }

            foreach (var field in fields)
            {
                if (field.SelectionSet is { } inner && _schema.Field(typeName, field.Name.StringValue) is { } definition)
                {
                    Merging(inner, GatewaySchema.NamedType(definition.Type));
                }
            }
        }
    }

    /// <summary>Why two fields cannot be merged, their sub-selections compared between them; null when they can.</summary>
    private string? Conflict(GraphQLField first, GraphQLField other, string typeName)
    {
        if (GatewayMerging.Conflict(first, other) is { } reason)
        {
            return reason;
        }

        if (first.SelectionSet is not { } left || other.SelectionSet is not { } right || _schema.Field(typeName, first.Name.StringValue) is not { } definition)
        {
            return null;
        }

        var fieldType = GatewaySchema.NamedType(definition.Type);
        var theirs = CollectAll(right, fieldType);
        var reasons = new List<string>();
        foreach (var (key, mine) in CollectAll(left, fieldType))
        {
            var match = theirs.Find(t => t.Key == key).Fields;
            var inner = match?.Select(f => Conflict(mine[0], f, fieldType)).FirstOrDefault(r => r is not null);
            if (inner is not null)
            {
                reasons.Add("subfields \"" + key + "\" conflict because " + inner);
            }
        }

        return reasons.Count == 0 ? null : string.Join(" and ", reasons);
    }

    /// <summary>The fields of a selection set by response key, fragments that apply expanded (each once), directives not applied.</summary>
    private List<(string Key, List<GraphQLField> Fields)> CollectAll(GraphQLSelectionSet set, string typeName)
    {
        var collected = new List<(string Key, List<GraphQLField> Fields)>();
        var visited = new HashSet<string>(System.StringComparer.Ordinal);
        void Visit(GraphQLSelectionSet current)
        {
            foreach (var selection in current.Selections)
            {
                switch (selection)
                {
                    case GraphQLField field:
                        var key = field.Alias?.Name.StringValue ?? field.Name.StringValue;
                        var index = collected.FindIndex(c => c.Key == key);
                        if (index < 0)
                        {
                            collected.Add((key, new List<GraphQLField> { field }));
                        }
                        else
                        {
                            collected[index].Fields.Add(field);
                        }

                        break;
                    case GraphQLInlineFragment inline:
                        Visit(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread when visited.Add(spread.FragmentName.Name.StringValue) && _fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                        Visit(fragment.SelectionSet);
                        break;
                }
            }
        }

        Visit(set);
        return collected;
    }
}
