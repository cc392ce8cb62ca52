using System.Collections.Generic;
using System.Linq;
using GraphQLParser.AST;

namespace Tribe.Sso.Testing;

/// <content>Selection sets: fields known on their type, arguments, leaf and composite selections and spreads.</content>
internal sealed partial class GatewayValidator
{
    /// <summary>Checks fields, arguments and spreads of one selection set on its type (fragments' own sets are checked once, apart).</summary>
    private void SelectionSet(GraphQLSelectionSet set, string typeName)
    {
        foreach (var selection in set.Selections)
        {
            Directives(selection as IHasDirectivesNode, selection switch
            {
                GraphQLField => "FIELD",
                GraphQLFragmentSpread => "FRAGMENT_SPREAD",
                _ => "INLINE_FRAGMENT",
            });
            switch (selection)
            {
                case GraphQLField field:
                    Field(field, typeName);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    _spread.Add(name);
                    if (!_fragments.TryGetValue(name, out var fragment))
                    {
                        Error("Unknown fragment \"" + name + "\".", spread);
                    }
                    else if (fragment.TypeCondition.Type.Name.StringValue is var condition && condition != typeName && _schema.Find(condition) is GraphQLObjectTypeDefinition)
                    {
                        Error("Fragment \"" + name + "\" cannot be spread here as objects of type \"" + typeName + "\" can never be of type \"" + condition + "\".", spread);
                    }

                    break;
                case GraphQLInlineFragment inline:
                    var inlineType = inline.TypeCondition?.Type.Name.StringValue ?? typeName;
                    if (_schema.Find(inlineType) is not GraphQLObjectTypeDefinition)
                    {
                        Error(_schema.Exists(inlineType) ? "Fragment cannot condition on non composite type \"" + inlineType + "\"." : "Unknown type \"" + inlineType + "\".", inline.TypeCondition);
                    }
                    else if (inlineType != typeName)
                    {
                        Error("Fragment cannot be spread here as objects of type \"" + typeName + "\" can never be of type \"" + inlineType + "\".", inline);
                    }
                    else
                    {
                        SelectionSet(inline.SelectionSet, typeName);
                    }

                    break;
            }
        }
    }

    private void Field(GraphQLField field, string typeName)
    {
        var name = field.Name.StringValue;
        if (name == "__typename")
        {
            Arguments(field, null, name);
            LeafSelection(field, "String", name);
            return;
        }

        if (_schema.Field(typeName, name) is not { } definition)
        {
            Error("Cannot query field \"" + name + "\" on type \"" + typeName + "\".", field);
            return;
        }

        Arguments(field, definition, name);
        LeafSelection(field, GatewaySchema.NamedType(definition.Type), name, definition.Type);
    }

    private void LeafSelection(GraphQLField field, string fieldType, string name, GraphQLType? printed = null)
    {
        var shown = printed is null ? fieldType : GatewaySchema.Print(printed);
        if (_schema.IsLeaf(fieldType) && field.SelectionSet is not null)
        {
            Error("Field \"" + name + "\" must not have a selection since type \"" + shown + "\" has no subfields.", field.SelectionSet);
        }
        else if (!_schema.IsLeaf(fieldType) && field.SelectionSet is null)
        {
            Error("Field \"" + name + "\" of type \"" + shown + "\" must have a selection of subfields. Did you mean \"" + name + " { ... }\"?", field);
        }
        else if (field.SelectionSet is { } set)
        {
            SelectionSet(set, fieldType);
        }
    }

    private void Arguments(GraphQLField field, GraphQLFieldDefinition? definition, string fieldName)
    {
        var given = field.Arguments?.Items ?? new List<GraphQLArgument>();
        foreach (var group in given.GroupBy(a => a.Name.StringValue).Where(g => g.Count() > 1))
        {
            Error("There can be only one argument named \"" + group.Key + "\".", group.ElementAt(1));
        }

        var declared = definition?.Arguments?.Items ?? new List<GraphQLInputValueDefinition>();
        foreach (var argument in given)
        {
            var name = argument.Name.StringValue;
            // Assigned before the test, not in a pattern: a mutant that drops the continue below then compiles and is tested,
            // where a pattern variable's definite assignment made Stryker leave every mutant of this method untested.
            var declaration = declared.FirstOrDefault(d => d.Name.StringValue == name);
            if (declaration is null)
            {
                Error("Unknown argument \"" + name + "\" on field \"" + fieldName + "\".", argument);
                continue;
            }

            Literal(argument.Value, declaration.Type, "Argument \"" + name + "\"");
        }

        foreach (var required in declared.Where(d => d.Type is GraphQLNonNullType && d.DefaultValue is null && given.All(a => a.Name.StringValue != d.Name.StringValue)))
        {
            Error("Field \"" + fieldName + "\" argument \"" + required.Name.StringValue + "\" of type \"" + GatewaySchema.Print(required.Type) + "\" is required, but it was not provided.", field);
        }
    }
}
