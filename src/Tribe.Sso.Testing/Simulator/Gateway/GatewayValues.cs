using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using GraphQLParser.AST;

namespace Tribe.Sso.Testing;

/// <summary>
/// Input coercion as the GraphQL specification defines it, for this schema's types: variables from JSON, arguments from
/// the document's literals. Values become <see cref="string"/> (String, ID, enums), <see cref="int"/>,
/// <see cref="bool"/>, <see cref="List{T}"/> and a dictionary per input object; an absent argument has no key.
/// </summary>
internal static class GatewayValues
{
    /// <summary>The value of each declared variable, from the request's <c>variables</c> and the declared defaults.</summary>
    /// <exception cref="GatewayException">A value does not fit its variable's type (<see cref="GatewayCodes.BadUserInput"/>).</exception>
    public static Dictionary<string, object?> Variables(GraphQLOperationDefinition operation, JsonElement? given)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var definition in operation.Variables?.Items ?? new List<GraphQLVariableDefinition>())
        {
            var name = definition.Variable.Name.StringValue;
            var where = "Variable \"$" + name + "\"";
            if (given is { } json && json.TryGetProperty(name, out var value))
            {
                values[name] = FromJson(value, definition.Type, where);
            }
            else if (definition.DefaultValue is { } defaultValue)
            {
                values[name] = FromLiteral(defaultValue, definition.Type, values, where);
            }
            else if (definition.Type is GraphQLNonNullType)
            {
                throw BadInput(where + " of required type \"" + GatewaySchema.Print(definition.Type) + "\" was not provided.");
            }
        }

        return values;
    }

    /// <summary>A field's arguments, defaults applied; an optional argument given no value has no key.</summary>
    /// <exception cref="GatewayException">A value does not fit its argument's type.</exception>
    public static Dictionary<string, object?> Arguments(GraphQLFieldDefinition definition, GraphQLField field, IReadOnlyDictionary<string, object?> variables)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var argument in definition.Arguments?.Items ?? new List<GraphQLInputValueDefinition>())
        {
            var name = argument.Name.StringValue;
            var given = field.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == name)?.Value;
            if (given is GraphQLVariable variable && !variables.ContainsKey(variable.Name.StringValue))
            {
                given = null;
            }

            // A required argument is always given: the validator requires it, and a variable in its place is non-null
            // or has a default, which Variables gave a value (or refused the request for).
            if (given is not null)
            {
                values[name] = FromLiteral(given, argument.Type, variables, "Argument \"" + name + "\"");
            }
        }

        return values;
    }

    /// <summary>Whether a string holds half a surrogate pair: not text, and not writable as JSON.</summary>
    public static bool HasLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static object? FromJson(JsonElement value, GraphQLType type, string where)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return type is GraphQLNonNullType ? throw BadInput(where + " got null for non-null type \"" + GatewaySchema.Print(type) + "\".") : null;
        }

        var inner = type is GraphQLNonNullType nonNull ? nonNull.Type : type;
        if (inner is GraphQLListType list)
        {
            return value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Select(item => FromJson(item, list.Type, where)).ToList()
                : new List<object?> { FromJson(value, list.Type, where) };
        }

        var typeName = GatewaySchema.NamedType(inner);
        if (GatewaySchema.Instance.Find(typeName) is GraphQLInputObjectTypeDefinition input)
        {
            if (value.ValueKind != JsonValueKind.Object)
            {
                throw BadInput(where + " expected an object of type \"" + typeName + "\".");
            }

            var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var property in value.EnumerateObject())
            {
                var field = input.Fields?.Items.FirstOrDefault(f => f.Name.StringValue == property.Name)
                    ?? throw BadInput(where + " got a field \"" + Name(property.Name) + "\" that is not defined by type \"" + typeName + "\".");
                fields[field.Name.StringValue] = FromJson(property.Value, field.Type, where);
            }

            return RequireInputFields(input, fields, where);
        }

        // No argument or input field is a Float or DateTime, so the validator refused a variable of those types as unused.
        return (typeName, value.ValueKind) switch
        {
            ("String", JsonValueKind.String) => Text(value, where),
            ("ID", JsonValueKind.String) => Text(value, where),
            // An ID takes any whole number, as graphql-js 16 does (an id beyond 32 bits is still an id); an Int only 32 bits.
            ("ID", JsonValueKind.Number) when value.TryGetDecimal(out var whole) && decimal.Truncate(whole) == whole => whole.ToString("0", CultureInfo.InvariantCulture),
            ("Int", JsonValueKind.Number) when value.TryGetInt32(out var number) => number,
            ("Boolean", JsonValueKind.True or JsonValueKind.False) => value.GetBoolean(),
            (_, JsonValueKind.String) when EnumValue(typeName, Text(value, where)) is { } name => name,
            _ => throw BadInput(where + " got a value that is not a valid \"" + typeName + "\"."),
        };
    }

    /// <summary>
    /// A literal's value: an argument's, or a variable's default. The validator checked it against its type ("values of
    /// correct type") and refused any Float or DateTime variable as unused (no argument or input field has those types),
    /// so what is left to refuse here is a variable's value only.
    /// </summary>
    private static object? FromLiteral(GraphQLValue value, GraphQLType type, IReadOnlyDictionary<string, object?> variables, string where)
    {
        if (value is GraphQLVariable variable)
        {
            // The validator has checked the variable's type fits here; an unset optional variable reads as null.
            variables.TryGetValue(variable.Name.StringValue, out var set);
            return set is null && type is GraphQLNonNullType ? throw BadInput(where + " got null for non-null type \"" + GatewaySchema.Print(type) + "\".") : set;
        }

        if (value is GraphQLNullValue)
        {
            return null;
        }

        var inner = type is GraphQLNonNullType nonNull ? nonNull.Type : type;
        if (inner is GraphQLListType list)
        {
            return value is GraphQLListValue items
                ? (items.Values ?? new List<GraphQLValue>()).Select(item => FromLiteral(item, list.Type, variables, where)).ToList()
                : new List<object?> { FromLiteral(value, list.Type, variables, where) };
        }

        var typeName = GatewaySchema.NamedType(inner);
        if (GatewaySchema.Instance.Find(typeName) is GraphQLInputObjectTypeDefinition input)
        {
            var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var given in ((GraphQLObjectValue)value).Fields ?? new List<GraphQLObjectField>())
            {
                var name = given.Name.StringValue;
                var field = input.Fields!.Items.First(f => f.Name.StringValue == name);
                if (given.Value is GraphQLVariable unset && !variables.ContainsKey(unset.Name.StringValue))
                {
                    continue;
                }

                fields[name] = FromLiteral(given.Value, field.Type, variables, where);
            }

            return RequireInputFields(input, fields, where);
        }

        // A String or ID, an ID or Int (within 32 bits, as the validator checked), a Boolean, or one of the enum's values.
        return value switch
        {
            GraphQLStringValue text => Text(text.Value.ToString(), where),
            GraphQLIntValue id when typeName == "ID" => id.Value.ToString(),
            GraphQLIntValue number => int.Parse(number.Value.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
            GraphQLBooleanValue boolean => boolean.BoolValue,
            _ => ((GraphQLEnumValue)value).Name.StringValue,
        };
    }

    private static Dictionary<string, object?> RequireInputFields(GraphQLInputObjectTypeDefinition input, Dictionary<string, object?> fields, string where)
    {
        foreach (var field in input.Fields?.Items ?? new List<GraphQLInputValueDefinition>())
        {
            if (field.Type is GraphQLNonNullType && !fields.ContainsKey(field.Name.StringValue))
            {
                throw BadInput(where + " is missing the field \"" + field.Name.StringValue + "\" of required type \"" + GatewaySchema.Print(field.Type) + "\".");
            }
        }

        return fields;
    }

    private static string? EnumValue(string typeName, string value)
        => GatewaySchema.Instance.Find(typeName) is GraphQLEnumTypeDefinition { Values: { } values } && values.Items.Any(v => v.EnumValue.Name.StringValue == value) ? value : null;

    private static string Text(JsonElement value, string where)
    {
        try
        {
            return Text(value.GetString()!, where);
        }
        catch (InvalidOperationException)
        {
            // GetString() refuses an escape such as \ud800: a lone surrogate is not a string .NET can hold as text.
            throw BadInput(where + " holds a lone UTF-16 surrogate; send text that is valid Unicode.");
        }
    }

    private static string Text(string value, string where)
        => HasLoneSurrogate(value) ? throw BadInput(where + " holds a lone UTF-16 surrogate; send text that is valid Unicode.") : value;

    /// <summary>A JSON property name shown in a message: only when it is a GraphQL name, so nothing else is echoed.</summary>
    private static string Name(string name)
        => name.Length is > 0 and <= 64 && name.All(c => c is '_' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')) ? name : "…";

    private static GatewayException BadInput(string message) => new(GatewayCodes.BadUserInput, message);
}
