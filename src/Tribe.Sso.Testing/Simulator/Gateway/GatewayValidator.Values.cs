using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using GraphQLParser.AST;

namespace Tribe.Sso.Testing;

/// <content>Literal values against their types, as the rule "values of correct type" says.</content>
internal sealed partial class GatewayValidator
{
    /// <summary>Checks a literal against its type; a variable is noted, to be checked against the operation that runs it.</summary>
    private void Literal(GraphQLValue value, GraphQLType type, string where)
    {
        // A default value is a constant: the parser refuses a variable in one, so every variable here is a usage.
        if (value is GraphQLVariable variable)
        {
            _usages.Add(new Usage(variable.Name.StringValue, type, variable));
            return;
        }

        if (value is GraphQLNullValue)
        {
            if (type is GraphQLNonNullType)
            {
                Error(where + ": expected value of type \"" + GatewaySchema.Print(type) + "\", found null.", value);
            }

            return;
        }

        var inner = type is GraphQLNonNullType nonNull ? nonNull.Type : type;
        if (inner is GraphQLListType list)
        {
            foreach (var item in value is GraphQLListValue items ? items.Values ?? new List<GraphQLValue>() : new List<GraphQLValue> { value })
            {
                Literal(item, list.Type, where);
            }

            return;
        }

        var typeName = GatewaySchema.NamedType(inner);
        if (_schema.Find(typeName) is GraphQLInputObjectTypeDefinition input)
        {
            InputObject(value, input, where);
            return;
        }

        var fits = (typeName, value) switch
        {
            ("String" or "DateTime", GraphQLStringValue) => true,
            ("ID", GraphQLStringValue or GraphQLIntValue) => true,
            ("Int", GraphQLIntValue number) => int.TryParse(number.Value.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
            ("Float", GraphQLIntValue or GraphQLFloatValue) => true,
            ("Boolean", GraphQLBooleanValue) => true,
            (_, GraphQLEnumValue enumValue) => _schema.Find(typeName) is GraphQLEnumTypeDefinition { Values: { } values } && values.Items.Any(v => v.EnumValue.Name.StringValue == enumValue.Name.StringValue),
            _ => false,
        };
        if (!fits)
        {
            Error(where + ": expected value of type \"" + GatewaySchema.Print(type) + "\", found " + value.Kind + ".", value);
        }
    }

    private void InputObject(GraphQLValue value, GraphQLInputObjectTypeDefinition input, string where)
    {
        var typeName = input.Name.StringValue;
        if (value is not GraphQLObjectValue objectValue)
        {
            Error(where + ": expected value of type \"" + typeName + "\", found " + value.Kind + ".", value);
            return;
        }

        var given = objectValue.Fields ?? new List<GraphQLObjectField>();
        foreach (var group in given.GroupBy(f => f.Name.StringValue).Where(g => g.Count() > 1))
        {
            Error("There can be only one input field named \"" + group.Key + "\".", group.ElementAt(1));
        }

        foreach (var field in given)
        {
            var name = field.Name.StringValue;
            if (input.Fields?.Items.FirstOrDefault(f => f.Name.StringValue == name) is { } declared)
            {
                Literal(field.Value, declared.Type, where);
            }
            else
            {
                Error(where + ": field \"" + name + "\" is not defined by type \"" + typeName + "\".", field);
            }
        }

        foreach (var required in (input.Fields?.Items ?? new List<GraphQLInputValueDefinition>()).Where(f => f.Type is GraphQLNonNullType && given.All(g => g.Name.StringValue != f.Name.StringValue)))
        {
            Error(where + ": field \"" + typeName + "." + required.Name.StringValue + "\" of required type \"" + GatewaySchema.Print(required.Type) + "\" was not provided.", value);
        }
    }


    /// <summary>A variable used where a value of <see cref="Expected"/> goes.</summary>
    private sealed class Usage
    {
        public Usage(string name, GraphQLType expected, GraphQLVariable node)
        {
            Name = name;
            Expected = expected;
            Node = node;
        }

        public string Name { get; }

        public GraphQLType Expected { get; }

        public GraphQLVariable Node { get; }
    }
}
