using System.Collections.Generic;
using System.Linq;
using System.Text;
using GraphQLParser.AST;

namespace Tribe.Sso.Testing;

/// <summary>
/// The specification's rule that fields sharing a response key can be merged: the same field with the same arguments
/// (<c>{ a: member(id: "1") { id } a: member(id: "2") { id } }</c> is refused, in the reference implementation's words).
/// </summary>
internal static class GatewayMerging
{
    /// <summary>Why two fields with one response key cannot be merged, their sub-selections aside; null when they can.</summary>
    public static string? Conflict(GraphQLField first, GraphQLField other)
        => first.Name.StringValue != other.Name.StringValue
            ? "\"" + first.Name.StringValue + "\" and \"" + other.Name.StringValue + "\" are different fields"
            : Arguments(first) != Arguments(other) ? "they have differing arguments" : null;

    /// <summary>The reference implementation's message for a conflict.</summary>
    public static string Message(string key, string reason)
        => "Fields \"" + key + "\" conflict because " + reason + ". Use different aliases on the fields to fetch both if this was intentional.";

    private static string Arguments(GraphQLField field)
    {
        var text = new StringBuilder();
        foreach (var argument in (field.Arguments?.Items ?? new List<GraphQLArgument>()).OrderBy(a => a.Name.StringValue, System.StringComparer.Ordinal))
        {
            text.Append(argument.Name.StringValue).Append(':');
            Value(text, argument.Value);
            text.Append(',');
        }

        return text.ToString();
    }

    /// <summary>A literal as compared here: two arguments are the same when these texts are.</summary>
    public static string Value(GraphQLValue value)
    {
        var text = new StringBuilder();
        Value(text, value);
        return text.ToString();
    }

    private static void Value(StringBuilder text, GraphQLValue value)
    {
        switch (value)
        {
            case GraphQLVariable variable:
                text.Append('$').Append(variable.Name.StringValue);
                break;
            case GraphQLStringValue literal:
                text.Append('"').Append(literal.Value.ToString().Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                break;
            case GraphQLEnumValue enumValue:
                text.Append(enumValue.Name.StringValue);
                break;
            case GraphQLListValue list:
                text.Append('[');
                foreach (var item in list.Values ?? new List<GraphQLValue>())
                {
                    Value(text, item);
                    text.Append(',');
                }

                text.Append(']');
                break;
            case GraphQLObjectValue objectValue:
                text.Append('{');
                foreach (var field in (objectValue.Fields ?? new List<GraphQLObjectField>()).OrderBy(f => f.Name.StringValue, System.StringComparer.Ordinal))
                {
                    text.Append(field.Name.StringValue).Append(':');
                    Value(text, field.Value);
                    text.Append(',');
                }

                text.Append('}');
                break;
            default:
                // null, a Boolean, an Int or a Float: the literal as written (null, true, 12, 1.5), unlike any other kind's text.
                text.Append(((IHasValueNode)value).Value.ToString());
                break;
        }
    }
}
