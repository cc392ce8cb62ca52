using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using GraphQLParser.AST;

namespace Tribe.Sso.Testing;

/// <summary>
/// Runs a validated operation: root fields one after another (as a mutation requires), then writes the selected fields
/// of what they returned, honouring aliases, fragments, <c>__typename</c>, <c>@skip</c> and <c>@include</c>. Every root
/// field of this schema is non-null, so a field's error makes <c>data</c> null, as the community answers.
/// </summary>
internal sealed class GatewayExecutor
{
    private readonly GatewaySchema _schema = GatewaySchema.Instance;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments;
    private readonly IReadOnlyDictionary<string, object?> _variables;

    public GatewayExecutor(GraphQLDocument document, IReadOnlyDictionary<string, object?> variables)
    {
        _fragments = document.Definitions.OfType<GraphQLFragmentDefinition>().ToDictionary(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal);
        _variables = variables;
    }

    /// <summary>Resolves the root fields with <paramref name="resolve"/>; gives the data to write, or null with the errors.</summary>
    public IReadOnlyList<(string Key, List<GraphQLField> Fields, GatewayObject Value)>? Resolve(
        GraphQLOperationDefinition operation,
        Func<string, Dictionary<string, object?>, GatewayObject> resolve,
        List<GatewayError> errors)
    {
        var rootType = GatewaySchema.RootTypeName(operation.Operation)!;
        var resolved = new List<(string, List<GraphQLField>, GatewayObject)>();
        foreach (var (key, fields) in Collect(operation.SelectionSet, rootType))
        {
            // The fields under one key have one name and one set of arguments (the validator saw to it): run once.
            var field = fields[0];
            if (field.Name.StringValue == "__typename")
            {
                resolved.Add((key, fields, new GatewayObject(rootType, new Dictionary<string, object?>())));
                continue;
            }

            try
            {
                var arguments = GatewayValues.Arguments(_schema.Field(rootType, field.Name.StringValue)!, field, _variables);
                resolved.Add((key, fields, resolve(field.Name.StringValue, arguments)));
            }
            catch (GatewayException e)
            {
                errors.Add(new GatewayError(e.Code, e.Message, new object[] { key }));
            }
        }

        return errors.Count == 0 ? resolved : null;
    }

    /// <summary>Writes <c>data</c>'s object: each key once, with the sub-selections of all its fields merged, as at every level.</summary>
    public void Write(Utf8JsonWriter writer, string rootType, IReadOnlyList<(string Key, List<GraphQLField> Fields, GatewayObject Value)> resolved)
    {
        writer.WriteStartObject();
        foreach (var (key, fields, value) in resolved)
        {
            writer.WritePropertyName(key);
            if (fields[0].Name.StringValue == "__typename")
            {
                writer.WriteStringValue(rootType);
            }
            else
            {
                WriteObject(writer, value, MergedSelection(fields)!);
            }
        }

        writer.WriteEndObject();
    }

    private void WriteObject(Utf8JsonWriter writer, GatewayObject value, GraphQLSelectionSet set)
    {
        writer.WriteStartObject();
        foreach (var (key, fields) in Collect(set, value.TypeName))
        {
            var field = fields[0];
            var name = field.Name.StringValue;
            writer.WritePropertyName(key);
            if (name == "__typename")
            {
                writer.WriteStringValue(value.TypeName);
                continue;
            }

            WriteValue(writer, value.Fields.TryGetValue(name, out var fieldValue) ? fieldValue : null, MergedSelection(fields));
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a resolved value as it is: resolvers give each field a value of its type (see <see cref="GatewayObject"/>).</summary>
    private void WriteValue(Utf8JsonWriter writer, object? value, GraphQLSelectionSet? set)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case GatewayObject child:
                WriteObject(writer, child, set!);
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case bool boolean:
                writer.WriteBooleanValue(boolean);
                break;
            case DateTimeOffset time:
                writer.WriteStringValue(GatewayMembers.Time(time));
                break;
            default:
                // The one other kind of value resolvers give is a list, for a list field (staffReasons, edges, nodes).
                writer.WriteStartArray();
                foreach (var item in (IEnumerable)value)
                {
                    WriteValue(writer, item, set);
                }

                writer.WriteEndArray();
                break;
        }
    }

    /// <summary>Fields with one response key are merged: their sub-selections are written as one.</summary>
    private static GraphQLSelectionSet? MergedSelection(List<GraphQLField> fields)
        => fields.Count == 1 || fields[0].SelectionSet is null
            ? fields[0].SelectionSet
            : new GraphQLSelectionSet(fields.SelectMany(f => f.SelectionSet?.Selections ?? new List<ASTNode>()).ToList());

    /// <summary>The specification's CollectFields: response keys in order, fragments that apply, directives honoured.</summary>
    private List<(string Key, List<GraphQLField> Fields)> Collect(GraphQLSelectionSet set, string typeName)
    {
        var collected = new List<(string Key, List<GraphQLField> Fields)>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        void Visit(GraphQLSelectionSet current)
        {
            foreach (var selection in current.Selections)
            {
                if (!Included(selection as IHasDirectivesNode))
                {
                    continue;
                }

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
                            // The validator checked every pair of fields under a key, at every level, merged or not.
                            collected[index].Fields.Add(field);
                        }

                        break;
                    case GraphQLInlineFragment inline when (inline.TypeCondition?.Type.Name.StringValue ?? typeName) == typeName:
                        Visit(inline.SelectionSet);
                        break;
                    case GraphQLFragmentSpread spread when visited.Add(spread.FragmentName.Name.StringValue)
                        && _fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment)
                        && fragment.TypeCondition.Type.Name.StringValue == typeName:
                        Visit(fragment.SelectionSet);
                        break;
                }
            }
        }

        Visit(set);
        return collected;
    }

    private bool Included(IHasDirectivesNode? node)
    {
        foreach (var directive in node?.Directives?.Items ?? new List<GraphQLDirective>())
        {
            // The validator let through only @skip and @include here, each with its one argument, a Boolean or a variable.
            var condition = directive.Arguments!.Items[0].Value is GraphQLBooleanValue literal
                ? literal.BoolValue
                : _variables.TryGetValue(((GraphQLVariable)directive.Arguments.Items[0].Value).Name.StringValue, out var set) && set is true;
            if (directive.Name.StringValue == "skip" ? condition : !condition)
            {
                return false;
            }
        }

        return true;
    }
}
